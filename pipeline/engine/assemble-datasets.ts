import {buildCatalog} from '../catalog/build-catalog.js'
import {compareMessages, compareStrings} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {sumLedger} from '../diagnostics/ledger.js'
import {schemaId} from '../datasets/registry.js'
import type {PageResult} from './process-page.js'
import type {Announcement} from '../types/announcements.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Coverage, Message, Report} from '../types/report.js'
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
  announcements: Announcement[]
  report: Report
}

function byPage(a: PageResult, b: PageResult): number {
  return (
    compareStrings(a.report.locale ?? '', b.report.locale ?? '') ||
    compareStrings(a.report.month ?? '', b.report.month ?? '') ||
    compareStrings(a.report.file, b.report.file)
  )
}

/** The report of a set of page results, with the catalog's messages and coverage. */
export function assembleReport(
  results: readonly PageResult[],
  catalog: {messages: Message[]; coverage: Coverage[]} = {messages: [], coverage: []}
): Report {
  const files = results
    .map((result) => result.report)
    .sort((a, b) => compareStrings(a.file, b.file))
  const messages = [...results.flatMap((result) => result.messages), ...catalog.messages].sort(
    compareMessages
  )
  return {
    $schema: schemaId('report') as Report['$schema'],
    generator: 'herald',
    totals: sumLedger(files, messages),
    files,
    messages,
    coverage: catalog.coverage
  }
}

/** The records of a set of page results, in the datasets' order. */
export function assembleRecords(
  results: readonly PageResult[]
): Pick<BuildDatasets, 'entries' | 'tables' | 'offers' | 'countryRules'> {
  const pages = [...results].sort(byPage)
  return {
    entries: pages.flatMap((page) => page.entries),
    tables: pages.flatMap((page) => page.tables),
    offers: pages.flatMap((page) => page.offers),
    countryRules: pages.flatMap((page) => page.countryRules)
  }
}

/** The datasets of a set of page results, the catalog across their locales included. */
export function assembleDatasets(
  results: readonly PageResult[],
  overrides: SeverityOverrides = {}
): BuildDatasets {
  const records = assembleRecords(results)
  const catalog = buildCatalog(records, overrides)
  return {
    ...records,
    announcements: catalog.announcements,
    report: assembleReport(results, catalog)
  }
}
