import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {PageResult} from './process-page.js'

/**
 * A content-hash cache of page results. The key covers everything a result depends
 * on: the bytes, the name the file is reported under, Herald's version, the schemas
 * (the shape of the records), and the options that change messages. An unchanged
 * page is never parsed twice, whichever build, commit or folder it comes from.
 */

const root = new URL('../../', import.meta.url)

let fingerprint: string | undefined

/** Herald's version and the hash of its schemas, read once. */
function heraldFingerprint(): string {
  if (fingerprint) return fingerprint
  const hash = createHash('sha256')
  const manifest = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8')) as {
    version: string
  }
  hash.update(manifest.version)
  const schemas = new URL('schemas/', root)
  for (const name of fs.readdirSync(schemas).sort())
    hash.update(name).update(fs.readFileSync(new URL(name, schemas)))
  fingerprint = hash.digest('hex')
  return fingerprint
}

export function cacheKey(name: string, bytes: Uint8Array, options: unknown): string {
  return createHash('sha256')
    .update(heraldFingerprint())
    .update('\0')
    .update(JSON.stringify(options ?? null))
    .update('\0')
    .update(name)
    .update('\0')
    .update(bytes)
    .digest('hex')
}

export class PageCache {
  constructor(readonly folder: string) {}

  private file(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key.slice(2)}.json`)
  }

  get(key: string): PageResult | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as PageResult
    } catch {
      return undefined
    }
  }

  /** Written to a temporary name and renamed, so a reader never sees half an entry. */
  set(key: string, result: PageResult): void {
    const file = this.file(key)
    try {
      fs.mkdirSync(path.dirname(file), {recursive: true})
      const temporary = `${file}.${process.pid}.tmp`
      fs.writeFileSync(temporary, JSON.stringify(result))
      fs.renameSync(temporary, file)
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}
