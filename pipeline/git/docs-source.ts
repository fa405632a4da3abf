import {execFile, spawn} from 'node:child_process'
import {gitEnvironment} from './git-environment.js'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {Page as PageSource} from '../engine/engine.js'
import {HeraldError} from '../errors.js'
import {monthFromFileName} from '../page/page-name.js'

/**
 * Where `herald regenerate` reads the announcement pages: a docs checkout (working
 * tree), a bare repository, a git bundle or a git URL. Bundles and URLs are cloned bare
 * into a cache folder once and fetched on later runs; the pages are then read from one
 * commit with `git ls-tree` and a single `git cat-file --batch`, never checked out.
 * git always runs with an argument array, never through a shell.
 */

/** A problem with the docs source: printed without a stack trace, exit code 2. */
export class DocsSourceError extends HeraldError {}

export type DocsKind = 'worktree' | 'repository' | 'bundle' | 'url'

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

export interface ResolvedDocs {
  source: DocsSource
  /** The ref as given, or the default one chosen. */
  ref: string
  /** The commit the ref names (40 hex). */
  commit: string
  /** The announcements folder in the tree, from its top, without a trailing `/`. */
  folder: string
}

export interface OpenOptions {
  /** Where bundles and URLs are cloned: `<cacheFolder>/<sha256 of SRC, 16 hex>`. */
  cacheFolder: string
}

/** git prints a whole tree listing or blob at once; pages are small, trees are not huge. */
const maxGitOutput = 1024 ** 3

export interface GitFailure {
  /** git's exit code, or undefined when git could not be started. */
  status?: number
  /** The first line of git's stderr (or the reason git did not start). */
  reason: string
}

/** Runs git; resolves with stdout, rejects with a {@link GitFailure}. */
export function runGit(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: maxGitOutput},
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout)
          return
        }

        const {code} = error as {code?: number | string}
        if (code === 'ENOENT') {
          reject({reason: 'git is not installed (or not on PATH)'} satisfies GitFailure)
          return
        }

        const lines = stderr
          .toString('utf8')
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('hint:'))
        const reason = lines.find((line) => /^(?:fatal|error):/.test(line)) ?? lines[0]
        reject({
          status: typeof code === 'number' ? code : undefined,
          reason: reason ?? error.message
        } satisfies GitFailure)
      }
    )
  })
}

export function isGitFailure(error: unknown): error is GitFailure {
  return (
    typeof error === 'object' && error !== null && typeof (error as GitFailure).reason === 'string'
  )
}

async function gitText(args: string[], cwd: string): Promise<string> {
  return (await runGit(args, cwd)).toString('utf8').trim()
}

