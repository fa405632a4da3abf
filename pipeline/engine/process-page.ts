import path from 'node:path'
import {validateRecords} from '../datasets/validate.js'
import {countMessages, emptyFileReport, ledgerCounters} from '../diagnostics/ledger.js'
import {createReporter} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {decodeText} from '../page/decode-text.js'
import {frontMatterDate, frontMatterString, readFrontMatter} from '../page/front-matter.js'
import {describeExcess, excessOf, measureComplexity} from '../page/page-complexity.js'
import {monthFromFileName} from '../page/page-name.js'
import {blankFrontMatter, createPageView, partView} from '../page/page-view.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {FileReport, Message} from '../types/report.js'
import type {Table} from '../types/tables.js'
import {extractPart, type PartCounts, type PartResult} from './extract-part.js'
import {limitPerRule} from './limit-messages.js'
import {openTwin, type TwinPage} from './open-twin.js'
import {pageParts, partKey} from './page-parts.js'
import type {PartMemo} from './part-memo.js'
import {rekeyEntry} from './rekey-entry.js'

/**
 * One page, top to bottom: decode → front matter → split sxs segments (the span-free view)
 * → check the parser's limits → cut into parts at top-level H2s → each part parsed and
 * extracted (`extract-part.ts`), or taken from the memo when the same part was seen →
 * assembled into the page's records, ledger and diagnostics. Pure (bytes in, data out),
 * so it runs in a worker thread and its result is cached by content hash.
 */

/** Everything one page yields. */
export interface PageResult {
  report: FileReport
  entries: Entry[]
  tables: Table[]
  offers: Offer[]
  countryRules: CountryRule[]
  messages: Message[]
}

/** How a page is processed. */
export interface ProcessOptions {
  overrides?: SeverityOverrides
  /** Results of parts seen before; without it every part is extracted. */
  memo?: PartMemo
  /** For a plain page: its twin, the sxs page of the same source commit, for its English. */
  twin?: TwinPage
}

/** Counts H2s of a page we cannot read, so they show as reported in the ledger. */
function countHeadings(text: string): number {
  let count = 0
  for (const line of text.split('\n')) if (/^ {0,3}##(?:[ \t]|$)/.test(line)) count++
  return count
}

/**
 * Processes one page in this thread: its records and diagnostics. Never throws for bad
 * input: a page that cannot be read is a failed page with its messages.
 */
export function processPage(
  file: string,
  bytes: Uint8Array,
  options: ProcessOptions = {}
): PageResult {
  const messages: Message[] = []
  const report = createReporter(file, messages, options.overrides)
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
    result.messages = limitPerRule(messages)
    fileReport.diagnostics = countMessages(result.messages)
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

  const sourceCommit = frontMatterString(data, 'ms.sourcegitcommit') ?? null
  const translationType = frontMatterString(data, 'ms.translationtype') ?? null
  const handoff = frontMatterDate(data, 'ms.lasthandoff') ?? null
  const twin =
    page.flavour === 'plain' && options.twin ? openTwin(options.twin, sourceCommit) : undefined
  if (typeof twin === 'string') {
    report('twin-unusable', `The twin \`${options.twin!.name}\` lends no English: ${twin}`, {
      line: 1,
      column: 1
    })
  }

  const facts = {file, month, locale, sourceCommit: null, translationType: null}
  const salt = JSON.stringify([file, month, locale, page.flavour, options.overrides ?? {}])
  // Parts see the page with its front matter blanked, so the memo keys them by that text:
  // a new version of a page always changes its front matter (dates, hashes), and its head
  // part is then reused as the others are.
  const keySource = options.memo ? blankFrontMatter(text, frontMatter.value.end) : ''
  const parts: Array<{result: PartResult; twin: string | null}> = []
  for (const part of pageParts(page)) {
    const twinPart = typeof twin === 'object' ? twin.take(part.label) : undefined
    const place = page.place(part.start)
    if (typeof twin === 'object' && !twinPart && part.label !== '') {
      report(
        'twin-entry-missing',
        `The twin \`${twin.name}\` has no entry with the anchors \`${part.label}\`: this entry has no English`,
        place
      )
    }

    const key = options.memo ? partKey(page, keySource, part, salt, twinPart) : ''
    let result = options.memo?.get(key, place.line)
    if (!result) {
      result = extractPart(partView(page, part.start, part.end), {
        facts,
        overrides: options.overrides,
        twin: twinPart?.view
      })
      options.memo?.set(key, place.line, result)
    }

    parts.push({result, twin: twinPart && typeof twin === 'object' ? twin.name : null})
  }

  const slugCounts = new Map<string, number>()
  for (const {result: part, twin: twinName} of parts) {
    messages.push(...part.messages)
    for (const counter of Object.keys(part.counts) as Array<keyof PartCounts>) {
      fileReport[counter] += part.counts[counter]
    }

    for (const records of part.entries) {
      const {entry} = records
      entry.source.sourceCommit = sourceCommit
      entry.source.translationType = translationType
      entry.source.handoff = handoff
      entry.source.twin = twinName
      const count = (slugCounts.get(entry.key) ?? 0) + 1
      slugCounts.set(entry.key, count)
      if (count > 1) {
        report(
          'entry-duplicate-slug',
          `Slug \`${entry.id}\` is used by ${count} H2s of this page: both kept, this one as \`${entry.key}~${count}\``,
          {line: entry.source.line, column: entry.source.column}
        )
        rekeyEntry(records, `${entry.key}~${count}`)
      }

      result.entries.push(entry)
      result.tables.push(...records.tables)
      result.offers.push(...records.offers)
      result.countryRules.push(...records.countryRules)
    }
  }

  // A record that does not fit its schema is a Herald bug; it fails this page, not the
  // whole run (which writes nothing when a dataset is invalid).
  const invalid =
    validateRecords('entries', result.entries) ??
    validateRecords('tables', result.tables) ??
    validateRecords('offers', result.offers) ??
    validateRecords('countryRules', result.countryRules)
  if (invalid) {
    report(
      'file-crashed',
      `Herald extracted a record that does not fit its schema (${invalid}): this page's records are dropped; please report it with the file`
    )
    const headings = fileReport.headings
    result.entries = []
    result.tables = []
    result.offers = []
    result.countryRules = []
    for (const counter of ledgerCounters) fileReport[counter] = 0
    return fail(headings)
  }

  fileReport.offers = result.offers.length
  fileReport.countryRules = result.countryRules.length
  return finish()
}
