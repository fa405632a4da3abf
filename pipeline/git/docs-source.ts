import fs from 'node:fs'
import path from 'node:path'
import type {Page} from '../engine/engine.js'
import {DocsSourceError, type GitError} from '../errors.js'
import {monthFromFileName} from '../page/page-name.js'
import {cloneOrFetch} from './clone-cache.js'
import {rethrowGitError, runGit, runGitQuery, runGitText, splitNul} from './run-git.js'
import {readTreePages} from './tree-pages.js'

/**
 * Where `herald regenerate` reads the announcement pages: a docs checkout (working
 * tree), a bare repository, a git bundle or a git URL. Bundles and URLs are cloned bare
 * into a cache folder once and fetched on later runs (`clone-cache.ts`); the pages are
 * then read from one commit (`tree-pages.ts`), never checked out.
 */

/** What SRC is: a checkout, a bare repository (or a `.git` folder), a bundle or a URL. */
export type DocsKind = 'worktree' | 'repository' | 'bundle' | 'url'

/** SRC opened: the repository git reads, and where in it the pages are looked for. */
export interface DocsSource {
  /** SRC as given. */
  given: string
  kind: DocsKind
  /** The folder git runs in: the top of the working tree, the bare repository, or the clone. */
  repo: string
  /** The folder the pages are looked for in, from the top of the tree ('' for all of it). */
  prefix: string
  /** Whether the clone was made by this run (false: fetched); for bundles and URLs. */
  cloned?: boolean
}

/** SRC at one commit, with the folder of the pages found. */
export interface ResolvedDocs {
  source: DocsSource
  /** The ref as given, or the default one chosen. */
  ref: string
  /** The commit the ref names (40 hex). */
  commit: string
  /** The announcements folder in the tree, from its top, without a trailing `/`. */
  folder: string
}

/** How {@link openDocs} opens SRC. */
export interface OpenOptions {
  /** Where bundles and URLs are cloned: `<cacheFolder>/<sha256 of SRC, 16 hex>`. */
  cacheFolder: string
}

/** A git failure said as a {@link DocsSourceError}: "Cannot <what>: <git's reason>". */
function cannot(what: string): (failure: GitError) => DocsSourceError {
  return (failure) => new DocsSourceError(`Cannot ${what}: ${failure.reason}`, {cause: failure})
}

/** git; a failure says what was being done. */
function gitOr(repo: string, args: string[], what: string): Promise<Buffer> {
  return rethrowGitError(runGit(repo, args), cannot(what))
}

/**
 * `https://…`, `ssh://…`, `git://…`, `file://…` or scp-like `user@host:path`. Other
 * transports (`ext::` runs a command) are not accepted from the command line.
 */
export function isGitUrl(source: string): boolean {
  return (
    /^(?:https?|ssh|git|git\+ssh|ssh\+git|file):\/\/./i.test(source) ||
    /^[\w.-]+@[\w.-]+:[^/\\]/.test(source)
  )
}

/**
 * Whether the file starts with the header of a git bundle, v2 or v3. A file that cannot
 * be read is said so, with the system's reason: it may well be a bundle.
 */
function isBundle(file: string, given: string): boolean {
  let handle: number | undefined
  try {
    handle = fs.openSync(file, 'r')
    const head = Buffer.alloc(16)
    const read = fs.readSync(handle, head, 0, head.length, 0)
    return /^# v[23] git bundle\n/.test(head.subarray(0, read).toString('latin1'))
  } catch (error) {
    throw new DocsSourceError(
      `Cannot read \`${given}\`: ${(error as Error).message}; check that it is readable`,
      {cause: error}
    )
  } finally {
    if (handle !== undefined) fs.closeSync(handle)
  }
}

const nextStep =
  'give a docs checkout (git clone https://github.com/MicrosoftDocs/partner-center-pr.fr-fr), ' +
  'a bare repository, a git bundle or a git URL'

