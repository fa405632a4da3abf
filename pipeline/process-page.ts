import path from 'node:path'
import {createReporter} from './diagnostics/message.js'
import type {SeverityOverrides} from './diagnostics/rules.js'
import {extractEntry} from './entries/extract-entry.js'
import {segmentEntries} from './entries/segment-entries.js'
import {createPageView} from './page/page-view.js'
import {parseMarkdown} from './parse/parse-markdown.js'
import {decodeText} from './read/decode-text.js'
import {frontMatterString, readFrontMatter} from './read/front-matter.js'
import {monthFromFileName} from './read/page-name.js'
import type {Entry} from './types/entries.js'
import type {FileReport, Message} from './types/report.js'

/**
 * One page, start to finish: decode → front matter → split sxs segments → parse →
 * segment entries → extract. Pure (bytes in, data out) so it can run in a worker
 * thread and be cached by content hash.
 */

export interface PageResult {
  report: FileReport
  entries: Entry[]
  messages: Message[]
}

export interface ProcessOptions {
  overrides?: SeverityOverrides
}

function emptyReport(file: string): FileReport {
  return {
    file,
    status: 'processed',
    locale: null,
    month: null,
    flavour: null,
    headings: 0,
    entries: 0,
    merged: 0,
    reported: 0,
    diagnostics: {}
  }
}

/** Counts H2s of a page we cannot read, so they show as reported in the ledger. */
function countHeadings(text: string): number {
  let count = 0
  for (const line of text.split('\n')) if (/^ {0,3}##(?:[ \t]|$)/.test(line)) count++
  return count
}

export function processPage(
  file: string,
  bytes: Uint8Array,
  options: ProcessOptions = {}
): PageResult {
  const messages: Message[] = []
  const report = createReporter(file, messages, options.overrides)
  const result: PageResult = {report: emptyReport(file), entries: [], messages}
  const fileReport = result.report

  const finish = (): PageResult => {
    for (const message of messages) {
      fileReport.diagnostics[message.ruleId] = (fileReport.diagnostics[message.ruleId] ?? 0) + 1
    }

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
    report(
      'file-binary',
      `File holds binary data (NUL byte at offset ${decoded.nulAt}): not a Markdown page`
    )
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
    report('sxs-segment-malformed', problem.reason, page.place(problem.offset))
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

    result.entries.push(
      extractEntry(block, count > 1 ? `${base}~${count}` : base, page, facts, report)
    )
  }

  fileReport.headings = segmented.headings
  fileReport.entries = segmented.entries.length
  fileReport.merged = segmented.merged
  fileReport.reported = segmented.reported
  return finish()
}
