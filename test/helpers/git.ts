import {execFileSync} from 'node:child_process'

/** `git -c …` options that let tests commit on any machine: an identity, no signing. */
export const testGitOptions = [
  '-c',
  'user.name=Herald Test',
  '-c',
  'user.email=test@example.invalid',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'init.defaultBranch=main'
]

/** Runs git in `cwd` with {@link testGitOptions}; its stdout, trimmed. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...testGitOptions, ...args], {cwd, stdio: 'pipe'})
    .toString('utf8')
    .trim()
}
