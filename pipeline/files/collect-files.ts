import fs from 'node:fs'
import path from 'node:path'

/**
 * The files a build reads: each path given is a file or a folder read recursively
 * (Markdown files only; `.git` and `node_modules` skipped). Symlinked folders are
 * followed once: a folder already seen by its real path is not entered again, so a
 * symlink loop ends. Files are named relative to the folder given, prefixed with its
 * name (`input/fr-fr/2020-november.md`), so datasets hold no absolute paths.
 */

export interface InputFile {
  /** Path to read. */
  absolute: string
  /** Name used in datasets and messages, with `/`. */
  name: string
}

export interface Collected {
  files: InputFile[]
  /** Paths that could not be read, with why. */
  problems: Array<{name: string; reason: string}>
}

const skipFolders = new Set(['.git', 'node_modules'])

/** Reading a FIFO or a device blocks or never ends: such a path is reported, not read. */
const notAFile = 'not a regular file (a FIFO, socket or device)'

export function collectInputs(paths: string[], exclude: string[] = []): Collected {
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
      collected.problems.push({name, reason: describe(error)})
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
      collected.problems.push({name, reason: describe(error)})
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
      collected.problems.push({name, reason: describe(error)})
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
        collected.problems.push({name: childName, reason: describe(error)})
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

  for (const given of paths) {
    const absolute = path.resolve(given)
    const name = path.basename(absolute) || absolute
    let stat: fs.Stats
    try {
      stat = fs.statSync(absolute)
    } catch (error) {
      collected.problems.push({name: given, reason: describe(error)})
      continue
    }

    if (stat.isDirectory()) walk(absolute, name)
    else if (stat.isFile()) addFile(absolute, name)
    else collected.problems.push({name: given, reason: notAFile})
  }

  return collected
}

export function describe(error: unknown): string {
  const code = (error as {code?: string}).code
  if (code === 'ENOENT') return 'no such file or folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'too many levels of symbolic links'
  return (error as Error).message ?? String(error)
}
