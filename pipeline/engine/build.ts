import {availableParallelism} from 'node:os'
import {compareMessages, compareStrings} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {canonicalJson} from '../datasets/canonical-json.js'
import {validateDataset} from '../datasets/validate.js'
import {checkReplaceable, writeDatasets} from '../datasets/write-folder.js'
import type {PageResult} from './process-page.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Table} from '../types/tables.js'
import {datasetFiles, datasetNames} from '../datasets/registry.js'
import {sumLedger} from '../diagnostics/ledger.js'
import type {Report} from '../types/report.js'
import {BuildManifest} from '../datasets/build-manifest.js'
import {collectInputs} from '../files/collect-files.js'
import {cacheKey, PageCache} from './page-cache.js'
import {defaultMaxFileSize, readBytes, tooLarge, unreadable, type ReadOptions} from './read-page.js'
import {defaultMaxFileTime, processInPool, type Job} from './worker-pool.js'

/**
 * `herald build`: read → process every page → order → validate → write, top to bottom.
 */

/** A page given in memory (a file at some git commit), instead of read from disk. */
export interface PageSource {
  /** Name used in datasets and messages, with `/`. */
  name: string
  bytes: Uint8Array
}

export interface BuildOptions {
  /** Files and folders to read; ignored when `pages` is given. */
  inputs: string[]
  /** Pages in memory: `herald history` builds each commit's pages without a checkout. */
  pages?: PageSource[]
  out: string
  overrides?: SeverityOverrides
  maxFileSize?: number
  /** Validate and report, but write nothing. */
  dryRun?: boolean
  /** Worker threads; 1 processes pages in this thread. Default: the available cores. */
  threads?: number
  /** Milliseconds one page may take on a worker. */
  maxFileTime?: number
  /** Where page results are cached by content hash; no cache when undefined. */
  cacheFolder?: string
  /** Replace `out` even when it holds files Herald did not write. */
  force?: boolean
  /** Called as pages are parsed (cached pages are not counted). */
  onProgress?: (done: number, total: number) => void
}

export interface Datasets {
  entries: Entry[]
  tables: Table[]
  offers: Offer[]
  countryRules: CountryRule[]
  report: Report
}

export {datasetFiles, datasetNames}

export interface BuildResult {
  report: Report
  /** Undefined when nothing changed since the last build into the same folder. */
  datasets?: Datasets
  /** True when every input and the output are as the last build left them: nothing was redone. */
  unchanged: boolean
  /** Set when a dataset is invalid: nothing was written. */
  invalid?: string
  /** Pages read, and how many of them were parsed (the others came from the cache). */
  stats: {pages: number; parsed: number}
}

/** Page results in the stated order of every dataset: locale, month, file (then page order). */
function orderPages(results: PageResult[]): PageResult[] {
  return [...results].sort((a, b) => {
    const ra = a.report
    const rb = b.report
    return (
      compareStrings(ra.locale ?? '', rb.locale ?? '') ||
      compareStrings(ra.month ?? '', rb.month ?? '') ||
      compareStrings(ra.file, rb.file)
    )
  })
}

/** Reads, hashes and processes every input: cached results where the bytes are known. */
async function processAll(
  options: BuildOptions
): Promise<{results: PageResult[]; keys: string[]; parsed: number}> {
  const collected = options.pages
    ? {files: [], problems: []}
    : collectInputs(options.inputs, [options.out])
  const results: PageResult[] = collected.problems.map((problem) =>
    unreadable(problem.name, problem.reason)
  )
  const keys: string[] = collected.problems.map((problem) => `unreadable ${problem.name}`)
  const readOptions: ReadOptions = {overrides: options.overrides, maxFileSize: options.maxFileSize}
  const cache = options.cacheFolder ? new PageCache(options.cacheFolder) : undefined
  const jobs: Job[] = []
  const pending: Array<{index: number; key: string}> = []

  const sources: Array<{name: string; read: () => Uint8Array | PageResult}> = options.pages
    ? options.pages.map((page) => ({
        name: page.name,
        read: () =>
          page.bytes.length > (options.maxFileSize ?? defaultMaxFileSize)
            ? tooLarge(page.name, page.bytes.length, options.maxFileSize ?? defaultMaxFileSize)
            : page.bytes
      }))
    : collected.files.map((input) => ({
        name: input.name,
        read: () => readBytes(input.absolute, input.name, readOptions)
      }))

  for (const input of sources) {
    const bytes = input.read()
    if (!(bytes instanceof Uint8Array)) {
      results.push(bytes)
      keys.push(`failed ${input.name}`)
      continue
    }

    const key = cacheKey(input.name, bytes, readOptions)
    keys.push(key)
    const cached = cache?.get(key)
    results.push(cached ?? (undefined as unknown as PageResult))
    if (!cached) {
      pending.push({index: results.length - 1, key})
      jobs.push({name: input.name, bytes})
    }
  }

  const processed = await processInPool(jobs, {
    ...readOptions,
    threads: options.threads ?? availableParallelism(),
    maxFileTime: options.maxFileTime ?? defaultMaxFileTime,
    onProgress: options.onProgress
  })
  processed.forEach((result, index) => {
    const {index: at, key} = pending[index]!
    results[at] = result
    cache?.set(key, result)
  })

  return {results, keys, parsed: jobs.length}
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  // Refuse a foreign output folder before any work, not after a minute of parsing.
  if (!options.dryRun) checkReplaceable(options.out, options.force ?? false)
  const {results, keys, parsed} = await processAll(options)
  const stats = {pages: keys.length, parsed}
  const manifest =
    options.cacheFolder && !options.dryRun
      ? new BuildManifest(options.cacheFolder, options.out)
      : undefined
  const unchanged = manifest?.unchanged(keys)
  if (unchanged) return {report: unchanged, unchanged: true, stats}

  const files = results
    .map((result) => result.report)
    .sort((a, b) => compareStrings(a.file, b.file))
  const messages = results.flatMap((result) => result.messages).sort(compareMessages)
  const pages = orderPages(results)
  const datasets: Datasets = {
    entries: pages.flatMap((page) => page.entries),
    tables: pages.flatMap((page) => page.tables),
    offers: pages.flatMap((page) => page.offers),
    countryRules: pages.flatMap((page) => page.countryRules),
    report: {generator: 'herald', totals: sumLedger(files, messages), files, messages}
  }

  for (const name of datasetNames) {
    const invalid = validateDataset(name, datasets[name])
    if (invalid) return {report: datasets.report, datasets, unchanged: false, invalid, stats}
  }

  if (!options.dryRun) {
    writeDatasets(
      options.out,
      Object.fromEntries(
        datasetNames.map((name) => [datasetFiles[name], canonicalJson(datasets[name])])
      ),
      {force: options.force}
    )
    manifest?.record(keys, datasets.report, Object.values(datasetFiles))
  }

  return {report: datasets.report, datasets, unchanged: false, stats}
}
