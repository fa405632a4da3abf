import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {gitEnvironment} from './git-environment.js'
import {posix} from 'node:path'
import type {Page as PageSource} from '../engine/engine.js'
import {HeraldError} from '../errors.js'

/**
 * The commits that touched the month pages of a git repository, oldest first, and the
 * pages as each of them left the folder — read from git objects, without a checkout.
 *
 * One `git log` lists the commits with the files each changed (raw diff, renames
 * detected), and one long-lived `git cat-file --batch` reads the blobs. The pages of the
 * current tree are kept in memory, and only the files a commit changed are read again.
 * Every git command gets its arguments as an array: nothing goes through a shell.
 */

/** A git command that failed, or git missing: printed without a stack trace, exit 2. */
export class GitError extends HeraldError {}

/** git run in `repo`: the top of a working tree, or a bare repository. */
function spawnGit(repo: string, args: readonly string[]) {
  return spawn('git', args, {cwd: repo, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe']})
}

/**
 * Runs git in `repo` and resolves with its stdout; rejects with a GitError carrying
 * git's stderr.
 */
export function runGit(repo: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repo, args)
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error) => reject(new GitError(`Cannot run git: ${error.message}`)))
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out))
      else {
        const message = Buffer.concat(err).toString('utf8').trim() || `exit code ${code}`
        reject(new GitError(`\`git ${args[0] ?? ''}\` failed: ${message}`))
      }
    })
    child.stdin.end()
  })
}

// ---------------------------------------------------------------------------------------
// Reading blobs

const objectId = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

interface Waiting {
  sha: string
  resolve: (bytes: Buffer) => void
  reject: (error: Error) => void
}

/**
 * One `git cat-file --batch` for the whole walk: write `<sha>\n`, read
 * `<sha> <type> <size>\n<bytes>\n` (or `<sha> missing\n`). Requests are answered in order.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams
  private buffer: Buffer = Buffer.alloc(0)
  private readonly waiting: Waiting[] = []
  private failure: Error | undefined
  private readonly exited: Promise<void>

  constructor(repo: string) {
    this.child = spawnGit(repo, ['cat-file', '--batch'])
    const err: Buffer[] = []
    this.child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    // Writing to a git that died is reported by 'close' below, with git's stderr.
    this.child.stdin.on('error', () => {})
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.fail(new GitError(`Cannot run git: ${error.message}`))
        resolve()
      })
      this.child.on('close', (code) => {
        const message = Buffer.concat(err).toString('utf8').trim()
        this.fail(new GitError(`\`git cat-file\` ended (${code ?? 'signal'}): ${message}`))
        resolve()
      })
    })
  }

  /** The bytes of a blob. */
  read(sha: string): Promise<Buffer> {
    if (!objectId.test(sha)) return Promise.reject(new GitError(`Not an object id: \`${sha}\``))
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.push({sha, resolve, reject})
      this.child.stdin.write(`${sha}\n`)
    })
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure)
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const newline = this.buffer.indexOf(10)
      if (newline === -1) return
      const header = this.buffer.subarray(0, newline).toString('latin1')
      const waiting = this.waiting[0]!
      const [sha, type, size] = header.split(' ')
      if (type === 'missing' || size === undefined) {
        this.buffer = this.buffer.subarray(newline + 1)
        this.waiting.shift()
        waiting.reject(new GitError(`\`git cat-file\`: ${header}`))
        continue
      }

      const length = Number(size)
      const end = newline + 1 + length
      // The object's bytes, then a newline.
      if (this.buffer.length < end + 1) return
      const bytes = Buffer.from(this.buffer.subarray(newline + 1, end))
      this.buffer = this.buffer.subarray(end + 1)
      this.waiting.shift()
      if (sha !== waiting.sha || type !== 'blob') {
        waiting.reject(new GitError(`Expected blob ${waiting.sha}, git gave: ${header}`))
      } else waiting.resolve(bytes)
    }
  }

  /** Ends the git process (and fails what is still waiting). */
  async close(): Promise<void> {
    this.child.stdin.end()
    await this.exited
  }
}

// ---------------------------------------------------------------------------------------
// Listing commits

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

export interface CommitInfo {
  sha: string
  /** Committer date, strict ISO 8601 as git writes it (`2020-11-06T19:58:12+00:00`). */
  date: string
  subject: string
  files: FileChange[]
}

/** Regular files only: a symlink (120000) or a submodule (160000) is no page. */
function isFileMode(mode: string | undefined): boolean {
  return mode === '100644' || mode === '100755'
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
      throw new GitError(`Unexpected \`git log\` output near \`${token.slice(0, 80)}\``)
    }

    const [, newMode, , newBlob, status = ''] = token.slice(1).split(' ')
    const kind = status.charAt(0)
    const blob = kind === 'D' || !isFileMode(newMode) ? undefined : newBlob
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

/**
 * A page: a Markdown file in the folder (any depth, outside `node_modules` and `.git`),
 * like `herald build FOLDER` reads it from a checkout. It is named from the folder's
 * parent, `announcements/2020-november.md` whichever layout the repository has, as
 * `readPages` of `docs-source.ts` names it: cached page results serve both commands.
 */
function pageName(folder: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined
  if (folder !== '' && !path.startsWith(`${folder}/`)) return undefined
  if (!path.toLowerCase().endsWith('.md')) return undefined
  const inFolder = folder === '' ? path : path.slice(folder.length + 1)
  if (inFolder.split('/').some((part) => part === 'node_modules' || part === '.git')) {
    return undefined
  }

  return `${folder === '' ? '' : `${posix.basename(folder)}/`}${inFolder}`
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
  pages: PageSource[]
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
    const oldName = file.status === 'C' ? undefined : pageName(folder, oldPath)
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
