import path from 'node:path'
import {folderMarker, markerFile} from '../datasets/folder-owner.js'
import {datasetsWrittenBy} from '../datasets/registry.js'
import {prepareFolder, writeFolder} from '../datasets/write-folder.js'
import {RunManifest} from '../datasets/run-manifest.js'
import {codeFingerprint} from '../engine/code-fingerprint.js'
import type {Page} from '../engine/engine.js'
import {findTwinRef, openDocs, resolveDocs, type ResolvedDocs} from '../git/docs-source.js'
import type {HistoryOptions, HistoryStats} from '../history/build-history.js'

/**
 * `herald history`, as a function: open the docs source, walk the commits of a ref
 * through the page engine, fold them into timelines, validate, and write the output
 * folder with its `herald.json`. A failed run leaves the folder as it was.
 */

/** Which history to walk, and where to write it. */
export interface HistoryCommandOptions {
  /** A docs checkout, bare repository, git bundle or git URL. */
  docs: string
  /** The branch, tag or commit whose history is walked; default: HEAD, or the only branch. */
  ref?: string
  /** The output folder. */
  out: string
  /** Stop before the first commit dated after this time (milliseconds since 1970). */
  until?: number
  /** Cache of page results, and of cloned bundles and URLs (in its `docs/` folder). */
  cacheFolder: string
  /** Replace `out` whichever command wrote it (never a git repository). */
  force?: boolean
  /** Only versions that changed the English or language-independent facts count. */
  english?: boolean
  /**
   * Give plain pages the English of their twins from the twin branch (`live-sxs` beside
   * `live`); default true.
   */
  twins?: boolean
  /** Called once the twin branch's page versions are read. */
  onTwinRead?: (twin: {ref: string; commit: string}, versions: number) => void
  /** Called after each commit is folded. */
  onProgress?: HistoryOptions['onProgress']
}

/** What a history run did. */
export interface HistoryCommandResult {
  stats: HistoryStats
  /** Set when a dataset fails its schema: nothing was written. */
  invalid?: string
  /** Whether the output folder was written. */
  written: boolean
  /** True when the commits, the code and the output are as the last run left them. */
  unchanged: boolean
}

/**
 * Every version of the pages of the twin branch (`live-sxs` beside `live`), newest first:
 * they lend their English to the plain page versions of the same month and source commit.
 * Undefined when the ref has no sxs twin.
 */
async function readTwinVersions(
  docs: ResolvedDocs,
  twin: {ref: string; commit: string},
  options: Pick<HistoryCommandOptions, 'onTwinRead'>
): Promise<Page[]> {
  const {walkCommits} = await import('../git/walk-commits.js')
  const versions = new Map<string, Page>()
  for await (const state of walkCommits({
    repo: docs.source.repo,
    commit: twin.commit,
    folder: docs.folder
  })) {
    const bytes = new Map(state.pages.map((page) => [page.name, page.bytes]))
    for (const version of state.versions) {
      versions.set(`${version.name}\0${version.blob}`, {
        name: version.name,
        bytes: bytes.get(version.name)!
      })
    }
  }

  options.onTwinRead?.(twin, versions.size)
  return [...versions.values()].reverse()
}

/** Walks the history and writes its datasets to `out`. */
export async function history(options: HistoryCommandOptions): Promise<HistoryCommandResult> {
  const out = path.resolve(options.out)
  // A folder the run may not replace is refused before any work.
  prepareFolder(out, {writer: 'history', force: options.force})
  const source = await openDocs(options.docs, {
    cacheFolder: path.join(options.cacheFolder, 'docs')
  })
  const docs = await resolveDocs(source, options.ref)
  const found = options.twins === false ? undefined : await findTwinRef(docs)
  const twin = found?.ref.endsWith('-sxs') ? found : undefined

  // Nothing new — the same commits, twin, options and code, the output untouched — is
  // decided here, before any page is read.
  const keys = [
    codeFingerprint(),
    docs.folder,
    docs.commit,
    twin?.commit ?? '',
    String(options.until ?? ''),
    String(options.english ?? false)
  ]
  const manifest = new RunManifest<HistoryStats>(options.cacheFolder, out)
  const recorded = manifest.unchanged(keys)
  if (recorded) return {stats: recorded, written: false, unchanged: true}

  // Loaded only now: a run with nothing new needs neither the engine nor the diff.
  const [{PageEngine}, {buildHistory, historyFileContents}] = await Promise.all([
    import('../engine/engine.js'),
    import('../history/build-history.js')
  ])
  const twinPages = twin ? await readTwinVersions(docs, twin, options) : undefined
  const engine = new PageEngine({cacheFolder: options.cacheFolder})
  const result = await buildHistory({
    repo: docs.source.repo,
    commit: docs.commit,
    folder: docs.folder,
    until: options.until,
    english: options.english,
    twinPages,
    engine,
    onProgress: options.onProgress
  }).finally(() => engine.close())
  if (result.invalid) {
    return {stats: result.stats, invalid: result.invalid, written: false, unchanged: false}
  }

  const files = historyFileContents(result.datasets)
  files[markerFile] = folderMarker(
    'history',
    datasetsWrittenBy('history').map((definition) => ({
      definition,
      data: result.datasets[definition.name as keyof typeof result.datasets]
    }))
  )
  writeFolder(out, files, {writer: 'history', force: options.force})
  manifest.record(keys, result.stats, Object.keys(files))
  return {stats: result.stats, written: true, unchanged: false}
}
