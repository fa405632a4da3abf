import fs from 'node:fs'
import path from 'node:path'
import {OutputRepoError, type GitError} from '../errors.js'
import {rethrowGitError, runGit, runGitQuery, runGitText} from './run-git.js'

/**
 * The output side of `herald regenerate --commit`: the git repository that holds DIR,
 * whether DIR differs from HEAD, and a commit of DIR alone, whatever else is staged.
 */

/** The git repository that holds DIR, and DIR's path in it. */
export interface OutputRepo {
  /** The top of the working tree. */
  top: string
  /** DIR from the top of the repository, with `/`. */
  pathspec: string
  /** DIR as the user gave it, for messages. */
  shown: string
}

/** A git failure said as an {@link OutputRepoError}, with how to set a missing identity. */
function cannot(what: string): (failure: GitError) => OutputRepoError {
  return (failure) => {
    const identity = /ident|e-?mail|who you are/i.test(failure.reason)
      ? ` (set an identity: git config user.name "…" && git config user.email "…")`
      : ''
    return new OutputRepoError(`Cannot ${what}: ${failure.reason}${identity}`, {cause: failure})
  }
}

/** git in the repository, pathspecs taken literally; a failure says what was being done. */
async function git(args: string[], cwd: string, what: string): Promise<string> {
  const output = await rethrowGitError(runGit(cwd, ['--literal-pathspecs', ...args]), cannot(what))
  return output.toString('utf8')
}

/** git's answer as yes (exit code 0) or no (exit code 1); any other failure is reported. */
async function yesOrNo(args: string[], cwd: string, what: string): Promise<boolean> {
  return (await rethrowGitError(runGitQuery(cwd, args), cannot(what))) !== undefined
}

/** The nearest folder that exists, from `folder` up; real path, so git's paths compare. */
function existingAncestor(folder: string): {real: string; rest: string} {
  let current = folder
  const rest: string[] = []
  while (!fs.existsSync(current)) {
    rest.unshift(path.basename(current))
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }

  return {real: fs.realpathSync(current), rest: rest.join(path.sep)}
}

/**
 * Finds the repository that will hold DIR (`out`, absolute), from DIR's parent, which
 * need not exist yet; `shown` is DIR as given; `probeFile` is a file name every folder
 * written there holds, whose path is asked of `.gitignore`. Run before any build, so that
 * a DIR that cannot be committed fails before anything is written.
 */
export async function findOutputRepo(
  out: string,
  shown: string,
  probeFile: string
): Promise<OutputRepo> {
  const {real, rest} = existingAncestor(path.dirname(out))
  const top = await rethrowGitError(
    runGitText(real, ['rev-parse', '--show-toplevel']),
    (failure) =>
      failure.status === undefined
        ? new OutputRepoError(`Cannot commit: ${failure.reason}`, {cause: failure})
        : new OutputRepoError(
            `\`${shown}\` is not inside a git repository: run \`git init\` there or drop --commit`
          )
  )

  if (top === '') {
    throw new OutputRepoError(
      `\`${shown}\` is in a .git folder, not in a working tree: give a folder of a checkout`
    )
  }

  const realOut = path.join(real, rest, path.basename(out))
  const relative = path.relative(fs.realpathSync(top), realOut)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new OutputRepoError(`\`${shown}\` is not inside the working tree ${top}`)
  }

  const pathspec = relative.split(path.sep).join('/')
  const ignored = await yesOrNo(
    ['check-ignore', '--quiet', '--', `${pathspec}/${probeFile}`],
    top,
    `ask git whether \`${shown}\` is ignored`
  )
  if (ignored) {
    throw new OutputRepoError(
      `\`${shown}\` is ignored by git in ${top} (.gitignore): its datasets cannot be committed; ` +
        'remove it from .gitignore or drop --commit'
    )
  }

  return {top, pathspec, shown}
}

/** Whether a file of DIR differs from HEAD: changed, deleted, or new. */
export async function outputChanged(repo: OutputRepo): Promise<boolean> {
  const status = await git(
    ['status', '--porcelain', '--untracked-files=all', '--', repo.pathspec],
    repo.top,
    `read the git status of \`${repo.shown}\``
  )
  return status.trim() !== ''
}

/** DIR at HEAD as `REV:PATH` (read with `repo.top`); undefined before its first commit. */
export async function committedOutput(repo: OutputRepo): Promise<string | undefined> {
  const spec = `HEAD:${repo.pathspec}`
  const committed = await yesOrNo(
    ['rev-parse', '--verify', '--quiet', spec],
    repo.top,
    `read \`${repo.shown}\` at HEAD`
  )
  return committed ? spec : undefined
}

/**
 * Stages DIR whole and commits DIR alone, whatever else is staged, with `message`
 * (written to `messageFile`, kept as written: `#` lines are Markdown headings, not
 * comments). Resolves with the new commit's short id.
 */
export async function commitOutput(
  repo: OutputRepo,
  message: string,
  messageFile: string
): Promise<string> {
  return commitOutputs([repo], message, messageFile)
}

/**
 * Several folders of one repository (the folders of a config's sources and its catalog)
 * in one commit, as {@link commitOutput} commits one: staged whole, committed alone.
 */
export async function commitOutputs(
  repos: readonly OutputRepo[],
  message: string,
  messageFile: string
): Promise<string> {
  const top = repos[0]!.top
  if (repos.some((repo) => repo.top !== top)) {
    throw new OutputRepoError(
      `Cannot commit ${repos.map((repo) => `\`${repo.shown}\``).join(', ')} in one commit: ` +
        'they are in different git repositories; put them in one'
    )
  }

  const pathspecs = repos.map((repo) => repo.pathspec)
  const shown = repos.map((repo) => `\`${repo.shown}\``).join(', ')
  fs.writeFileSync(messageFile, message)
  await git(['add', '--all', '--', ...pathspecs], top, `stage ${shown}`)
  await git(
    ['commit', '--quiet', '--cleanup=whitespace', '-F', messageFile, '--', ...pathspecs],
    top,
    `commit ${shown} in ${top}`
  )
  return (await git(['rev-parse', '--short', 'HEAD'], top, 'read the new commit')).trim()
}