/** git, with a failure turned into a {@link DocsSourceError} that says what was done. */
async function gitOr(args: string[], cwd: string, what: string): Promise<Buffer> {
  try {
    return await runGit(args, cwd)
  } catch (error) {
    if (!isGitFailure(error)) throw error
    throw new DocsSourceError(`Cannot ${what}: ${error.reason}`)
  }
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

/** The header of a git bundle file, v2 or v3. */
function isBundle(file: string): boolean {
  let handle: number | undefined
  try {
    handle = fs.openSync(file, 'r')
    const head = Buffer.alloc(16)
    const read = fs.readSync(handle, head, 0, head.length, 0)
    return /^# v[23] git bundle\n/.test(head.subarray(0, read).toString('latin1'))
  } catch {
    return false
  } finally {
    if (handle !== undefined) fs.closeSync(handle)
  }
}

/** The cache folder of a cloned source: the same SRC always gets the same folder. */
export function cloneFolder(cacheFolder: string, key: string): string {
  return path.join(cacheFolder, createHash('sha256').update(key).digest('hex').slice(0, 16))
}

/** Clones `remote` bare into `target` (via a temporary name), or fetches every branch. */
async function cloneOrFetch(remote: string, target: string, given: string): Promise<boolean> {
  if (fs.existsSync(target)) {
    try {
      await runGit(['rev-parse', '--git-dir'], target)
    } catch {
      // Not a repository any more (an interrupted clean-up): clone it again.
      fs.rmSync(target, {recursive: true, force: true})
    }
  }

  if (fs.existsSync(target)) {
    await gitOr(
      ['fetch', '--prune', '--no-tags', '--quiet', 'origin', '+refs/heads/*:refs/heads/*'],
      target,
      `fetch \`${given}\` into the cached clone ${target} (delete that folder to clone again)`
    )
    return false
  }

  fs.mkdirSync(path.dirname(target), {recursive: true})
  const temporary = `${target}.tmp-${process.pid}`
  fs.rmSync(temporary, {recursive: true, force: true})
  try {
    await gitOr(
      ['clone', '--bare', '--no-tags', '--quiet', '--', remote, temporary],
      path.dirname(target),
      `clone \`${given}\``
    )
    fs.renameSync(temporary, target)
  } finally {
    fs.rmSync(temporary, {recursive: true, force: true})
  }

  return true
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
  } catch {
    stat = undefined
  }

  if (!stat) {
    if (!isGitUrl(given)) throw new DocsSourceError(`No file or folder \`${given}\`: ${nextStep}`)
    const target = cloneFolder(options.cacheFolder, given)
    const cloned = await cloneOrFetch(given, target, given)
    return {given, kind: 'url', repo: target, prefix: '', cloned}
  }

  const absolute = path.resolve(given)
  if (stat.isFile()) {
    if (!isBundle(absolute)) {
      throw new DocsSourceError(`\`${given}\` is a file but not a git bundle: ${nextStep}`)
    }

    const target = cloneFolder(options.cacheFolder, absolute)
    const cloned = await cloneOrFetch(absolute, target, given)
    return {given, kind: 'bundle', repo: target, prefix: '', cloned}
  }

  if (!stat.isDirectory()) throw new DocsSourceError(`\`${given}\` is not a folder: ${nextStep}`)

  let inside: string
  try {
    inside = await gitText(['rev-parse', '--is-inside-work-tree'], absolute)
  } catch (error) {
    if (!isGitFailure(error)) throw error
    if (error.status === undefined || !/not a git repository/i.test(error.reason)) {
      throw new DocsSourceError(`Cannot read \`${given}\` with git: ${error.reason}`)
    }

    throw new DocsSourceError(`\`${given}\` is not a git repository: ${nextStep}`)
  }

  if (inside === 'true') {
    const top = await gitText(['rev-parse', '--show-toplevel'], absolute)
    const prefix = (await gitText(['rev-parse', '--show-prefix'], absolute)).replace(/\/$/, '')
    return {given, kind: 'worktree', repo: top, prefix}
  }

  // A bare repository, or the .git folder of a checkout.
  return {given, kind: 'repository', repo: absolute, prefix: ''}
}

async function branches(repo: string): Promise<string[]> {
  const listed = await gitText(['for-each-ref', '--format=%(refname:short)', 'refs/heads/'], repo)
  return listed === '' ? [] : listed.split('\n')
}

async function commitOf(repo: string, ref: string): Promise<string | undefined> {
  try {
    const sha = await gitText(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
      repo
    )
    return sha === '' ? undefined : sha
  } catch {
    return undefined
  }
}

/** HEAD where it names a commit; else the only branch; else the branches to choose from. */
async function defaultRef(source: DocsSource): Promise<string> {
  if (await commitOf(source.repo, 'HEAD')) return 'HEAD'
  const names = await branches(source.repo)
  if (names.length === 1) return names[0]!
  if (names.length === 0) {
    throw new DocsSourceError(`\`${source.given}\` has no commit: nothing to read the pages from`)
  }

  throw new DocsSourceError(
    `\`${source.given}\` has no default branch (HEAD): give --ref, one of ${names.join(', ')}`
  )
}

async function resolveRef(
  source: DocsSource,
  given: string | undefined
): Promise<{ref: string; commit: string}> {
  if (given !== undefined && (given === '' || given.startsWith('-'))) {
    throw new DocsSourceError(`\`--ref ${given}\`: a ref cannot be empty or start with \`-\``)
  }

  const ref = given ?? (await defaultRef(source))
  const commit = await commitOf(source.repo, ref)
  if (commit) {
    // Named by its branch in messages and commit trailers, where HEAD is on one.
    const branch =
      ref === 'HEAD'
        ? await gitText(['symbolic-ref', '--quiet', '--short', 'HEAD'], source.repo).catch(() => '')
        : ''
    return {ref: branch || ref, commit}
  }

  const names = await branches(source.repo)
  const remote =
    source.kind === 'worktree' ? await commitOf(source.repo, `origin/${ref}`) : undefined
  const hint = remote
    ? `did you mean \`--ref origin/${ref}\`?`
    : names.length > 0
      ? `branches: ${names.join(', ')}`
      : 'it has no branch'
  throw new DocsSourceError(`No commit \`${ref}\` in \`${source.given}\`: ${hint}`)
}

