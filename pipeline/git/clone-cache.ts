import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {CloneCacheError, GitError} from '../errors.js'
import {rethrowGitError, runGit} from './run-git.js'

/**
 * Bare clones of the bundles and URLs given as `--docs`, one folder per source in the
 * cache: cloned once, fetched on later runs. A clone is only ever removed when git says
 * it is no repository any more; any other failure is reported and the clone kept, since
 * it may be a fine clone that this run cannot use (git missing, another owner…).
 */

/** The cache folder of a cloned source: the same key (SRC) always gets the same folder. */
export function cloneFolder(cacheFolder: string, key: string): string {
  return path.join(cacheFolder, createHash('sha256').update(key).digest('hex').slice(0, 16))
}

/**
 * Whether `clone` is a repository; false only when git says it is not one. git is told
 * the folder is the repository (`--git-dir`): left to look for one, it would go up the
 * parent folders and find the project that holds the cache. Any other failure throws.
 */
async function isRepository(clone: string, given: string): Promise<boolean> {
  try {
    await runGit(clone, ['--git-dir=.', 'rev-parse', '--git-dir'])
    return true
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    if (error.status !== undefined && /not a git repository/i.test(error.reason)) return false
    throw new CloneCacheError(
      `Cannot use the cached clone ${clone} of \`${given}\`: ${error.reason}`,
      {cause: error}
    )
  }
}

/**
 * A folder git cannot read looks like no repository to it: before a removal, the folder
 * and the parts git looks for must be ours to read and change.
 */
function checkAccess(clone: string, given: string): void {
  for (const part of ['', 'HEAD', 'objects', 'refs']) {
    const file = path.join(clone, part)
    try {
      if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK)
    } catch (error) {
      throw new CloneCacheError(
        `Cannot use the cached clone ${clone} of \`${given}\`: ${(error as Error).message}; ` +
          'fix its permissions, or delete the folder to clone again',
        {cause: error}
      )
    }
  }
}

/** Where a bundle or URL is cloned, and how messages name it. */
export interface CloneSource {
  /** What git clones: the bundle's absolute path, or the URL. */
  remote: string
  /** SRC as given, for messages. */
  given: string
  /** The cache of clones; the clone is its folder named by {@link cloneFolder}. */
  cacheFolder: string
}

/**
 * Clones the source bare into its folder of the cache (through a temporary name, so
 * that an interrupted clone leaves no half clone), or fetches every branch into the
 * clone already there. Resolves with the clone and whether this run made it.
 */
export async function cloneOrFetch(source: CloneSource): Promise<{clone: string; cloned: boolean}> {
  const {remote, given, cacheFolder} = source
  const clone = cloneFolder(cacheFolder, remote)
  if (fs.existsSync(clone) && !(await isRepository(clone, given))) {
    checkAccess(clone, given)
    // Herald's own folder, and no repository any more: clone again.
    fs.rmSync(clone, {recursive: true, force: true})
  }

  if (fs.existsSync(clone)) {
    await gitOr(
      clone,
      ['fetch', '--prune', '--no-tags', '--quiet', 'origin', '+refs/heads/*:refs/heads/*'],
      `fetch \`${given}\` into the cached clone ${clone} (delete that folder to clone again)`
    )
    return {clone, cloned: false}
  }

  fs.mkdirSync(cacheFolder, {recursive: true})
  const temporary = `${clone}.tmp-${process.pid}`
  fs.rmSync(temporary, {recursive: true, force: true})
  try {
    await gitOr(
      cacheFolder,
      ['clone', '--bare', '--no-tags', '--quiet', '--', remote, temporary],
      `clone \`${given}\``
    )
    fs.renameSync(temporary, clone)
  } finally {
    fs.rmSync(temporary, {recursive: true, force: true})
  }

  return {clone, cloned: true}
}

/** git, a failure said as a {@link CloneCacheError}: "Cannot <what>: <git's reason>". */
async function gitOr(repo: string, args: string[], what: string): Promise<void> {
  await rethrowGitError(
    runGit(repo, args),
    (failure) => new CloneCacheError(`Cannot ${what}: ${failure.reason}`, {cause: failure})
  )
}
