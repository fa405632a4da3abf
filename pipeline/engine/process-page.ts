import path from 'node:path'
import {createReporter, type Place, type Report} from '../diagnostics/message.js'
import type {RuleId, SeverityOverrides} from '../diagnostics/rules.js'
import {extractEntry} from '../extract/entries/extract-entry.js'
import {segmentEntries} from '../extract/entries/segment-entries.js'
import {describeExcess, excessOf, measureComplexity} from '../page/page-complexity.js'
import {createPageView} from '../page/page-view.js'
import {parseMarkdown} from '../page/parse-markdown.js'
import {decodeText} from '../page/decode-text.js'
import {frontMatterString, readFrontMatter} from '../page/front-matter.js'
import {monthFromFileName} from '../page/page-name.js'
import {visit} from 'unist-util-visit'
import {requirementRules, scopeRules} from '../extract/countries/extract-country-rules.js'
import {extractOffers} from '../extract/offers/extract-offers.js'
import {findTables, tableRecords} from '../extract/tables/extract-tables.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Table} from '../types/tables.js'
import {validateDataset} from '../datasets/validate.js'
import {countMessages, emptyFileReport, ledgerCounters} from '../diagnostics/ledger.js'
import type {FileReport, Message} from '../types/report.js'

/**
 * One page, start to finish: decode → front matter → split sxs segments → parse →
 * segment entries → extract. Pure (bytes in, data out) so it can run in a worker
 * thread and be cached by content hash.
 */

export interface PageResult {
  report: FileReport
  entries: Entry[]
  tables: Table[]
  offers: Offer[]
  countryRules: CountryRule[]
  messages: Message[]
}

export interface ProcessOptions {
  overrides?: SeverityOverrides
}