/** The folders the pages are looked for first, from the top of the tree. */
export const announcementFolders = ['partner-center/announcements', 'announcements']

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`
}

function splitZ(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((item) => item !== '')
}

/** `partner-center/announcements/` or `announcements/` if a tree, else the first folder of month pages. */
async function findFolder(source: DocsSource, commit: string, ref: string): Promise<string> {
  const where = source.prefix === '' ? '' : ` under \`${source.prefix}/\``
  for (const candidate of announcementFolders) {
    const folder = join(source.prefix, candidate)
    const listed = await gitOr(
      ['ls-tree', '-z', commit, '--', folder],
      source.repo,
      `list \`${folder}\` at \`${ref}\``
    )
    const [entry] = splitZ(listed)
    if (entry && /^\d+ tree /.test(entry)) return folder
  }

  const args = ['ls-tree', '-r', '-z', '--name-only', commit]
  if (source.prefix !== '') args.push('--', source.prefix)
  const files = splitZ(await gitOr(args, source.repo, `list the files at \`${ref}\``))
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

interface TreeBlob {
  oid: string
  path: string
}

/** Reads blobs with one `git cat-file --batch`: `<oid> <type> <size>\n<bytes>\n` each. */
export function readBlobs(repo: string, oids: string[]): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    if (oids.length === 0) {
      resolve([])
      return
    }

    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: repo,
      env: gitEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const chunks: Buffer[] = []
    const errors: Buffer[] = []
    let failed = false
    const fail = (reason: string) => {
      if (failed) return
      failed = true
      child.kill()
      reject(new DocsSourceError(`Cannot read the pages with git cat-file: ${reason}`))
    }

    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message)
    )
    child.stdin.on('error', () => {
      // git exited early: its exit code and stderr say why.
    })
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    child.on('close', (status) => {
      if (failed) return
      if (status !== 0) {
        const reason = Buffer.concat(errors).toString('utf8').trim().split('\n')[0]
        fail(reason || `exit code ${status}`)
        return
      }

      const output = Buffer.concat(chunks)
      const blobs: Uint8Array[] = []
      let at = 0
      for (const oid of oids) {
        const end = output.indexOf(0x0a, at)
        if (end === -1) return fail(`output ends before ${oid}`)
        const header = output.subarray(at, end).toString('utf8')
        const [name, type, sizeText] = header.split(' ')
        if (name !== oid || type !== 'blob' || sizeText === undefined) {
          return fail(`unexpected answer \`${header}\` for ${oid}`)
        }

        const size = Number(sizeText)
        const start = end + 1
        if (!Number.isSafeInteger(size) || start + size > output.length) {
          return fail(`output ends inside ${oid}`)
        }

        // A copy: each page gets its own buffer, not a view of all of them.
        blobs.push(new Uint8Array(output.subarray(start, start + size)))
        at = start + size + 1
      }

      resolve(blobs)
    })

    child.stdin.end(oids.map((oid) => `${oid}\n`).join(''))
  })
}

/**
 * The Markdown files of the folder at the commit, like `herald build FOLDER` reads them
 * from a checkout: named from the folder's parent (`announcements/2020-november.md`)
 * whichever layout the repository has.
 */
export async function readPages(docs: ResolvedDocs): Promise<PageSource[]> {
  const {source, commit, folder} = docs
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit]
  if (folder !== '') args.push('--', folder)
  const listed = splitZ(
    await gitOr(args, source.repo, `list \`${folder || '/'}\` at \`${docs.ref}\``)
  )
  const blobs: TreeBlob[] = []
  for (const line of listed) {
    const tab = line.indexOf('\t')
    const [mode, type, oid] = line.slice(0, tab).split(' ')
    const file = line.slice(tab + 1)
    // Regular files only: no symbolic links (120000) or submodules.
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid) continue
    if (!file.toLowerCase().endsWith('.md')) continue
    const inFolder = folder === '' ? file : file.slice(folder.length + 1)
    if (inFolder.split('/').some((part) => part === 'node_modules' || part === '.git')) continue
    blobs.push({oid, path: inFolder})
  }

  const parent = folder === '' ? '' : `${path.posix.basename(folder)}/`
  const bytes = await readBlobs(
    source.repo,
    blobs.map((blob) => blob.oid)
  )
  return blobs.map((blob, index) => ({name: `${parent}${blob.path}`, bytes: bytes[index]!}))
}
