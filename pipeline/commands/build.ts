import path from 'node:path'
import type {BuildDatasets} from '../engine/assemble-datasets.js'
import {canonicalJson} from '../datasets/canonical-json.js'
import {RunManifest} from '../datasets/run-manifest.js'
import {datasetsOf, folderMarker, markerFile} from '../datasets/folder-owner.js'
import {fileContent} from '../datasets/registry.js'
import type {SchemaName} from '../datasets/validate.js'
import {prepareFolder, writeFolder} from '../datasets/write-folder.js'
import {defaultMaxFileSize, PageEngine, type EngineOptions, type Page} from '../engine/engine.js'
import {tooLarge} from '../engine/failed-page.js'
import type {PageResult} from '../engine/process-page.js'
import {InputError} from '../errors.js'
import {findPageFiles} from '../files/find-page-files.js'
import {readPageFile} from '../files/read-page-file.js'
import {monthFromFileName} from '../page/page-name.js'
import type {Report} from '../types/report.js'

/**
 * `herald build`, as a function: read the pages (files and folders, or pages given in
 * memory) → process them (the engine) → assemble the datasets → validate → write the
 * output folder. Nothing is written unless every input was read and every dataset is
 * valid: a failed run leaves the output folder as it was.
 */

/** What to build, and where. */
export interface BuildOptions extends EngineOptions {
  /** Files and folders to read; ignored when `pages` is given. */
  inputs?: string[]
  /** Pages in memory (`herald regenerate` reads them from git). */
  pages?: Page[]
  /** The output folder; nothing is written without it. */
  out?: string
  /** The command the folder is written for: each replaces only its own folders. */
  writer?: 'build' | 'regenerate'
  /** Validate and report, write nothing. */
  dryRun?: boolean
  /** Replace `out` whichever command wrote it (never a git repository). */
  force?: boolean
  /**
   * Plain pages take their English from a twin among the pages (an sxs page of the same
   * month and source commit); default true.
   */
  twins?: boolean
  /**
   * Pages that lend their English to the plain pages but are not built themselves: the
   * sxs pages of the docs repository's twin branch (`herald regenerate`).
   */
  twinPages?: Page[]
}

/** What a build did. */
export interface BuildResult {
  report: Report
  /** The datasets; undefined when nothing changed since the last build into `out`. */
  datasets?: BuildDatasets
  /** True when every input and the output are as the last build left them. */
  unchanged: boolean
  /** Set when a dataset fails its schema: nothing was written. */
  invalid?: string
  /** Whether the output folder was written. */
  written: boolean
  /** Pages read, and how many of them were parsed (the others came from the cache). */
  stats: {pages: number; parsed: number}
}

/** A page to process, or the result of one that is too large to be read. */
type Input = Page | {name: string; result: PageResult}

/** The pages under the paths given; throws an InputError for anything not read. */
function readInputs(inputs: string[], exclude: string[], maxFileSize: number): Input[] {
  const found = findPageFiles(inputs, exclude)
  const problems = [...found.problems]
  const read: Input[] = []
  for (const file of found.files) {
    const page = readPageFile(file.absolute, maxFileSize)
    if ('bytes' in page) read.push({name: file.name, bytes: page.bytes})
    else if ('tooLarge' in page) {
      read.push({name: file.name, result: tooLarge(file.name, page.size, maxFileSize)})
    } else problems.push({name: file.name, reason: page.problem})
  }

  if (problems.length > 0) {
    const listed = problems.map((problem) => `\n  ${problem.name}: ${problem.reason}`).join('')
    throw new InputError(
      `Cannot read ${problems.length === 1 ? 'an input' : `${problems.length} inputs`}, so nothing was written:${listed}\n` +
        'Check the paths (a typo?), or remove what cannot be read.'
    )
  }

  return read
}

/** Builds the datasets; writes them to `out` unless `dryRun`. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const out = options.out === undefined ? undefined : path.resolve(options.out)
  const writes = out !== undefined && !options.dryRun
  const writer = options.writer ?? 'build'
  // A folder the run may not replace is refused before any work.
  if (writes) prepareFolder(out, {writer, force: options.force})

  const inputs: Input[] = options.pages
    ? [...options.pages]
    : readInputs(options.inputs ?? [], out ? [out] : [], options.maxFileSize ?? defaultMaxFileSize)
  if (!inputs.some((input) => monthFromFileName(path.posix.basename(input.name)))) {
    const where = options.pages ? 'the pages given' : (options.inputs ?? []).join(', ')
    throw new InputError(
      `No month page (\`YYYY-<month>.md\`, e.g. \`2020-november.md\`) in ${where || 'no input'}, ` +
        'so nothing was written: give the announcements folder of a docs checkout ' +
        '(partner-center/announcements/)'
    )
  }

  const engine = new PageEngine(options)
  try {
    const read = inputs.filter((input): input is Page => 'bytes' in input)
    const stats = {pages: inputs.length, parsed: 0}
    // An unchanged rebuild is decided here, before any page is paired, parsed or read from
    // the cache, and before the parser and the dataset code are even loaded. Twins are a
    // function of the pages, the twin pages and the option, so these keys cover them.
    const manifest =
      writes && options.cacheFolder ? new RunManifest<Report>(options.cacheFolder, out) : undefined
    const keys = manifest
      ? [
          `twins ${options.twins !== false}`,
          ...inputs.map((input) =>
            'bytes' in input ? engine.keyOf(input) : `too-large ${input.name}`
          ),
          ...(options.twinPages ?? []).map((page) => `twin page ${engine.keyOf(page)}`)
        ]
      : []
    const recorded = manifest?.unchanged(keys)
    if (recorded) return {report: recorded, unchanged: true, written: false, stats}

    const [{pairTwins}, {assembleDatasets}, {validateDataset}] = await Promise.all([
      import('../engine/pair-twins.js'),
      import('../engine/assemble-datasets.js'),
      import('../datasets/validate.js')
    ])
    const pages =
      options.twins === false ? read : pairTwins(read, [...read, ...(options.twinPages ?? [])])
    const processed = await engine.process(pages)
    stats.parsed = engine.stats.parsed
    // The workers' heaps go before the datasets are assembled and serialised: the peak
    // memory of a build is then the larger of the two stages, not their sum.
    await engine.close()
    let next = 0
    const results = inputs.map((input) => ('result' in input ? input.result : processed[next++]!))
    const datasets = assembleDatasets(results, options.overrides)
    const definitions = datasetsOf(writer)
    for (const definition of definitions) {
      const data = datasets[definition.name as keyof BuildDatasets]
      const invalid = validateDataset(definition.name as SchemaName, fileContent(definition, data))
      if (invalid) {
        return {report: datasets.report, datasets, unchanged: false, invalid, written: false, stats}
      }
    }

    if (!writes) return {report: datasets.report, datasets, unchanged: false, written: false, stats}
    const files: Record<string, string> = {}
    const marked: Array<{definition: (typeof definitions)[number]; data: unknown}> = []
    for (const definition of definitions) {
      const data = datasets[definition.name as keyof BuildDatasets]
      files[definition.file] = canonicalJson(fileContent(definition, data))
      marked.push({definition, data})
    }

    files[markerFile] = folderMarker(writer, marked)
    writeFolder(out, files, {writer, force: options.force})
    manifest?.record(keys, datasets.report, Object.keys(files))
    return {report: datasets.report, datasets, unchanged: false, written: true, stats}
  } finally {
    await engine.close()
  }
}
