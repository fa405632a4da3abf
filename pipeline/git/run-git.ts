import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import {GitError} from '../errors.js'
import {gitEnvironment} from './git-environment.js'

/**
 * The one way Herald runs git: in a folder it names, with the environment of
 * `git-environment.ts`, and its arguments as an array — never through a shell, so no
 * argument is ever read as shell syntax. A failure is a {@link GitError}; callers wrap it
 * with what they were doing and what the user can do next.
 */

/** The reason of a git that is not installed: what the user does next is to install it. */
export const gitMissing = 'git is not installed (or not on PATH): install git and run again'

/** git's first `fatal:` or `error:` line; else its first line that is no hint. */
function reasonOf(stderr: Buffer, status: number): string {
  const lines = stderr
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('hint:'))
  return lines.find((line) => /^(?:fatal|error):/.test(line)) ?? lines[0] ?? `exit code ${status}`
}

/** Why git did not start: node reports a missing `cwd` as a missing git, so look first. */
function startFailure(repo: string, args: readonly string[], error: NodeJS.ErrnoException) {
  if (error.code !== 'ENOENT') return new GitError(args, error.message)
  return new GitError(args, fs.existsSync(repo) ? gitMissing : `no folder ${repo}`)
}

/** A running git: its streams, and how it ended (undefined: exit code 0). */
export interface GitProcess {
  child: ChildProcessWithoutNullStreams
  ended: Promise<GitError | undefined>
}

/**
 * Starts git in `repo` (a working tree or a git folder) with Herald's environment. Its
 * stderr is kept for the reason of a failure; writing to a git that has ended is no
 * error of its own, since `ended` says why it ended.
 */
export function startGit(repo: string, args: readonly string[]): GitProcess {
  const child = spawn('git', args, {cwd: repo, env: gitEnvironment(), stdio: 'pipe'})
  const stderr: Buffer[] = []
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
  child.stdin.on('error', () => {})
  const ended = new Promise<GitError | undefined>((resolve) => {
    child.on('error', (error) => resolve(startFailure(repo, args, error)))
    child.on('close', (status, signal) => {
      if (status === 0) resolve(undefined)
      else if (status === null) resolve(new GitError(args, `killed by ${signal ?? 'a signal'}`))
      else resolve(new GitError(args, reasonOf(Buffer.concat(stderr), status), status))
    })
  })
  return {child, ended}
}

/** Runs git in `repo` and resolves with its stdout; rejects with a {@link GitError}. */
export async function runGit(repo: string, args: readonly string[]): Promise<Buffer> {
  const {child, ended} = startGit(repo, args)
  const stdout: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
  child.stdin.end()
  const failure = await ended
  if (failure) throw failure
  return Buffer.concat(stdout)
}

/** {@link runGit}, its stdout as text without the final newline. */
export async function runGitText(repo: string, args: readonly string[]): Promise<string> {
  return (await runGit(repo, args)).toString('utf8').trim()
}

/** The items of git's NUL-terminated output (`-z`), as text. */
export function splitNul(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((item) => item !== '')
}

/**
 * Runs git for an answer that may be "no": exit code 1 (`rev-parse --verify --quiet` of
 * a ref that names nothing, `check-ignore` of a path not ignored, `symbolic-ref --quiet`
 * of a detached HEAD) resolves undefined; any other failure rejects.
 */
export async function runGitQuery(
  repo: string,
  args: readonly string[]
): Promise<Buffer | undefined> {
  try {
    return await runGit(repo, args)
  } catch (error) {
    if (error instanceof GitError && error.status === 1) return undefined
    throw error
  }
}

/**
 * Awaits `work`; a {@link GitError} becomes the error `wrap` makes of it — the caller's,
 * saying what it was doing and what to do next — and any other error passes as it is.
 */
export async function rethrowGitError<T>(
  work: Promise<T>,
  wrap: (failure: GitError) => Error
): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw error instanceof GitError ? wrap(error) : error
  }
}