/** Works out what SRC is; clones or fetches it when it is a bundle or a URL. */
export async function openDocs(given: string, options: OpenOptions): Promise<DocsSource> {
  if (given === '') throw new DocsSourceError(`\`--docs\` is empty: ${nextStep}`)
  if (given.startsWith('-')) {
    throw new DocsSourceError(`\`--docs ${given}\`: a docs source cannot start with \`-\``)
  }

  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(given)
  } catch (error) {
    const {code} = error as NodeJS.ErrnoException
    // A path that is there but cannot be reached is no typo: say why.
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && !isGitUrl(given)) {
      throw new DocsSourceError(
        `Cannot read \`${given}\`: ${(error as Error).message}; check that it is readable`,
        {cause: error}
      )
    }
  }

  if (!stat) {
    if (!isGitUrl(given)) throw new DocsSourceError(`No file or folder \`${given}\`: ${nextStep}`)
    const {clone, cloned} = await cloneOrFetch({remote: given, given, ...options})
    return {given, kind: 'url', repo: clone, prefix: '', cloned}
  }

  const absolute = path.resolve(given)
  if (stat.isFile()) {
    if (!isBundle(absolute, given)) {
      throw new DocsSourceError(`\`${given}\` is a file but not a git bundle: ${nextStep}`)
    }

    const {clone, cloned} = await cloneOrFetch({remote: absolute, given, ...options})
    return {given, kind: 'bundle', repo: clone, prefix: '', cloned}
  }

  if (!stat.isDirectory()) throw new DocsSourceError(`\`${given}\` is not a folder: ${nextStep}`)

  const inside = await rethrowGitError(
    runGitText(absolute, ['rev-parse', '--is-inside-work-tree']),
    (failure) =>
      failure.status !== undefined && /not a git repository/i.test(failure.reason)
        ? new DocsSourceError(`\`${given}\` is not a git repository: ${nextStep}`)
        : cannot(`read \`${given}\` with git`)(failure)
  )

  if (inside === 'true') {
    const what = `read the working tree of \`${given}\``
    const [top, prefix] = (
      await gitOr(absolute, ['rev-parse', '--show-toplevel', '--show-prefix'], what)
    )
      .toString('utf8')
      .split('\n')
    return {given, kind: 'worktree', repo: top!, prefix: (prefix ?? '').replace(/\/$/, '')}
  }

  // A bare repository, or the .git folder of a checkout.
  return {given, kind: 'repository', repo: absolute, prefix: ''}
}

/** The branches of SRC, by their short names. */
async function branches(source: DocsSource): Promise<string[]> {
  const listed = (
    await gitOr(
      source.repo,
      ['for-each-ref', '--format=%(refname:short)', 'refs/heads/'],
      `list the branches of \`${source.given}\``
    )
  )
    .toString('utf8')
    .trim()
  return listed === '' ? [] : listed.split('\n')
}

/** The commit `ref` names; undefined when it names none. */
async function commitOf(source: DocsSource, ref: string): Promise<string | undefined> {
  const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]
  const sha = await rethrowGitError(
    runGitQuery(source.repo, args),
    cannot(`read \`${ref}\` in \`${source.given}\``)
  )
  return sha?.toString('utf8').trim() || undefined
}

