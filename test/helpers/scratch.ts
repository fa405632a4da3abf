import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '..', '..')

/** A new empty folder under the system's temporary folder. */
export function scratchFolder(prefix = 'herald-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Writes files (name → content) under a new folder; returns the folder. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const folder = scratchFolder()
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    fs.writeFileSync(path.join(folder, name), content)
  }

  return folder
}

/** Every file of a folder (name → bytes as text), to compare a folder before and after. */
export function snapshot(folder: string): Record<string, string> {
  if (!fs.existsSync(folder)) return {}
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')])
  )
}

/**
 * Runs the compiled `bin/herald.js` (of this checkout, or of `install`) in a process of
 * its own; resolves with its exit code and output, whatever the code.
 */
export function runBin(
  args: string[],
  options: {install?: string; env?: NodeJS.ProcessEnv; cwd?: string} = {}
): Promise<{code: number; stdout: string; stderr: string}> {
  const bin = path.join(options.install ?? root, 'bin', 'herald.js')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {env: {...process.env, ...options.env}, cwd: options.cwd ?? root, maxBuffer: 64 << 20},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({code, stdout, stderr})
      }
    )
  })
}

/** The records of a dataset file of an output folder (`{$schema, records}`). */
export function readRecords<T = Record<string, unknown>>(folder: string, file: string): T[] {
  const data = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as {records: T[]}
  if (!Array.isArray(data.records)) throw new Error(`${file} in ${folder} holds no records`)
  return data.records
}
