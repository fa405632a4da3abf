import fs from 'node:fs'
import path from 'node:path'
import {checkReplaceable, type FolderWriter} from './folder-owner.js'

/**
 * Replaces an output folder with a new set of files, all at once: the files are written
 * and synced into a sibling staging folder, then the staging folder is renamed over the
 * old one. Readers see either the old set or the new set, never a mix. If the process
 * dies between the two renames, the previous output is still whole in
 * `<out>.herald-old`, and the next run puts it back before doing anything else.
 */

/** The moments of a write, in order; a test stops the process at each of them. */
export type WriteStep = 'staging' | 'staged' | 'old-moved' | 'swapped'

/** How a folder is written. */
export interface WriteOptions {
  /** The command writing: it may replace only its own folders (see `folder-owner.ts`). */
  writer: FolderWriter
  /** Replace the folder whoever wrote it (never a git repository). */
  force?: boolean
  /** Called at each step of the write (tests). */
  onStep?: (step: WriteStep) => void
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

/** Puts back the output of a run that died between its two renames; drops its staging. */
export function recoverInterruptedWrite(out: string): void {
  const old = `${out}.herald-old`
  if (fs.existsSync(old)) {
    if (fs.existsSync(out)) fs.rmSync(old, {recursive: true, force: true})
    else fs.renameSync(old, out)
  }

  const parent = path.dirname(out)
  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    if (name.startsWith(`${path.basename(out)}.herald-tmp-`)) {
      fs.rmSync(path.join(parent, name), {recursive: true, force: true})
    }
  }
}

/**
 * Before any work: a folder the run may not replace is refused now, not after a minute
 * of parsing, and an interrupted earlier write is put back.
 */
export function prepareFolder(out: string, options: WriteOptions): void {
  recoverInterruptedWrite(out)
  checkReplaceable(out, options.writer, options.force ?? false)
}

/** Replaces `out` with exactly `files` (file name → content). */
export function writeFolder(
  out: string,
  files: Record<string, string>,
  options: WriteOptions
): void {
  prepareFolder(out, options)
  fs.mkdirSync(path.dirname(out), {recursive: true})
  const staging = `${out}.herald-tmp-${process.pid}`
  fs.rmSync(staging, {recursive: true, force: true})
  fs.mkdirSync(staging)
  options.onStep?.('staging')

  for (const name of Object.keys(files).sort()) {
    const handle = fs.openSync(path.join(staging, name), 'w')
    try {
      fs.writeFileSync(handle, files[name]!)
      fs.fsyncSync(handle)
    } finally {
      fs.closeSync(handle)
    }
  }

  syncFolder(staging)
  options.onStep?.('staged')
  const old = `${out}.herald-old`
  if (fs.existsSync(out)) fs.renameSync(out, old)
  options.onStep?.('old-moved')
  fs.renameSync(staging, out)
  syncFolder(path.dirname(out))
  options.onStep?.('swapped')
  fs.rmSync(old, {recursive: true, force: true})
}
