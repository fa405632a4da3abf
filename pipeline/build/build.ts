import fs from 'node:fs'
import {compareMessages, compareStrings} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {canonicalJson} from '../output/canonical-json.js'
import {validateDataset} from '../output/validate-datasets.js'
import {writeDatasets} from '../output/write-datasets.js'
import {processPage, type PageResult} from '../process-page.js'
import type {Entry} from '../types/entries.js'
import type {FileReport, Ledger, Message, Report} from '../types/report.js'
import {collectInputs, describe} from './collect-inputs.js'

/**
 * `herald build`: read → process every page → order → validate → write, top to bottom.
 */

export interface BuildOptions {
  inputs: string[]
  out: string
  overrides?: SeverityOverrides
  /** Largest file read, in bytes: a bigger one is reported, not parsed. */
  maxFileSize?: number
  /** Validate and report, but write nothing. */
  dryRun?: boolean
}

export interface BuildResult {
  entries: Entry[]
  report: Report
  /** Set when the datasets are invalid: nothing was written. */
  invalid?: string
}

export const defaultMaxFileSize = 16 * 1024 * 1024

function failedFile(file: string, message: Message): PageResult {
  return {
    report: {
      file,
      status: 'failed',
      locale: null,
      month: null,
      flavour: null,
      headings: 0,
      entries: 0,
      merged: 0,
      reported: 0,
      diagnostics: {[message.ruleId]: 1}
    },
    entries: [],
    messages: [message]
  }
}

function readPage(absolute: string, name: string, options: BuildOptions): PageResult {
  const maxFileSize = options.maxFileSize ?? defaultMaxFileSize
  try {
    const size = fs.statSync(absolute).size
    if (size > maxFileSize) {
      return failedFile(name, {
        file: name,
        line: null,
        column: null,
        ruleId: 'file-too-large',
        severity: 'error',
        reason: `File is ${size} bytes, over the ${maxFileSize}-byte cap: raise it with \`--max-file-size\` if the page is real`
      })
    }

    return processPage(name, fs.readFileSync(absolute), {overrides: options.overrides})
  } catch (error) {
    return failedFile(name, {
      file: name,
      line: null,
      column: null,
      ruleId: 'file-unreadable',
      severity: 'error',
      reason: `Cannot read file: ${describe(error)}`
    })
  }
}

/** Records in the stated order: locale, month, file, then page order. */
function orderEntries(results: PageResult[]): Entry[] {
  const files = [...results].sort((a, b) => {
    const ra = a.report
    const rb = b.report
    return (
      compareStrings(ra.locale ?? '', rb.locale ?? '') ||
      compareStrings(ra.month ?? '', rb.month ?? '') ||
      compareStrings(ra.file, rb.file)
    )
  })
  return files.flatMap((result) => result.entries)
}

function totals(files: FileReport[], messages: Message[]): Ledger {
  const ledger: Ledger = {
    files: files.length,
    headings: 0,
    entries: 0,
    merged: 0,
    reported: 0,
    diagnostics: {}
  }
  for (const file of files) {
    ledger.headings += file.headings
    ledger.entries += file.entries
    ledger.merged += file.merged
    ledger.reported += file.reported
  }

  for (const message of messages) {
    ledger.diagnostics[message.ruleId] = (ledger.diagnostics[message.ruleId] ?? 0) + 1
  }

  return ledger
}

export function runBuild(options: BuildOptions): BuildResult {
  const collected = collectInputs(options.inputs, [options.out])
  const results: PageResult[] = collected.problems.map((problem) =>
    failedFile(problem.name, {
      file: problem.name,
      line: null,
      column: null,
      ruleId: 'file-unreadable',
      severity: 'error',
      reason: `Cannot read: ${problem.reason}`
    })
  )

  for (const input of collected.files) results.push(readPage(input.absolute, input.name, options))

  const files = results
    .map((result) => result.report)
    .sort((a, b) => compareStrings(a.file, b.file))
  const messages = results.flatMap((result) => result.messages).sort(compareMessages)
  const entries = orderEntries(results)
  const report: Report = {generator: 'herald', totals: totals(files, messages), files, messages}

  const invalid = validateDataset('entries', entries) ?? validateDataset('report', report)
  if (invalid) return {entries, report, invalid}
  if (!options.dryRun) {
    writeDatasets(options.out, {
      'entries.json': canonicalJson(entries),
      'report.json': canonicalJson(report)
    })
  }

  return {entries, report}
}
