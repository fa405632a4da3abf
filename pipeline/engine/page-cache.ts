import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {codeFingerprint} from './code-fingerprint.js'
import type {PageResult} from './process-page.js'

/**
 * A content-hash cache of page results on disk. The key covers everything a result
 * depends on: the page's bytes and the name it is reported under, the options that change
 * its messages, and the code that computes it (see `code-fingerprint.ts`). An unchanged
 * page is never parsed twice, whichever build, commit or folder it comes from.
 */

/** The options that change a page's result. */
export interface ResultOptions {
  overrides?: SeverityOverrides
}

/** The cache key of a page's result: the page, and its twin where it has one. */
export function pageKey(
  page: {name: string; bytes: Uint8Array; twin?: {name: string; bytes: Uint8Array}},
  options: ResultOptions
): string {
  const hash = createHash('sha256')
    .update(codeFingerprint())
    .update('\0')
    .update(JSON.stringify(options.overrides ?? {}))
    .update('\0')
    .update(page.name)
    .update('\0')
    .update(page.bytes)
  if (page.twin) hash.update('\0twin\0').update(page.twin.name).update('\0').update(page.twin.bytes)
  return hash.digest('hex')
}

/** Page results by key, one file each, under a folder. */
export class PageCache {
  constructor(readonly folder: string) {}

  private file(key: string): string {
    return path.join(this.folder, key.slice(0, 2), `${key.slice(2)}.json`)
  }

  /** The cached result, or undefined (also when the entry cannot be read). */
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
