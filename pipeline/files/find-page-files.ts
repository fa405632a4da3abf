import fs from 'node:fs'
import path from 'node:path'

/**
 * The files a build reads: each path given is a file or a folder read recursively
 * (Markdown files only; `.git` and `node_modules` skipped). Symlinked folders are
 * followed once: a folder already seen by its real path is not entered again, so a
 * symlink loop ends.
 *
 * Files are named relative to the path given, prefixed with its name
 * (`input/fr-fr/2020-november.md`), so datasets hold no absolute paths. Where two paths
 * given end alike (`it-it/live-sxs` and `ko-kr/live-sxs`), as many of their parent
 * folders are kept as tell them apart (`it-it/live-sxs/2020-july.md`): a message must
 * say which file it is about.
 */

export interface InputFile {
  /** Path to read. */
  absolute: string
  /** Name used in datasets and messages, with `/`. */
  name: string
}

/** The page files found under the inputs, and the paths that could not be read. */
export interface Collected {
  files: InputFile[]
  /** Paths that could not be read, with why. */
  problems: Array<{name: string; reason: string}>
}

const skipFolders = new Set(['.git', 'node_modules'])

/** Reading a FIFO or a device blocks or never ends: such a path is reported, not read. */
const notAFile = 'not a regular file (a FIFO, socket or device)'

/** The folders named in the path, from the file system's root. */
function segments(absolute: string): string[] {
  return absolute.split(path.sep).filter(Boolean)
}

/**
 * A label per path: its last segment, or as many trailing segments as tell it apart from
 * the other paths (the same path given twice gets the same label; it is read once).
 */
export function distinctLabels(paths: readonly string[]): string[] {
  const parts = paths.map((given) => segments(path.resolve(given)))
  return parts.map((own, index) => {
    for (let length = 1; length <= own.length; length++) {
      const label = own.slice(-length).join('/')
      const clash = parts.some(
        (other, at) =>
          at !== index &&
          other.join('/') !== own.join('/') &&
          other.slice(-length).join('/') === label
      )
      if (!clash) return label
    }

    return path.resolve(paths[index]!)
  })
}

/** The Markdown files under `paths` and what could not be read. */
export function findPageFiles(paths: string[], exclude: string[] = []): Collected {
  const collected: Collected = {files: [], problems: []}
  const seenFolders = new Set<string>()
  const seenFiles = new Set<string>()
  // By real path, as folders are compared once walked: `--out` reached through a symlink
  // is still the output.
  const excluded = exclude.map((item) => {
    try {
      return fs.realpathSync(item)
    } catch {
      return path.resolve(item)
    }
  })

  function addFile(absolute: string, name: string): void {
    let real: string
    try {
      real = fs.realpathSync(absolute)
    } catch (error) {
      collected.problems.push({name, reason: describeFileError(error)})
      return
    }

    if (seenFiles.has(real)) return
    seenFiles.add(real)
    collected.files.push({absolute, name})
  }

  function walk(folder: string, name: string): void {
    let real: string
    try {
      real = fs.realpathSync(folder)
    } catch (error) {
      collected.problems.push({name, reason: describeFileError(error)})
      return
    }

    if (
      seenFolders.has(real) ||
      excluded.some((item) => real === item || real.startsWith(item + path.sep))
    )
      return
    seenFolders.add(real)

    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(folder, {withFileTypes: true})
    } catch (error) {
      collected.problems.push({name, reason: describeFileError(error)})
      return
    }

    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name)
      const childName = `${name}/${entry.name}`
      let stat: fs.Stats
      try {
        stat = fs.statSync(absolute)
      } catch (error) {
        collected.problems.push({name: childName, reason: describeFileError(error)})
        continue
      }

      if (stat.isDirectory()) {
        if (!skipFolders.has(entry.name)) walk(absolute, childName)
      } else if (entry.name.toLowerCase().endsWith('.md')) {
        if (stat.isFile()) addFile(absolute, childName)
        else collected.problems.push({name: childName, reason: notAFile})
      }
    }
  }

  const labels = distinctLabels(paths)
  for (const [index, given] of paths.entries()) {
    const absolute = path.resolve(given)
    const name = labels[index] || absolute
    let stat: fs.Stats
    try {
      stat = fs.statSync(absolute)
    } catch (error) {
      collected.problems.push({name: given, reason: describeFileError(error)})
      continue
    }

    if (stat.isDirectory()) walk(absolute, name)
    else if (stat.isFile()) addFile(absolute, name)
    else collected.problems.push({name: given, reason: notAFile})
  }

  return collected
}

/** Why a path cannot be read, in words. */
export function describeFileError(error: unknown): string {
  const code = (error as {code?: string}).code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'too many levels of symbolic links'
  return (error as Error).message ?? String(error)
}
