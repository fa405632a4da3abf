import {posix} from 'node:path'

/**
 * Which files of a git tree are pages, and their names. Reading a tree at one commit
 * (`regenerate`) and walking its history (`history`) both name pages here: cached page
 * results are keyed by name, so the two must agree to the byte, and they agree with how
 * `herald build FOLDER` names the files of a checkout.
 */

/** A regular file's mode: a symbolic link (120000) or a submodule (160000) is no page. */
export function isRegularFile(mode: string | undefined): boolean {
  return mode === '100644' || mode === '100755'
}

/**
 * The page name of `file` (a path from the top of the tree) when it is a page of
 * `folder` (from the top of the tree, no trailing `/`; `''` for the whole tree): a
 * Markdown file at any depth of the folder, outside `node_modules` and `.git`. It is
 * named from the folder's parent, `announcements/2020-november.md`, whichever layout the
 * repository has. Undefined when the file is no page of the folder.
 */
export function pageName(folder: string, file: string): string | undefined {
  if (folder !== '' && !file.startsWith(`${folder}/`)) return undefined
  if (!file.toLowerCase().endsWith('.md')) return undefined
  const inFolder = folder === '' ? file : file.slice(folder.length + 1)
  if (inFolder.split('/').some((part) => part === 'node_modules' || part === '.git')) {
    return undefined
  }

  return folder === '' ? inFolder : `${posix.basename(folder)}/${inFolder}`
}
