import {assembleRecords} from '../engine/assemble-datasets.js'
import {canonicalJson} from '../datasets/canonical-json.js'
import type {JsonRecord} from '../datasets/definition.js'
import {datasetsWrittenBy, fileContent} from '../datasets/registry.js'
import {validateDataset, type SchemaName} from '../datasets/validate.js'
import type {DatasetRecords} from '../datasets/diffed.js'
import {diffDatasets} from '../diff/diff-datasets.js'
import type {Page, PageEngine} from '../engine/engine.js'
import {pairTwins} from '../engine/pair-twins.js'
import type {PageResult} from '../engine/process-page.js'
import {listCommits, walkCommits, type CommitState, type WalkOptions} from '../git/walk-commits.js'
import type {ChangeCounts, Commit, CommitPageChange} from '../types/commits.js'
import type {Diff} from '../types/diff.js'
import type {EntryTimeline} from '../types/entry-history.js'
import type {OfferTimeline} from '../types/offer-history.js'
import {EntryTimelines} from './entry-timelines.js'
import {OfferTimelines} from './offer-timelines.js'

/**
 * `herald history`: every commit that touched the pages, oldest first, diffed against the
 * commit before it, the changes folded into timelines — per entry and per offer ID: the
 * commit it first appeared in, its last change, and each version with the fields it
 * changed — and a record per commit.
 *
 * The pages are read from git objects (`git/walk-commits.ts`), and only the page versions
 * a commit brings go to the engine: the results of the other pages of the tree stay in
 * memory. The engine gets the versions of a window of commits at once, the versions of
 * one page on one worker in order, so that unchanged parts of a page are not parsed again
 * (and nothing at all is parsed for a version the cache holds).
 */

/** Where the history is read, and with what. */
export interface HistoryOptions extends WalkOptions {
  /** The engine that processes the page versions (its cache, its workers). */
  engine: PageEngine
  /**
   * Only changes of the English and of language-independent facts make versions (see
   * `diffDatasets`): a commit that changed only the translation of an entry is no version
   * of it.
   */
  english?: boolean
  /**
   * Page versions that lend their English to the plain pages (the sxs pages of the twin
   * branch, newest first): each plain page version takes the one of its month and source
   * commit.
   */
  twinPages?: readonly Page[]
  /** Called after each commit is folded. */
  onProgress?: (done: number, total: number, commit: {sha: string; date: string}) => void
}

/** What the walk did. */
export interface HistoryStats {
  commits: number
  /** Page versions the commits brought: pages added, modified or renamed. */
  pageVersions: number
  /** Distinct page versions (name and blob); a page reverted to old bytes is no new one. */
  distinct: number
  /** Page versions parsed; the others came from the cache. */
  parsed: number
}

/** The datasets of a history, in memory. */
export interface HistoryDatasets {
  entryHistory: EntryTimeline[]
  offerHistory: OfferTimeline[]
  commits: Commit[]
}

/** A history and how it was made. */
export interface HistoryResult {
  datasets: HistoryDatasets
  stats: HistoryStats
  /** Set when a dataset fails its schema. */
  invalid?: string
}

/** How many page versions go to the engine at once: enough for every worker, few in memory. */
const window = 64

/** The records of the pages `names` in a tree of page results, for the diff. */
function recordsOf(label: string, tree: ReadonlyMap<string, PageResult>, names: Set<string>) {
  const results = [...names].flatMap((name) => tree.get(name) ?? [])
  const records = (pick: (result: PageResult) => readonly object[]) =>
    results.flatMap(pick) as unknown as JsonRecord[]
  const compared: DatasetRecords = {
    label,
    entries: records((result) => result.entries),
    offers: records((result) => result.offers),
    // Tables and country rules are not followed by the history.
    countryRules: [],
    tables: []
  }
  return compared
}

function counts(diff: Diff['entries'] | Diff['offers'], renamed: boolean): ChangeCounts {
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    ...(renamed ? {renamed: diff.renamed.length} : {})
  }
}

/** A version's key: the page's name and blob. */
function versionKey(name: string, blob: string): string {
  return `${name}\0${blob}`
}

