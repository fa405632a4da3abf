import {countMessages, emptyFileReport} from '../diagnostics/ledger.js'
import type {Message} from '../types/report.js'
import type {PageResult} from './process-page.js'

/**
 * Page results for pages that could not be processed: too large, crashed, over their time
 * cap. A page that fails is one failed result with a diagnostic, never an exception, so
 * one bad page does not stop the others.
 */

/** The result of a page that failed with one message. */
export function failedPage(file: string, message: Omit<Message, 'file'>): PageResult {
  const full: Message = {file, ...message}
  const report = emptyFileReport(file)
  report.status = 'failed'
  report.diagnostics = countMessages([full])
  return {report, entries: [], tables: [], offers: [], countryRules: [], messages: [full]}
}

/** A page over `--max-file-size`: reported by its size, not parsed. */
export function tooLarge(name: string, size: number, maxFileSize: number): PageResult {
  return failedPage(name, {
    line: null,
    column: null,
    ruleId: 'file-too-large',
    severity: 'error',
    reason: `File is ${size} bytes, over the ${maxFileSize}-byte cap: raise it with \`--max-file-size\` if the page is real`
  })
}

/** A page whose processing failed in an unexpected way: a Herald bug, reported. */
export function crashed(name: string, why: string): PageResult {
  return failedPage(name, {
    line: null,
    column: null,
    ruleId: 'file-crashed',
    severity: 'error',
    reason: `Herald failed on this file (${why}): please report it with the file`
  })
}

/** A page that took longer than `--max-file-time`: stopped and reported. */
export function timedOut(name: string, maxFileTime: number): PageResult {
  return failedPage(name, {
    line: null,
    column: null,
    ruleId: 'file-timeout',
    severity: 'error',
    reason: `Processing took longer than ${maxFileTime} ms: stopped; raise the cap with \`--max-file-time\` if the page is real`
  })
}
