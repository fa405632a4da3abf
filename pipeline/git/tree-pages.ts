import type {Page} from '../engine/engine.js'
import {BlobReader} from './blob-reader.js'
import {isRegularFile, pageName} from './page-names.js'
import {runGit, splitNul} from './run-git.js'

/**
 * The pages of a folder as one commit has them, read from git objects without a checkout:
 * one `git ls-tree` lists them and one `git cat-file --batch` reads their bytes.
 */

/** The files of a tree listing, `<mode> <type> <oid>\t<path>` each, NUL-terminated. */
function parseTree(
  listing: Buffer
): Array<{mode: string; type: string; oid: string; file: string}> {
  return splitNul(listing).map((line) => {
    const tab = line.indexOf('\t')
    const [mode = '', type = '', oid = ''] = line.slice(0, tab).split(' ')
    return {mode, type, oid, file: line.slice(tab + 1)}
  })
}

/**
 * The pages of `folder` (from the top of the tree, `''` for all of it) at `commit` in the
 * repository `repo`, named as `page-names.ts` says and in the order git lists them.
 * A git failure is a `GitError`.
 */
export async function readTreePages(repo: string, commit: string, folder: string): Promise<Page[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit]
  if (folder !== '') args.push('--', folder)
  const pages: Array<{name: string; oid: string}> = []
  for (const {mode, type, oid, file} of parseTree(await runGit(repo, args))) {
    const name = type === 'blob' && isRegularFile(mode) ? pageName(folder, file) : undefined
    if (name !== undefined) pages.push({name, oid})
  }

  if (pages.length === 0) return []
  const reader = new BlobReader(repo)
  try {
    const blobs = await Promise.all(pages.map((page) => reader.read(page.oid)))
    return pages.map((page, index) => ({name: page.name, bytes: blobs[index]!}))
  } finally {
    await reader.close()
  }
}
