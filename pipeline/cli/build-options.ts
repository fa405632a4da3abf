import {isRuleId, type Severity, type SeverityOverrides} from '../diagnostics/rules.js'
import type {BuildResult} from '../commands/build.js'
import {formatMessages} from '../diagnostics/print-messages.js'
import type {Report} from '../types/report.js'
import {UsageError, type Io} from './io.js'

/**
 * What `build` and `regenerate` share on the command line: the flags that tune a
 * build, how they are read, and the one-line summary after it.
 */

/** Where page results (and cloned docs) are cached unless `--cache` says otherwise. */
export const defaultCacheFolder = 'node_modules/.cache/herald'

export function parseRules(values: string[]): SeverityOverrides {
  const overrides: SeverityOverrides = {}
  for (const value of values) {
    const [id, severity] = value.split('=')
    if (!id || !isRuleId(id)) {
      throw new UsageError(
        `Unknown rule \`${id}\` in \`--rule ${value}\`: see the rules in the README`
      )
    }

    if (!['off', 'info', 'warning', 'error'].includes(severity ?? '')) {
      throw new UsageError(`\`--rule ${value}\`: expected ID=off|info|warning|error`)
    }

    overrides[id] = severity as Severity | 'off'
  }

  return overrides
}

export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) {
    throw new UsageError(`\`${flag}\` takes a whole number above 0`)
  }

  return number
}

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
