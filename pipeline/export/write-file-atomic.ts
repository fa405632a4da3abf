import fs from 'node:fs'
import path from 'node:path'
import {OutputError} from '../errors.js'

/**
 * Files are written whole or not at all: into a temporary file beside the target, synced,
 * then renamed over it. A reader (a feed reader polling, Datasette opening the database)
 * sees the old file or the new one, never half of one; a failed run leaves the old file.
 */

/** The temporary name of `file` while this process writes it. */
export function temporaryName(file: string): string {
  return `${file}.herald-tmp-${process.pid}`
}

/** Makes the finished temporary file `file`: syncs it, renames it, syncs the folder. */
export function commitTemporary(temporary: string, file: string): void {
  const handle = fs.openSync(temporary, 'r+')
  try {
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }

  fs.renameSync(temporary, file)
  try {
    const folder = fs.openSync(path.dirname(file), 'r')
    try {
      fs.fsyncSync(folder)
    } finally {
      fs.closeSync(folder)
    }
  } catch {
    // Some file systems cannot sync a folder; the rename is atomic all the same.
  }
}

/** A failure to write `file`, said as an OutputError with what to check. */
export function cannotWrite(file: string, error: unknown): OutputError {
  return new OutputError(
    `Cannot write \`${file}\` (${(error as Error).message}): check the path and its permissions`
  )
}

/** Removes a temporary file if there is one; a folder that cannot hold it holds none. */
export function removeTemporary(temporary: string): void {
  try {
    fs.rmSync(temporary, {force: true})
  } catch {
    // Nothing was written there.
  }
}

/** Writes `content` to `file` atomically, creating its folder. */
export function writeFileAtomic(file: string, content: string): void {
  const temporary = temporaryName(file)
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(temporary, content)
    commitTemporary(temporary, file)
  } catch (error) {
    removeTemporary(temporary)
    throw cannotWrite(file, error)
  }
}
