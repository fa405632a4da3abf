import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {writeCatalogFolder, type CatalogFolder} from '../catalog/catalog-folder.js'
import type {Config, ConfigSource} from '../config/read-config.js'
import {markerFile} from '../datasets/folder-owner.js'
import {prepareFolder} from '../datasets/write-folder.js'
import {mergeDiffs} from '../diff/merge-diffs.js'
import type {Page} from '../engine/engine.js'
import {ConfigError, DatasetError, OutputError} from '../errors.js'
import {openDocs, type DocsSource, type ResolvedDocs} from '../git/docs-source.js'
import {commitOutputs, findOutputRepo, outputChanged, type OutputRepo} from '../git/output-repo.js'
import {fetchDocs} from '../sources/fetch-docs.js'
import {pagesOfOtherLocales} from '../sources/page-locales.js'
import {defaultParallelSources, oneAtATime, settleBounded} from '../sources/run-bounded.js'
import type {Diff} from '../types/diff.js'
import type {BuildResult} from './build.js'
import {commitMessage, type FailedSource} from './commit-message.js'
import {changesSinceHead, rebuildFolder, type RebuildOptions} from './regenerate.js'

/**
 * `herald regenerate` over the sources of a config: every source regenerated into its own
 * folder, the catalog built over all the folders, and with `commit` one commit of them
 * all. Sources are fetched a few at once and built one at a time (a build fills every
 * core already). A source that fails is reported and left as it was; the others are
 * written, cataloged and committed. What concerns every source — a folder Herald may
 * not replace, folders in different repositories — is refused before anything is read.
 */

/** How to regenerate the sources. */
export interface RegenerateSourcesOptions extends RebuildOptions {
  config: Config
  /** Commit the folders (the sources that did not fail, and the catalog) in one commit. */
  commit?: boolean
  /** Cache of page results, and of cloned bundles and URLs (in its `docs/` folder). */
  cacheFolder: string
  /** How many sources are fetched at once (default {@link defaultParallelSources}). */
  parallel?: number
  /** Called once a source's pages are read, before they are built. */
  onPagesRead?: (source: ConfigSource, docs: ResolvedDocs, pages: Page[]) => void
  /** Called once the twin branch's pages of a source are read. */
  onTwinRead?: (source: ConfigSource, twin: {ref: string; commit: string}, pages: Page[]) => void
}

/** A source regenerated: its folder written (or refused, when a dataset fails its schema). */
export interface SourceDone {
  source: ConfigSource
  docs: ResolvedDocs
  build: BuildResult
  /** What changed in its folder in this run; undefined when the build was invalid. */
  changes?: Diff
}

/** A source that could not be regenerated, and why; its folder was left as it was. */
export interface SourceFailed {
  source: ConfigSource
  error: unknown
  /** The build, where one was made and its datasets failed their schema. */
  build?: BuildResult
}

/** What a run over the sources did. */
export interface RegenerateSourcesResult {
  /** Per source, in the config's order. */
  sources: Array<SourceDone | SourceFailed>
  /** The catalog written, or why it could not be. */
  catalog: CatalogFolder | {error: unknown}
  /** What changed in the folders of the sources in this run, as one diff. */
  changes: Diff
  /** With `commit`: the commit made, or 'unchanged' when no file of the folders differed from HEAD. */
  commit?: {sha: string; top: string; message: string} | 'unchanged'
}

/** Whether a source was regenerated, its datasets written. */
export function isDone(outcome: SourceDone | SourceFailed): outcome is SourceDone {
  return !('error' in outcome)
}

