import type {Page} from '../engine/engine.js'
import {BlobReader} from './blob-reader.js'
import {isRegularFile, pageName} from './page-names.js'
import {GitError} from '../errors.js'
import {runGit} from './run-git.js'

/**
 * The commits that touched the month pages of a git repository, oldest first, and the
 * pages as each of them left the folder — read from git objects, without a checkout.
 *
 * One `git log` lists the commits with the files each changed (raw diff, renames
 * detected), and one long-lived `git cat-file --batch` reads the blobs. The pages of the
 * current tree are kept in memory, and only the files a commit changed are read again.
 */

/** How a commit changed a page; a page moved to another name is `renamed`. */
export type PageChangeKind = 'added' | 'modified' | 'deleted' | 'renamed'

/** A page a commit changed, named `announcements/<path in the folder>`. */
export interface PageChange {
  change: PageChangeKind
  name: string
  /** The page's former name, for `renamed`. */
  from?: string
}

/** A file change as the raw diff gives it. */
interface FileChange {
  status: string
  /** The blob after the change; undefined for a deletion or a file that is no page. */
  blob: string | undefined
  path: string
  from?: string
}

/** A commit as `git log` lists it, with the files it changed. */
export interface CommitInfo {
  sha: string
  /** Committer date, strict ISO 8601 as git writes it (`2020-11-06T19:58:12+00:00`). */
  date: string
  subject: string
  files: FileChange[]
}

/**
 * Parses `git log -z --raw --format=%x01%H%x00%cI%x00%s`: NUL-separated tokens, each
 * commit opened by a token starting with \x01, then its date and subject, then one
 * `:<modes> <blobs> <status>` token per file followed by its path (two paths for a
 * rename or a copy). Tokens are read by position, so a path may hold any character.
 */
export function parseLog(out: Buffer): CommitInfo[] {
  const tokens = out.toString('utf8').split('\0')
  const commits: CommitInfo[] = []
  let current: CommitInfo | undefined
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!.replace(/^\n/, '')
    if (token === '') continue
    if (token.startsWith('\x01')) {
      current = {
        sha: token.slice(1),
        date: tokens[index + 1] ?? '',
        subject: tokens[index + 2] ?? '',
        files: []
      }
      commits.push(current)
      index += 2
      continue
    }

    if (!current || !token.startsWith(':')) {
      throw new GitError(['log'], `unexpected output near \`${token.slice(0, 80)}\``)
    }

    const [, newMode, , newBlob, status = ''] = token.slice(1).split(' ')
    const kind = status.charAt(0)
    const blob = kind === 'D' || !isRegularFile(newMode) ? undefined : newBlob
    if (kind === 'R' || kind === 'C') {
      const from = tokens[index + 1] ?? ''
      const path = tokens[index + 2] ?? ''
      current.files.push({status: kind, blob, path, from})
      index += 2
    } else {
      current.files.push({status: kind, blob, path: tokens[index + 1] ?? ''})
      index += 1
    }
  }

  return commits
}

/** Which history {@link walkCommits} walks: a repository, a commit, a folder, an end date. */
export interface WalkOptions {
  /** Where git runs: the top of a working tree, or a bare repository. */
  repo: string
  /** The commit whose history is walked. */
  commit: string
  /** The folder of the pages from the top of the tree, no trailing `/` (`''`: the top). */
  folder: string
  /**
   * Stop before the first commit dated after this instant (milliseconds since the epoch).
   */
  until?: number
}

/**
 * The commits that touched `folder`, oldest first, along the first-parent line of
 * `commit` (a merge counts as one change against its first parent: the pages as the
 * branch had them, one state after the other).
 */
export async function listCommits(options: WalkOptions): Promise<CommitInfo[]> {
  const out = await runGit(options.repo, [
    '-c',
    'log.follow=false',
    '-c',
    'log.showSignature=false',
    '-c',
    'log.showRoot=true',
    'log',
    '--reverse',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-color',
    '--no-ext-diff',
    '--no-relative',
    '--encoding=UTF-8',
    '-M',
    '--format=%x01%H%x00%cI%x00%s',
    options.commit,
    '--',
    // The whole tree when the pages are at its top.
    options.folder === '' ? ':/' : options.folder
  ])
  const commits = parseLog(out)
  if (options.until === undefined) return commits
  // Up to the first commit after the date: each state follows the one before it.
  const after = commits.findIndex((commit) => !(Date.parse(commit.date) <= options.until!))
  return after === -1 ? commits : commits.slice(0, after)
}

/** A page version: a page name and its blob. */
export interface PageVersion {
  name: string
  blob: string
}

/** One commit walked: the pages its tree holds, and what changed since the one before. */
export interface CommitState {
  commit: Omit<CommitInfo, 'files'>
  /** Every page of the folder at this commit, ordered by name. */
  pages: Page[]
  /** The pages this commit added, changed, renamed or deleted, ordered by name. */
  changes: PageChange[]
  /** The page versions this commit brought (added, modified and renamed pages). */
  versions: PageVersion[]
}

function byName<T extends {name: string}>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/**
 * Page-level changes and new versions of a commit's file changes. A file is a page on a
 * side of the change when it is a Markdown file of the folder (a regular file on the new
 * side; on the old side, a page of the tree in memory).
 */
function pageChanges(
  folder: string,
  files: readonly FileChange[],
  tree: ReadonlyMap<string, unknown>
): {changes: PageChange[]; deleted: string[]; versions: PageVersion[]} {
  const changes: PageChange[] = []
  const deleted: string[] = []
  const versions: PageVersion[] = []
  for (const file of files) {
    const oldPath = file.status === 'R' ? file.from : file.status === 'A' ? undefined : file.path
    const oldName =
      file.status === 'C' || oldPath === undefined ? undefined : pageName(folder, oldPath)
    const before = oldName !== undefined && tree.has(oldName) ? oldName : undefined
    const after = file.blob === undefined ? undefined : pageName(folder, file.path)
    if (before !== undefined && before !== after) deleted.push(before)
    if (after !== undefined) versions.push({name: after, blob: file.blob!})
    if (before !== undefined && after !== undefined) {
      changes.push(
        before === after
          ? {change: 'modified', name: after}
          : {change: 'renamed', name: after, from: before}
      )
    } else if (before !== undefined) changes.push({change: 'deleted', name: before})
    else if (after !== undefined) changes.push({change: 'added', name: after})
  }

  return {changes: changes.sort(byName), deleted, versions: versions.sort(byName)}
}

/**
 * Walks the commits that touched the folder, oldest first, yielding the pages of each
 * commit's tree. Only the blobs a commit changed are read; the pages it did not touch
 * are the bytes already in memory.
 */
export async function* walkCommits(
  options: WalkOptions,
  commits?: readonly CommitInfo[]
): AsyncGenerator<CommitState> {
  const list = commits ?? (await listCommits(options))
  const reader = new BlobReader(options.repo)
  const tree = new Map<string, Uint8Array>()
  try {
    for (const {files, ...commit} of list) {
      const {changes, deleted, versions} = pageChanges(options.folder, files, tree)
      for (const name of deleted) tree.delete(name)
      const blobs = await Promise.all(versions.map((version) => reader.read(version.blob)))
      versions.forEach((version, index) => tree.set(version.name, blobs[index]!))
      const pages = [...tree].map(([name, bytes]) => ({name, bytes})).sort(byName)
      yield {commit, pages, changes, versions}
    }
  } finally {
    await reader.close()
  }
}