/** Counts H2s of a page we cannot read, so they show as reported in the ledger. */
function countHeadings(text: string): number {
  let count = 0
  for (const line of text.split('\n')) if (/^ {0,3}##(?:[ \t]|$)/.test(line)) count++
  return count
}

/**
 * Messages of one rule listed per page. Real pages have a few per rule at most; a hostile
 * one (100,000 unclosed spans) would otherwise make a 30 MB report and take a minute to
 * print. What is over the cap is counted in one last message.
 */
const maxMessagesPerRule = 100

function limitPerRule(report: Report): {report: Report; flush: () => void} {
  const counts = new Map<RuleId, number>()
  const firstUnlisted = new Map<RuleId, Place | undefined>()
  return {
    report(ruleId, reason, place, extra) {
      const count = (counts.get(ruleId) ?? 0) + 1
      counts.set(ruleId, count)
      if (count <= maxMessagesPerRule) report(ruleId, reason, place, extra)
      else if (count === maxMessagesPerRule + 1) firstUnlisted.set(ruleId, place)
    },
    flush() {
      for (const [ruleId, place] of firstUnlisted) {
        const more = counts.get(ruleId)! - maxMessagesPerRule
        report(
          ruleId,
          `${more} more \`${ruleId}\` messages in this file from here on, not listed one by one`,
          place
        )
      }
    }
  }
}

function invalidRecord(result: PageResult): string | undefined {
  return (
    validateDataset('entries', result.entries) ??
    validateDataset('tables', result.tables) ??
    validateDataset('offers', result.offers) ??
    validateDataset('countryRules', result.countryRules)
  )
}

export function processPage(
  file: string,
  bytes: Uint8Array,
  options: ProcessOptions = {}
): PageResult {
  const messages: Message[] = []
  const limited = limitPerRule(createReporter(file, messages, options.overrides))
  const report = limited.report
  const result: PageResult = {
    report: emptyFileReport(file),
    entries: [],
    tables: [],
    offers: [],
    countryRules: [],
    messages
  }
  const fileReport = result.report

  const finish = (): PageResult => {
    limited.flush()
    fileReport.diagnostics = countMessages(messages)

    return result
  }

  const fail = (headings: number): PageResult => {
    fileReport.status = 'failed'
    fileReport.headings = headings
    fileReport.reported = headings
    return finish()
  }

  const month = monthFromFileName(path.posix.basename(file))
  if (!month) {
    fileReport.status = 'skipped'
    report(
      'file-not-month-page',
      `Not a month page (expected \`YYYY-<month>.md\`, e.g. \`2020-november.md\`): skipped`
    )
    return finish()
  }

  fileReport.month = month
  const decoded = decodeText(bytes)
  if (decoded.nulAt !== -1) {
    // Lines are those of the file: only line endings were normalised.
    const before = decoded.text.slice(0, decoded.nulAt)
    const lineStart = before.lastIndexOf('\n') + 1
    report('file-binary', 'File holds binary data (a NUL byte): not a Markdown page', {
      line: before.split('\n').length,
      column: decoded.nulAt - lineStart + 1
    })
    return fail(0)
  }

  if (decoded.encoding === 'latin-1') {
    report('encoding-invalid', 'File is not valid UTF-8: read as Latin-1; save it as UTF-8', {
      line: 1,
      column: 1
    })
  }

  const text = decoded.text
  const frontMatter = readFrontMatter(text)
  if (!frontMatter.ok) {
    report(
      'front-matter-invalid',
      `${frontMatter.reason}: fix the YAML between the \`---\` lines`,
      {line: frontMatter.line, column: 1}
    )
    return fail(countHeadings(text))
  }

  const data = frontMatter.value.data
  const locale = frontMatterString(data, 'ms.contentlocale')
  let validLocale: boolean
  try {
    validLocale = locale !== undefined && Intl.getCanonicalLocales(locale).length === 1
  } catch {
    validLocale = false
  }

  if (!locale || !validLocale) {
    report(
      'locale-missing',
      locale
        ? `\`ms.contentlocale: ${locale}\` is not a BCP 47 locale: expected e.g. \`fr-FR\``
        : 'Front matter has no `ms.contentlocale`: add e.g. `ms.contentlocale: fr-FR`',
      {line: 1, column: 1}
    )
    return fail(countHeadings(text))
  }

  fileReport.locale = locale
  const page = createPageView(text, frontMatter.value.end)
  fileReport.flavour = page.flavour
  for (const problem of page.segmented.problems) {
    report('sxs-segment-malformed', problem.reason, page.sourcePlace(problem.offset))
  }

  // Shapes the parser is super-linear on are reported before it runs, not after minutes.
  const excess = excessOf(measureComplexity(page.view))
  if (excess) {
    report('file-too-complex', describeExcess(excess), page.place(excess.offset))
    return fail(countHeadings(text))
  }

  const tree = parseMarkdown(page.view)
  const segmented = segmentEntries(tree, page, report)
  const facts = {
    file,
    month,
    locale,
    sourceCommit: frontMatterString(data, 'ms.sourcegitcommit') ?? null,
    translationType: frontMatterString(data, 'ms.translationtype') ?? null
  }

  const keys = new Map<string, number>()
  const extractedTables = new Set<unknown>()
  for (const block of segmented.entries) {
    const base = `${month}/${block.id}`
    const count = (keys.get(base) ?? 0) + 1
    keys.set(base, count)
    if (count > 1) {
      report(
        'entry-duplicate-slug',
        `Slug \`${block.id}\` is used by ${count} H2s of this page: both kept, this one as \`${base}~${count}\``,
        page.place(block.heading.position!.start.offset!)
      )
    }

    const {entry, sections} = extractEntry(
      block,
      count > 1 ? `${base}~${count}` : base,
      page,
      facts,
      report
    )
    result.entries.push(entry)

    const found = findTables(page, sections)
    for (const table of found) extractedTables.add(table.node)
    const tables = tableRecords(page, entry, found)
    result.tables.push(...tables)
    for (const table of tables) {
      fileReport.rowsExtracted += table.rows.length
      if (table.role === 'offers') {
        const {offers, counts} = extractOffers(table, report)
        result.offers.push(...offers)
        fileReport.offerRows += counts.rows
        fileReport.offerRowsExtracted += counts.rowsExtracted
        fileReport.offerRowsReported += counts.rowsReported
      } else if (table.role === 'country-rules') {
        const {rules} = requirementRules(table, report)
        result.countryRules.push(...rules)
      }
    }

    result.countryRules.push(...scopeRules(page, entry, sections, tables))
  }

  visit(tree, 'table', (table) => {
    fileReport.tables++
    fileReport.rows += Math.max(table.children.length - 1, 0)
    if (extractedTables.has(table)) return
    fileReport.tablesReported++
    fileReport.rowsReported += Math.max(table.children.length - 1, 0)
    report(
      'table-outside-entry',
      'Table outside any entry (before the first H2 with an English slug): not extracted',
      page.place(table.position!.start.offset!)
    )
  })

  // A record that does not fit its schema is a Herald bug; it fails this page, not the
  // whole run (which writes nothing when a dataset is invalid).
  const invalid = invalidRecord(result)
  if (invalid) {
    report(
      'file-crashed',
      `Herald extracted a record that does not fit its schema (${invalid}): this page's records are dropped; please report it with the file`
    )
    result.entries = []
    result.tables = []
    result.offers = []
    result.countryRules = []
    for (const counter of ledgerCounters) fileReport[counter] = 0
    return fail(segmented.headings)
  }

  fileReport.headings = segmented.headings
  fileReport.entries = segmented.entries.length
  fileReport.merged = segmented.merged
  fileReport.reported = segmented.reported
  fileReport.tablesExtracted = result.tables.length
  fileReport.offers = result.offers.length
  fileReport.countryRules = result.countryRules.length
  return finish()
}
