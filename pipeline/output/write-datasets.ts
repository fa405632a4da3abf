import fs from 'node:fs'
import path from 'node:path'

/**
 * Replaces the output folder with a new set of files, all at once: the files are
 * written and synced into a sibling staging folder, then the staging folder is renamed
 * over the old one. Readers see either the old set or the new set, never a mix. If the
 * process dies between the two renames, the previous output is still whole in
 * `<out>.herald-old` and the next run puts it back before doing anything else.
 */

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

export function writeDatasets(out: string, files: Record<string, string>): void {
  recoverInterruptedWrite(out)
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