/** Walks the history and folds it into timelines. */
export async function buildHistory(options: HistoryOptions): Promise<HistoryResult> {
  const list = await listCommits(options)
  const entries = new EntryTimelines()
  const offers = new OfferTimelines()
  const commits: Commit[] = []
  const seen = new Set<string>()
  const stats: HistoryStats = {commits: list.length, pageVersions: 0, distinct: 0, parsed: 0}
  const parsedBefore = options.engine.stats.parsed
  /** The result of every page of the tree, as the last commit folded left it. */
  const tree = new Map<string, PageResult>()
  let pending: CommitState[] = []
  let versions = 0

  /** Sends the page versions of a window of commits to the engine. */
  const processWindow = async (states: CommitState[]): Promise<Map<string, PageResult>> => {
    // The versions these commits bring, each once, in commit order.
    const wanted = new Map<string, {name: string; bytes: Uint8Array}>()
    for (const state of states) {
      const bytesOf = new Map(state.pages.map((page) => [page.name, page.bytes]))
      for (const version of state.versions) {
        const key = versionKey(version.name, version.blob)
        if (!wanted.has(key))
          wanted.set(key, {name: version.name, bytes: bytesOf.get(version.name)!})
      }
    }

    const keys = [...wanted.keys()]
    const pages = options.twinPages
      ? pairTwins([...wanted.values()], options.twinPages)
      : [...wanted.values()]
    const processed = await options.engine.process(pages, {lanes: true})
    return new Map(keys.map((key, index) => [key, processed[index]!]))
  }

  /** Folds a window of commits, whose page versions the engine processed, into the timelines. */
  const foldWindow = (states: CommitState[], results: ReadonlyMap<string, PageResult>) => {
    for (const state of states) {
      const {sha, date, subject} = state.commit
      const at = {commit: sha, date}
      const record: Commit = {
        sha,
        date,
        subject,
        pages: state.changes.map((change): CommitPageChange => ({
          change: change.change,
          name: change.name,
          ...(change.from === undefined ? {} : {from: change.from})
        })),
        parsed: 0,
        entries: {added: 0, changed: 0, removed: 0, renamed: 0},
        offers: {added: 0, changed: 0, removed: 0}
      }
      commits.push(record)
      stats.pageVersions += state.versions.length
      // What a cold cache parses for this commit: the page versions no commit before had.
      // The count this run's cache gave goes to the stats only, so that the datasets are
      // the same bytes whatever the cache holds.
      for (const version of state.versions) {
        const key = versionKey(version.name, version.blob)
        if (!seen.has(key)) record.parsed++
        seen.add(key)
      }

      // A commit that touched the folder but no page (an image, say) changes nothing.
      if (state.changes.length > 0) {
        const touched = new Set(state.changes.flatMap((change) => [change.name, change.from ?? '']))
        const before = recordsOf('before', tree, touched)
        for (const change of state.changes) {
          if (change.from !== undefined) tree.delete(change.from)
          if (change.change === 'deleted') tree.delete(change.name)
        }

        for (const version of state.versions) {
          tree.set(version.name, results.get(versionKey(version.name, version.blob))!)
        }

        const diff = diffDatasets(before, recordsOf(sha, tree, touched), {
          english: options.english
        })
        entries.fold(diff.entries, at)
        offers.fold(diff.offers, at)
        // Every offer of the tree, in the order of the datasets of a build of it.
        offers.observe(assembleRecords([...tree.values()]).offers, at)
        record.entries = counts(diff.entries, true)
        record.offers = counts(diff.offers, false)
      }

      options.onProgress?.(commits.length, list.length, state.commit)
    }
  }

  // The workers process one window while this thread folds the one before and reads the
  // next from git; the engine runs one window at a time.
  let inFlight: {states: CommitState[]; results: Promise<Map<string, PageResult>>} | undefined
  const launch = async (states: CommitState[]) => {
    const before = inFlight
    const done = before ? await before.results : undefined
    const results = processWindow(states)
    // Awaited once the walk has read the next window; a failure is seen then.
    results.catch(() => {})
    inFlight = {states, results}
    if (before) foldWindow(before.states, done!)
  }

  for await (const state of walkCommits(options, list)) {
    pending.push(state)
    versions += state.versions.length
    if (versions >= window) {
      await launch(pending)
      pending = []
      versions = 0
    }
  }

  await launch(pending)
  foldWindow(inFlight!.states, await inFlight!.results)
  stats.distinct = seen.size
  stats.parsed = options.engine.stats.parsed - parsedBefore
  const datasets: HistoryDatasets = {
    entryHistory: entries.dataset(),
    offerHistory: offers.dataset(),
    commits
  }
  let invalid: string | undefined
  for (const definition of datasetsWrittenBy('history')) {
    invalid ??= validateDataset(
      definition.name as SchemaName,
      fileContent(definition, datasets[definition.name as keyof HistoryDatasets])
    )
  }

  return {datasets, stats, ...(invalid === undefined ? {} : {invalid})}
}

/** The files of a history, canonical JSON, by file name. */
export function historyFileContents(datasets: HistoryDatasets): Record<string, string> {
  return Object.fromEntries(
    datasetsWrittenBy('history').map((definition) => [
      definition.file,
      canonicalJson(fileContent(definition, datasets[definition.name as keyof HistoryDatasets]))
    ])
  )
}