/** The one-line reason of a failure. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Regenerates every source of the config, then the catalog; commits them with `commit`. */
export async function regenerateSources(
  options: RegenerateSourcesOptions
): Promise<RegenerateSourcesResult> {
  const {config, commit, cacheFolder, parallel, onPagesRead, onTwinRead, ...buildOptions} = options
  const folders = [
    ...config.sources.map((source) => ({out: source.out, shown: source.shown})),
    config.catalog
  ]

  // What cannot work for any source is refused before anything is read or written.
  for (const folder of folders) {
    if (fs.existsSync(path.join(folder.out, '.git'))) {
      throw new OutputError(
        `\`${folder.shown}\` in ${config.file} is the top of a git repository, and the build ` +
          `replaces the folder whole: give a folder inside it, such as ${path.join(folder.shown, 'data')}`
      )
    }

    prepareFolder(folder.out, {writer: 'regenerate', force: options.force})
  }

  const repos = new Map<string, OutputRepo>()
  if (commit) {
    for (const folder of folders)
      repos.set(folder.out, await findOutputRepo(folder.out, folder.shown, markerFile))
    const tops = new Set([...repos.values()].map((repo) => repo.top))
    if (tops.size > 1) {
      throw new ConfigError(
        `${config.file}: the folders are in ${tops.size} git repositories (${[...tops].join(', ')}), ` +
          'and --commit makes one commit: put every `out` in one repository, or drop --commit'
      )
    }
  }

  // One source opened (cloned or fetched) once, however many refs of it the config reads:
  // two fetches into one cached clone would fight over its lock files.
  const opened = new Map<string, Promise<DocsSource>>()
  const open = (docs: string) => {
    if (!opened.has(docs)) {
      opened.set(docs, openDocs(docs, {cacheFolder: path.join(cacheFolder, 'docs')}))
    }

    return opened.get(docs)!
  }

  const buildTurn = oneAtATime()
  const settled = await settleBounded(
    config.sources,
    parallel ?? defaultParallelSources,
    async (source): Promise<SourceDone | SourceFailed> => {
      // Warnings come while other sources run: each says whose it is.
      const onWarning = (message: string) => buildOptions.onWarning?.(`${source.shown}: ${message}`)
      const fetched = await fetchDocs(await open(source.docs), {
        ref: source.ref,
        twins: buildOptions.twins,
        onPagesRead: (docs, pages) => onPagesRead?.(source, docs, pages),
        onTwinRead: (twin, pages) => onTwinRead?.(source, twin, pages),
        onWarning
      })
      checkLocale(config, source, fetched.pages)
      const rebuilt = await buildTurn(() =>
        rebuildFolder(source.out, fetched, {...buildOptions, cacheFolder, onWarning})
      )
      if (!rebuilt.changes) {
        const reason = `a dataset fails its schema, nothing written: ${rebuilt.build.invalid}`
        return {source, error: new DatasetError(reason), build: rebuilt.build}
      }

      return {source, docs: fetched.docs, build: rebuilt.build, changes: rebuilt.changes}
    }
  )
  const sources = settled.map((outcome, index) =>
    outcome.status === 'fulfilled'
      ? outcome.value
      : {source: config.sources[index]!, error: outcome.reason as unknown}
  )

  let catalog: RegenerateSourcesResult['catalog']
  try {
    catalog = await writeCatalogFolder(
      config.sources.map((source) => source.out),
      config.catalog.out,
      {force: options.force, overrides: options.overrides}
    )
  } catch (error) {
    catalog = {error}
  }

  const done = sources.filter(isDone)
  const changes = mergeDiffs(done.map((outcome) => outcome.changes!))
  const result: RegenerateSourcesResult = {sources, catalog, changes}
  if (commit) {
    const written = done.map((outcome) => ({outcome, repo: repos.get(outcome.source.out)!}))
    const catalogRepo = 'error' in catalog ? [] : [repos.get(config.catalog.out)!]
    result.commit = await commitAll(written, catalogRepo, sources, options)
  }

  return result
}

/** A source whose pages are of another locale than the config says is refused. */
function checkLocale(config: Config, source: ConfigSource, pages: readonly Page[]): void {
  const others = pagesOfOtherLocales(pages, source.locale)
  if (others.size === 0) return
  const found = [...others].map(
    ([locale, names]) =>
      `${locale} (${names[0]}${names.length > 1 ? ` and ${names.length - 1} more` : ''})`
  )
  throw new ConfigError(
    `${config.file}: ${source.field}.locale is "${source.locale}", but pages of ` +
      `\`${source.docs}\` are ${found.join(', ')}: fix the \`locale\` or the \`docs\` of ${source.field}`
  )
}

/**
 * One commit of the folders, when a file in one of them differs from HEAD; its message
 * says what the commit changes in the sources' folders since HEAD, names the sources
 * that failed, and ends with the docs commit of each source regenerated.
 */
async function commitAll(
  written: ReadonlyArray<{outcome: SourceDone; repo: OutputRepo}>,
  catalogRepo: readonly OutputRepo[],
  sources: ReadonlyArray<SourceDone | SourceFailed>,
  options: Pick<RegenerateSourcesOptions, 'onWarning'>
): Promise<RegenerateSourcesResult['commit']> {
  const repos = [...written.map(({repo}) => repo), ...catalogRepo]
  if (repos.length === 0) return 'unchanged'
  const changed = await Promise.all(repos.map((repo) => outputChanged(repo)))
  if (!changed.includes(true)) return 'unchanged'

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-regenerate-'))
  try {
    const diffs: Diff[] = []
    for (const {outcome, repo} of written) {
      diffs.push(await changesSinceHead(repo, outcome.source.out, scratch, options))
    }

    const failed: FailedSource[] = sources
      .filter((outcome): outcome is SourceFailed => !isDone(outcome))
      .map((outcome) => ({out: outcome.source.shown, reason: reasonOf(outcome.error)}))
    const message = commitMessage(
      mergeDiffs(diffs),
      written.map(({outcome}) => ({
        out: outcome.source.shown,
        ref: outcome.docs.ref,
        commit: outcome.docs.commit
      })),
      {failed}
    )
    const sha = await commitOutputs(repos, message, path.join(scratch, 'message.md'))
    return {sha, top: repos[0]!.top, message}
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true})
  }
}
