import {compareMessages, compareStrings} from '../diagnostics/message.js'
import {sumLedger} from '../diagnostics/ledger.js'
import {schemaId} from './registry.js'
import type {PageResult} from '../engine/process-page.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Report} from '../types/report.js'
import type {Table} from '../types/tables.js'

/**
 * The datasets of a build, from its pages' results, in the order every dataset states:
 * by locale, month and file, then page order. The report lists the files by name and the
 * messages by file and place, with the ledger summed over all files.
 */

/** The datasets `herald build` writes, in memory. */
export interface BuildDatasets {
  entries: Entry[]
  tables: Table[]
  offers: Offer[]
  countryRules: CountryRule[]
  report: Report
}

function byPage(a: PageResult, b: PageResult): number {
  return (
    compareStrings(a.report.locale ?? '', b.report.locale ?? '') ||
    compareStrings(a.report.month ?? '', b.report.month ?? '') ||
    compareStrings(a.report.file, b.report.file)
  )
}

/** The report of a set of page results. */
export function assembleReport(results: readonly PageResult[]): Report {
  const files = results
    .map((result) => result.report)
    .sort((a, b) => compareStrings(a.file, b.file))
  const messages = results.flatMap((result) => result.messages).sort(compareMessages)
  return {
    $schema: schemaId('report') as Report['$schema'],
    generator: 'herald',
    totals: sumLedger(files, messages),
    files,
    messages
  }
}

/** The datasets of a set of page results. */
export function assembleDatasets(results: readonly PageResult[]): BuildDatasets {
  const pages = [...results].sort(byPage)
  return {
    entries: pages.flatMap((page) => page.entries),
    tables: pages.flatMap((page) => page.tables),
    offers: pages.flatMap((page) => page.offers),
    countryRules: pages.flatMap((page) => page.countryRules),
    report: assembleReport(results)
  }
}
