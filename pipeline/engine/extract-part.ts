import {visit} from 'unist-util-visit'
import type {LedgerCounter} from '../diagnostics/ledger.js'
import {createReporter} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {requirementRules, scopeRules} from '../extract/countries/extract-country-rules.js'
import {extractEntry, type PageFacts} from '../extract/entries/extract-entry.js'
import {segmentEntries} from '../extract/entries/segment-entries.js'
import {extractOffers} from '../extract/offers/extract-offers.js'
import {offerMentions} from '../extract/offers/offer-mentions.js'
import {textUnits} from '../extract/offers/text-units.js'
import {findTables, tableRecords} from '../extract/tables/extract-tables.js'
import type {PageView} from '../page/page-view.js'
import {parseMarkdown} from '../page/parse-markdown.js'
import {withTwinEnglish} from '../page/twin-english.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Message} from '../types/report.js'
import type {Table} from '../types/tables.js'

/**
 * One part of a page — the text from one top-level H2 to the next — parsed and
 * extracted: its entries, their tables, offers and country rules, its diagnostics, and
 * its counts for the page's ledger. A part depends on its own text and on the page's
 * name, month, locale and flavour only, so its result can be reused wherever the same
 * part recurs (the next version of the page, most often).
 */

/** The ledger counts of a part, summed into its page's report. */
export type PartCounts = Record<Exclude<LedgerCounter, 'offers' | 'countryRules'>, number>

/** An entry and the records that belong to it. */
export interface EntryRecords {
  entry: Entry
  tables: Table[]
  offers: Offer[]
  countryRules: CountryRule[]
}

/** What one part yields. Entry keys are `month/id`; the page makes repeated ones unique. */
export interface PartResult {
  entries: EntryRecords[]
  messages: Message[]
  counts: PartCounts
}

/** What a part needs to know of its page. */
export interface PartContext {
  facts: PageFacts
  overrides?: SeverityOverrides
  /** The same entry's part in the plain page's twin, whose English the part takes. */
  twin?: PageView
}

/** Parses and extracts one part, seen through `plain` (a view of the part alone). */
export function extractPart(plain: PageView, context: PartContext): PartResult {
  const {facts} = context
  const messages: Message[] = []
  const report = createReporter(facts.file, messages, context.overrides)
  const counts: PartCounts = {
    headings: 0,
    entries: 0,
    merged: 0,
    reported: 0,
    tables: 0,
    tablesExtracted: 0,
    tablesReported: 0,
    rows: 0,
    rowsExtracted: 0,
    rowsReported: 0,
    offerRows: 0,
    offerRowsExtracted: 0,
    offerRowsReported: 0,
    guids: 0,
    guidOffers: 0,
    guidLinks: 0,
    guidsReported: 0
  }
  const result: PartResult = {entries: [], messages, counts}

  const tree = parseMarkdown(plain.view)
  const part = context.twin
    ? withTwinEnglish(plain, tree, context.twin, parseMarkdown(context.twin.view))
    : plain
  const segmented = segmentEntries(tree, part, report)
  counts.headings = segmented.headings
  counts.entries = segmented.entries.length
  counts.merged = segmented.merged
  counts.reported = segmented.reported

  const extractedTables = new Set<unknown>()
  for (const block of segmented.entries) {
    const {entry, sections} = extractEntry(block, `${facts.month}/${block.id}`, part, facts, report)
    const found = findTables(part, sections)
    for (const table of found) extractedTables.add(table.node)
    const records: EntryRecords = {
      entry,
      tables: tableRecords(part, entry, found),
      offers: [],
      countryRules: []
    }
    result.entries.push(records)
    counts.tablesExtracted += records.tables.length
    for (const table of records.tables) {
      counts.rowsExtracted += table.rows.length
      if (table.role === 'offers') {
        const offers = extractOffers(table, report)
        records.offers.push(...offers.offers)
        counts.offerRows += offers.counts.rows
        counts.offerRowsExtracted += offers.counts.rowsExtracted
        counts.offerRowsReported += offers.counts.rowsReported
        counts.guids += offers.counts.guidOffers + offers.counts.guidsReported
        counts.guidOffers += offers.counts.guidOffers
        counts.guidsReported += offers.counts.guidsReported
      } else if (table.role === 'country-rules') {
        records.countryRules.push(...requirementRules(table, report).rules)
      }
    }

    // Tables first, then what lists, text and other cells name (see offer-mentions.ts).
    const mentions = offerMentions(
      part,
      entry,
      textUnits(block.heading, sections),
      found.map((table, index) => ({node: table.node, record: records.tables[index]!})),
      records.offers,
      report
    )
    records.offers.push(...mentions.offers)
    counts.guids += mentions.counts.guids
    counts.guidOffers += mentions.counts.guidOffers
    counts.guidLinks += mentions.counts.guidLinks
    counts.guidsReported += mentions.counts.guidsReported

    records.countryRules.push(...scopeRules(part, entry, sections, records.tables, report))
  }

  visit(tree, 'table', (table) => {
    counts.tables++
    counts.rows += Math.max(table.children.length - 1, 0)
    if (extractedTables.has(table)) return
    counts.tablesReported++
    counts.rowsReported += Math.max(table.children.length - 1, 0)
    report(
      'table-outside-entry',
      'Table outside any entry (before the first H2 with an English slug): not extracted',
      part.place(table.position!.start.offset!)
    )
  })

  return result
}
