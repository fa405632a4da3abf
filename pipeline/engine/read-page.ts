import fs from 'node:fs'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {processPage, type PageResult} from './process-page.js'
import {countMessages, emptyFileReport} from '../diagnostics/ledger.js'
import type {Message} from '../types/report.js'
import {describe} from '../files/collect-files.js'

/**
 * One input file to a page result, whatever happens: a file too large, unreadable or
 * broken becomes a failed file with a diagnostic — never an exception — so one bad
 * file does not stop the others.
 */

export interface ReadOptions {
  overrides?: SeverityOverrides
  /** Largest file read, in bytes: a bigger one is reported, not parsed. */
  maxFileSize?: number
}

export const defaultMaxFileSize = 16 * 1024 * 1024

export function failedFile(file: string, message: Omit<Message, 'file'>): PageResult {
  const full: Message = {file, ...message}
  const report = emptyFileReport(file)
  report.status = 'failed'
  report.diagnostics = countMessages([full])
  return {report, entries: [], tables: [], offers: [], countryRules: [], messages: [full]}
}

export function tooLarge(name: string, size: number, maxFileSize: number): PageResult {
  return failedFile(name, {
    line: null,
    column: null,
    ruleId: 'file-too-large',
    severity: 'error',
    reason: `File is ${size} bytes, over the ${maxFileSize}-byte cap: raise it with \`--max-file-size\` if the page is real`
  })
}

export function unreadable(name: string, error: unknown): PageResult {
  return failedFile(name, {
    line: null,
    column: null,
    ruleId: 'file-unreadable',
    severity: 'error',
    reason: `Cannot read: ${typeof error === 'string' ? error : describe(error)}`
  })
}

/** Reads a file's bytes, or the failed result that says why not. */
export function readBytes(
  absolute: string,
  name: string,
  options: ReadOptions
): Uint8Array | PageResult {
  const maxFileSize = options.maxFileSize ?? defaultMaxFileSize
  try {
    const size = fs.statSync(absolute).size
    if (size > maxFileSize) return tooLarge(name, size, maxFileSize)
    return fs.readFileSync(absolute)
  } catch (error) {
    return unreadable(name, error)
  }
}

/** Processes bytes already read; an unexpected exception is reported, not thrown. */
export function processBytes(name: string, bytes: Uint8Array, options: ReadOptions): PageResult {
  try {
    return processPage(name, bytes, {overrides: options.overrides})
  } catch (error) {
    return failedFile(name, {
      line: null,
      column: null,
      ruleId: 'file-crashed',
      severity: 'error',
      reason: `Herald failed on this file (${(error as Error).message ?? String(error)}): please report it with the file`
    })
  }
}