/** The branch HEAD is on; '' when HEAD is detached. */
async function headBranch(source: DocsSource): Promise<string> {
  const branch = await rethrowGitError(
    runGitQuery(source.repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
    cannot(`read HEAD in \`${source.given}\``)
  )
  return branch?.toString('utf8').trim() ?? ''
}

/** HEAD where it names a commit; else the only branch; else the branches to choose from. */
async function defaultRef(source: DocsSource): Promise<string> {
  if (await commitOf(source, 'HEAD')) return 'HEAD'
  const names = await branches(source)
  if (names.length === 1) return names[0]!
  if (names.length === 0) {
    throw new DocsSourceError(`\`${source.given}\` has no commit: nothing to read the pages from`)
  }

  throw new DocsSourceError(
    `\`${source.given}\` has no default branch (HEAD): give --ref, one of ${names.join(', ')}`
  )
}

/** The ref given (or the default one) and its commit; a missing one says what exists. */
async function resolveRef(
  source: DocsSource,
  given: string | undefined
): Promise<{ref: string; commit: string}> {
  if (given !== undefined && (given === '' || given.startsWith('-'))) {
    throw new DocsSourceError(`\`--ref ${given}\`: a ref cannot be empty or start with \`-\``)
  }

  const ref = given ?? (await defaultRef(source))
  const commit = await commitOf(source, ref)
  if (commit) {
    // Named by its branch in messages and commit trailers, where HEAD is on one.
    const branch = ref === 'HEAD' ? await headBranch(source) : ''
    return {ref: branch || ref, commit}
  }

  const names = await branches(source)
  const remote = source.kind === 'worktree' ? await commitOf(source, `origin/${ref}`) : undefined
  const hint = remote
    ? `did you mean \`--ref origin/${ref}\`?`
    : names.length > 0
      ? `branches: ${names.join(', ')}`
      : 'it has no branch'
  throw new DocsSourceError(`No commit \`${ref}\` in \`${source.given}\`: ${hint}`)
}

/** The folders the pages are looked for first, from the top of the tree. */
export const announcementFolders = ['partner-center/announcements', 'announcements']

/** `name` under `prefix`, both from the top of the tree. */
function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`
}

/** `partner-center/announcements/` or `announcements/` if a tree, else the first folder of month pages. */
async function findFolder(source: DocsSource, commit: string, ref: string): Promise<string> {
  const where = source.prefix === '' ? '' : ` under \`${source.prefix}/\``
  for (const candidate of announcementFolders) {
    const folder = join(source.prefix, candidate)
    const listed = await gitOr(
      source.repo,
      ['ls-tree', '-z', commit, '--', folder],
      `list \`${folder}\` at \`${ref}\``
    )
    const [entry] = splitNul(listed)
    if (entry && /^\d+ tree /.test(entry)) return folder
  }

  const args = ['ls-tree', '-r', '-z', '--name-only', commit]
  if (source.prefix !== '') args.push('--', source.prefix)
  const files = splitNul(await gitOr(source.repo, args, `list the files at \`${ref}\``))
  const folders = new Set(
    files
      .filter((file) => monthFromFileName(path.posix.basename(file)))
      .map((file) => path.posix.dirname(file))
  )
  const [first] = [...folders].sort(
    (a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0)
  )
  if (first !== undefined) return first === '.' ? '' : first

  throw new DocsSourceError(
    `No announcements folder at \`${ref}\` in \`${source.given}\`${where}: looked for ` +
      `${announcementFolders.map((folder) => `\`${folder}/\``).join(' and ')}, then for any ` +
      'folder of `YYYY-<month>.md` pages; give the docs repository (partner-center-pr.<locale>) ' +
      'or the --ref of a commit that has the pages'
  )
}

/** Resolves the ref (or the default one) to a commit and finds the announcements folder. */
export async function resolveDocs(
  source: DocsSource,
  ref: string | undefined
): Promise<ResolvedDocs> {
  const resolved = await resolveRef(source, ref)
  const folder = await findFolder(source, resolved.commit, resolved.ref)
  return {source, ...resolved, folder}
}

/** The suffix of the side-by-side branches: `live-sxs` beside `live`. */
const sxsSuffix = '-sxs'

/**
 * The ref and commit of the other flavour: the docs repositories publish the plain pages
 * and the side-by-side ones on sibling branches (`live` ↔ `live-sxs`, `master` ↔
 * `master-sxs`). In a checkout whose local branches lack the twin, the remote's
 * (`origin/live-sxs`) is taken. Undefined when the repository has no twin of the ref (a
 * commit id, a detached HEAD, a branch of another name).
 */
export async function findTwinRef(
  docs: ResolvedDocs
): Promise<{ref: string; commit: string} | undefined> {
  const {ref, source} = docs
  const twin = ref.endsWith(sxsSuffix) ? ref.slice(0, -sxsSuffix.length) : `${ref}${sxsSuffix}`
  if (twin === '' || twin.endsWith('/')) return undefined
  const candidates = [twin]
  if (source.kind === 'worktree' && !twin.startsWith('origin/')) candidates.push(`origin/${twin}`)
  for (const candidate of candidates) {
    const commit = await commitOf(source, candidate)
    if (commit) return {ref: candidate, commit}
  }

  return undefined
}

/**
 * The Markdown files of the folder at the commit, like `herald build FOLDER` reads them
 * from a checkout: named from the folder's parent (`announcements/2020-november.md`)
 * whichever layout the repository has.
 */
export function readPages(docs: ResolvedDocs): Promise<Page[]> {
  return rethrowGitError(
    readTreePages(docs.source.repo, docs.commit, docs.folder),
    cannot(`read the pages of \`${docs.folder || '/'}\` at \`${docs.ref}\``)
  )
}
