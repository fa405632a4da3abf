import type {FileReport, Ledger, Message} from '../types/report.js'

/**
 * The ledger says what happened to everything a page holds: each H2, table, row and
 * offer row is either extracted or reported, and each GUID-shaped string of an entry is
 * an offer ID of a record, a link parameter, or reported. One list of counters serves the file
 * reports and the totals.
 */

export const ledgerCounters = [
  'headings',
  'entries',
  'merged',
  'reported',
  'tables',
  'tablesExtracted',
  'tablesReported',
  'rows',
  'rowsExtracted',
  'rowsReported',
  'offerRows',
  'offerRowsExtracted',
  'offerRowsReported',
  'guids',
  'guidOffers',
  'guidLinks',
  'guidsReported',
  'offers',
  'countryRules'
] as const

/** A count of the ledger: H2s, entries, tables, rows and what became of each. */
export type LedgerCounter = (typeof ledgerCounters)[number]

function zeroCounters(): Record<LedgerCounter, number> {
  return Object.fromEntries(ledgerCounters.map((counter) => [counter, 0])) as Record<
    LedgerCounter,
    number
  >
}

/** The report of a file before anything is read from it. */
export function emptyFileReport(file: string): FileReport {
  return {
    file,
    status: 'processed',
    locale: null,
    month: null,
    flavour: null,
    diagnostics: {},
    ...zeroCounters()
  }
}

/** Messages per rule id. */
export function countMessages(messages: Message[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const message of messages) counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1
  return counts
}

/** The totals of a run: every file's ledger summed, and its messages counted by rule. */
export function sumLedger(files: FileReport[], messages: Message[]): Ledger {
  const ledger: Ledger = {
    files: files.length,
    diagnostics: countMessages(messages),
    ...zeroCounters()
  }
  for (const counter of ledgerCounters) {
    ledger[counter] = files.reduce((sum, file) => sum + file[counter], 0)
  }

  return ledger
}
