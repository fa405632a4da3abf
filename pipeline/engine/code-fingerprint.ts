import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * A hash of the code that computes page results — every file of Herald's own code (the
 * compiled `dist/`, or `pipeline/` when run from source), the schemas and the package
 * version. It is part of every cache key: an upgrade, a local fix or a checkout of another
 * commit makes every page be parsed again, never served from an older code's results.
 *
 * Hashing the files, not trusting a version number, also covers a `dist/` rebuilt or
 * edited in place. About a megabyte is read once per process: a few milliseconds.
 */

const codeFolder = fileURLToPath(new URL('../', import.meta.url))
const projectFolder = path.dirname(codeFolder)

let fingerprint: string | undefined

/** Every file under `folder`, relative, sorted by name (code point order). */
function filesUnder(folder: string, prefix = ''): string[] {
  const files: string[] = []
  for (const entry of fs.readdirSync(path.join(folder, prefix), {withFileTypes: true})) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) files.push(...filesUnder(folder, relative))
    else if (entry.isFile()) files.push(relative)
  }

  return files.sort()
}

/** The fingerprint of the running code, computed once per process. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint
  const hash = createHash('sha256')
  for (const [label, folder] of [
    ['code', codeFolder],
    ['schemas', path.join(projectFolder, 'schemas')]
  ] as const) {
    for (const file of filesUnder(folder)) {
      hash.update(`${label}/${file}\0`).update(fs.readFileSync(path.join(folder, file)))
    }
  }

  const manifest = JSON.parse(fs.readFileSync(path.join(projectFolder, 'package.json'), 'utf8'))
  hash.update(`version\0${(manifest as {version: string}).version}`)
  fingerprint = hash.digest('hex')
  return fingerprint
}
