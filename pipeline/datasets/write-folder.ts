import fs from 'node:fs'
import path from 'node:path'
import {OutputError} from '../errors.js'
import {heraldFileNames} from './registry.js'

/**
 * Replaces the output folder with a new set of files, all at once: the files are
 * written and synced into a sibling staging folder, then the staging folder is renamed
 * over the old one. Readers see either the old set or the new set, never a mix. If the
 * process dies between the two renames, the previous output is still whole in
 * `<out>.herald-old` and the next run puts it back before doing anything else.
 */

/**
 * An output folder may be replaced when it does not exist, is empty, or holds only
 * files Herald writes: a mistaken `--out ~/Documents` must not wipe a folder.
 */
export function checkReplaceable(out: string, force: boolean): void {
  if (!fs.existsSync(out)) return
  if (!fs.statSync(out).isDirectory()) {
    throw new OutputError(`\`${out}\` exists and is not a folder: choose another --out`)
  }

  // Not even --force replaces a repository: the folder swap would delete its history.
  if (fs.existsSync(path.join(out, '.git'))) {
    throw new OutputError(`\`${out}\` is a git repository: choose a folder inside it as --out`)
  }

  if (force) return

  const foreign = fs.readdirSync(out).filter((name) => !heraldFileNames.has(name))
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 3)
      .map((name) => `\`${name}\``)
      .join(', ')
    throw new OutputError(
      `\`${out}\` holds files Herald did not write (${shown}${foreign.length > 3 ? ', …' : ''}): ` +
        'choose an empty or Herald-made --out, or pass --force to replace the folder'
    )
  }
}

function syncFolder(folder: string): void {
  let handle: number | undefined
  try {
    handle = fs.openSync(folder, 'r')
    fs.fsyncSync(handle)
  } catch {
    // Some file systems cannot fsync a directory; the renames are still atomic.
  } finally {
    if (handle !== undefined) fs.closeSync(handle)
  }
}

export function recoverInterruptedWrite(out: string): void {
  const old = `${out}.herald-old`
  if (fs.existsSync(old)) {
    if (fs.existsSync(out)) fs.rmSync(old, {recursive: true, force: true})
    else fs.renameSync(old, out)
  }

  for (const name of fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []) {
    if (name.startsWith(`${path.basename(out)}.herald-tmp-`)) {
      fs.rmSync(path.join(path.dirname(out), name), {recursive: true, force: true})
    }
  }
}

export function writeDatasets(
  out: string,
  files: Record<string, string>,
  options: {force?: boolean} = {}
): void {
  recoverInterruptedWrite(out)
  checkReplaceable(out, options.force ?? false)
  fs.mkdirSync(path.dirname(out), {recursive: true})
  const staging = `${out}.herald-tmp-${process.pid}`
  fs.rmSync(staging, {recursive: true, force: true})
  fs.mkdirSync(staging)

  for (const name of Object.keys(files).sort()) {
    const target = path.join(staging, name)
    const handle = fs.openSync(target, 'w')
    try {
      fs.writeFileSync(handle, files[name]!)
      fs.fsyncSync(handle)
    } finally {
      fs.closeSync(handle)
    }
  }

  syncFolder(staging)
  const old = `${out}.herald-old`
  if (fs.existsSync(out)) fs.renameSync(out, old)
  fs.renameSync(staging, out)
  syncFolder(path.dirname(out))
  fs.rmSync(old, {recursive: true, force: true})
}
