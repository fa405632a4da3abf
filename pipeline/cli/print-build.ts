import type {BuildResult} from '../commands/build.js'
import {formatMessages} from '../diagnostics/print-messages.js'
import type {Report} from '../types/report.js'
import type {Io} from './io.js'

/**
 * How `build` and `regenerate` show a build: its diagnostics like vfile-reporter, a
 * one-line summary, progress on a terminal, and the exit code its messages give.
 */

/** The one line after a build: what was read, what came out, how many problems. */
export function summaryLine(report: Report): string {
  const {totals} = report
  const bySeverity = {error: 0, warning: 0, info: 0}
  for (const message of report.messages) bySeverity[message.severity]++
  return (
    `herald: ${totals.files} files, ${totals.headings} H2 headings: ${totals.entries} entries, ` +
    `${totals.merged} merged sections, ${totals.reported} reported; ` +
    `${totals.tables} tables, ${totals.offers} offers, ${totals.countryRules} country rules; ` +
    `${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} infos\n`
  )
}

/** Progress only where a person watches: a terminal, not a log file or CI. */
export function progressReporter(io: Io): ((done: number, total: number) => void) | undefined {
  if (!io.isTerminal) return undefined
  return (done, total) =>
    io.stderr(`\rherald: parsed ${done}/${total} pages${done === total ? '\n' : ''}`)
}

/** The diagnostics of a build, like vfile-reporter, then its one-line summary. */
export function printBuild(result: BuildResult, io: Io, verbose: boolean): void {
  const printed = formatMessages(result.report.messages, {verbose, color: io.isTerminal})
  if (printed) io.stderr(printed + '\n')
  io.stderr(summaryLine(result.report))
}

/** 1 when the pages have errors (or warnings, with `--strict`); else 0. */
export function exitCodeOf(report: Report, strict: boolean): number {
  const failing = report.messages.some(
    (message) => message.severity === 'error' || (strict && message.severity === 'warning')
  )
  return failing ? 1 : 0
}
