import {runGit, runGitText, splitNul} from './run-git.js'

/**
 * Reading a path of a git revision, `REV:PATH` as git spells it (`HEAD~1:output`), for
 * `herald diff`. `repo` is any folder of the repository; what the caller's environment
 * points at (`GIT_DIR`, as inside a hook) is ignored, as for every git Herald runs.
 * A failure is a `GitError`.
 */

/** What `REV:PATH` names: `tree` for a folder, `blob` for a file. */
export function revisionType(repo: string, spec: string): Promise<string> {
  return runGitText(repo, ['cat-file', '-t', spec])
}

/** The names of the files and folders of the tree `REV:PATH`. */
export async function treeNames(repo: string, spec: string): Promise<string[]> {
  return splitNul(await runGit(repo, ['ls-tree', '-z', '--name-only', spec]))
}

/** The bytes of the file `REV:PATH`. */
export function revisionFile(repo: string, spec: string): Promise<Buffer> {
  return runGit(repo, ['cat-file', 'blob', spec])
}
