import {runBuild, type Datasets as BuildDatasets} from '../engine/build.js'
import {compareCodePoints} from '../compare.js'
import type {JsonRecord} from '../datasets/definition.js'
import {diffDatasets} from '../diff/diff-datasets.js'
import {canonicalJson} from '../datasets/canonical-json.js'
import {datasetsWrittenBy} from '../datasets/registry.js'
import {validateDataset} from '../datasets/validate.js'
import type {ChangeCounts, Commit, CommitPageChange, Commits} from '../types/commits.js'
import type {Diff, FieldChange} from '../types/diff.js'
import type {EntryHistory, EntryTimeline, EntryVersion} from '../types/entry-history.js'
import type {OfferHistory, OfferTimeline, OfferVersion} from '../types/offer-history.js'
import type {Offer} from '../types/offers.js'
import {listCommits, walkCommits, type WalkOptions} from '../git/walk-commits.js'

/**
 * `herald history`: every commit that touched the pages, oldest first, built like
 * `herald build` builds a folder, and diffed against the commit before it. The changes
 * fold into timelines — per entry and per offer ID: the commit it first appeared in, its
 * last change, and each version with the fields it changed — and a record per commit.
 *
 * Builds are incremental: pages go through the content-hash cache of `herald build`,
 * so each distinct page version is parsed once over the whole history, and not at all
 * when the cache already holds it.
 */

export interface HistoryOptions extends WalkOptions {
  /** The page cache of `herald build` (content hash → page result). */
  cacheFolder: string
  /** Called after each commit is built. */
  onProgress?: (done: number, total: number, commit: {sha: string; date: string}) => void
}

export interface HistoryStats {
  commits: number
  /** Page versions the commits brought: pages added, modified or renamed. */
  pageVersions: number
  /** Distinct page versions (name and blob); a page reverted to old bytes is no new one. */
  distinct: number
  /** Pages parsed over all commits; the others came from the cache. */
  parsed: number
}

export interface HistoryDatasets {
  entryHistory: EntryHistory
  offerHistory: OfferHistory
  commits: Commits
}

export interface HistoryResult {
  datasets: HistoryDatasets
  stats: HistoryStats
  /** Set when a dataset (of a commit's build, or of the history) fails its schema. */
  invalid?: string
}

interface Point {
  commit: string
  date: string
}

/** The top-level fields of a change list (`/sections/details/text` → `/sections`). */
function topFields(changes: readonly FieldChange[]): string[] {
  const fields = new Set(changes.map((change) => `/${change.path.split('/')[1] ?? ''}`))
  return [...fields].sort(compareCodePoints)
}

function byPath(a: FieldChange, b: FieldChange): number {
  return compareCodePoints(a.path, b.path)
}

function identity(...parts: string[]): string {
  return JSON.stringify(parts)
}

// ---------------------------------------------------------------------------------------
// Entries

type MutableEntryTimeline = Omit<EntryTimeline, 'versions'> & {versions: EntryVersion[]}

/** Entry timelines, folded from one diff after the other. */
class EntryTimelines {
  /** Every timeline, in the order they appeared. */
  private readonly all: MutableEntryTimeline[] = []
  /** Timelines by their current locale, flavour and key (removed ones too, until reused). */
  private readonly byKey = new Map<string, MutableEntryTimeline>()

  private find(locale: string, flavour: string, key: string): MutableEntryTimeline {
    const timeline = this.byKey.get(identity(locale, flavour, key))
    if (!timeline) throw new Error(`History: no timeline for entry ${locale} ${flavour} ${key}`)
    return timeline
  }

  private record(timeline: MutableEntryTimeline, version: EntryVersion): void {
    timeline.versions.push(version)
    timeline.lastChanged = {commit: version.commit, date: version.date}
  }

  /** Removed, renamed, added, then changed: a key a rename frees may be reused at once. */
  fold(diff: Diff['entries'], at: Point): void {
    for (const item of diff.removed) {
      const timeline = this.find(item.locale, item.flavour, item.key)
      timeline.removed = at
      this.record(timeline, {...at, change: 'removed', fields: [], changes: []})
    }

    for (const rename of diff.renamed) {
      const timeline = this.find(rename.locale, rename.flavour, rename.from.key)
      this.byKey.delete(identity(rename.locale, rename.flavour, rename.from.key))
      // A removed entry's key taken by this one: the old timeline stays in the list.
      this.byKey.set(identity(rename.locale, rename.flavour, rename.to.key), timeline)
      timeline.key = rename.to.key
      timeline.id = rename.to.id
      timeline.month = rename.month
      timeline.renamedFrom.push(rename.from.key)
      const changes = [
        {path: '/id', old: rename.from.id, new: rename.to.id},
        {path: '/key', old: rename.from.key, new: rename.to.key},
        ...rename.changes
      ].sort(byPath)
      this.record(timeline, {...at, change: 'renamed', fields: topFields(changes), changes})
    }

    for (const item of diff.added) {
      const key = identity(item.locale, item.flavour, item.key)
      const version: EntryVersion = {...at, change: 'added', fields: [], changes: []}
      const known = this.byKey.get(key)
      if (known && known.removed) {
        // Back after a removal: the same timeline goes on.
        known.removed = null
        known.id = item.id
        this.record(known, version)
        continue
      }

      const timeline: MutableEntryTimeline = {
        key: item.key,
        id: item.id,
        locale: item.locale,
        flavour: item.flavour,
        month: item.month,
        firstSeen: at,
        lastChanged: at,
        removed: null,
        renamedFrom: [],
        versions: [version]
      }
      this.all.push(timeline)
      this.byKey.set(key, timeline)
    }

    for (const item of diff.changed) {
      const timeline = this.find(item.locale, item.flavour, item.key)
      const changes = [...item.changes]
      this.record(timeline, {...at, change: 'changed', fields: topFields(changes), changes})
    }
  }

  /** Ordered by locale, flavour and key; a key used twice over time, by first appearance. */
  dataset(): EntryHistory {
    const order = new Map(this.all.map((timeline, index) => [timeline, index]))
    return [...this.all]
      .sort(
        (a, b) =>
          compareCodePoints(a.locale, b.locale) ||
          compareCodePoints(a.flavour, b.flavour) ||
          compareCodePoints(a.key, b.key) ||
          order.get(a)! - order.get(b)!
      )
      .map((timeline) => timeline as EntryTimeline)
  }
}

// ---------------------------------------------------------------------------------------
// Offers

interface OfferState {
  timeline: Omit<OfferTimeline, 'versions' | 'entries'> & {versions: OfferVersion[]}
  entries: Set<string>
  present: boolean
}

const changeOrder = {removed: 0, added: 1, changed: 2}

/** Offer-ID timelines: versions from the diffs, presence and entries from the datasets. */
class OfferTimelines {
  private readonly byId = new Map<string, OfferState>()

  fold(diff: Diff['offers'], at: Point): void {
    const items = [
      ...diff.removed.map((item) => ({item, change: 'removed' as const, changes: []})),
      ...diff.added.map((item) => ({item, change: 'added' as const, changes: []})),
      ...diff.changed.map((item) => ({item, change: 'changed' as const, changes: item.changes}))
    ].sort(
      (a, b) =>
        compareCodePoints(a.item.entryKey, b.item.entryKey) ||
        compareCodePoints(a.item.role ?? '', b.item.role ?? '') ||
        changeOrder[a.change] - changeOrder[b.change]
    )

    for (const {item, change, changes} of items) {
      const id = identity(item.locale, item.flavour, item.offerId)
      let state = this.byId.get(id)
      if (!state) {
        if (change !== 'added') throw new Error(`History: no timeline for offer ${item.offerId}`)
        state = {
          timeline: {
            offerId: item.offerId,
            locale: item.locale,
            flavour: item.flavour,
            name: null,
            materialId: null,
            firstSeen: at,
            lastChanged: at,
            removed: null,
            versions: []
          },
          entries: new Set(),
          present: false
        }
        this.byId.set(id, state)
      }

      const list: FieldChange[] = [...changes]
      state.timeline.versions.push({
        ...at,
        change,
        entryKey: item.entryKey,
        role: item.role ?? '',
        fields: topFields(list),
        changes: list
      })
      state.timeline.lastChanged = at
    }
  }

  /**
   * Reads the offers as this commit has them: the entries each offer ID appears under,
   * its current name and Material ID, and whether any page still has it.
   */
  observe(offers: readonly Offer[], at: Point): void {
    const seen = new Set<OfferState>()
    for (const offer of offers) {
      const state = this.byId.get(identity(offer.locale, offer.flavour, offer.offerId))
      if (!state) continue
      state.entries.add(offer.entryKey)
      if (seen.has(state)) continue
      seen.add(state)
      state.timeline.name = offer.name
      state.timeline.materialId = offer.materialId
    }

    for (const state of this.byId.values()) {
      const present = seen.has(state)
      if (state.present && !present) state.timeline.removed = at
      if (present) state.timeline.removed = null
      state.present = present
    }
  }

  dataset(): OfferHistory {
    return [...this.byId.values()]
      .map(({timeline, entries}): OfferTimeline => ({
        ...timeline,
        entries: [...entries].sort(compareCodePoints) as OfferTimeline['entries'],
        versions: timeline.versions as OfferTimeline['versions']
      }))
      .sort(
        (a, b) =>
          compareCodePoints(a.locale, b.locale) ||
          compareCodePoints(a.flavour, b.flavour) ||
          compareCodePoints(a.offerId, b.offerId)
      )
  }
}

// ---------------------------------------------------------------------------------------

type Compared = Parameters<typeof diffDatasets>[0]
type Built = Pick<BuildDatasets, 'entries' | 'offers'>

/**
 * What the diff compares: the entries and offers of the pages a commit touched (tables
 * and country rules are not followed). A page's records depend on its bytes alone, so
 * the pages the commit did not touch hold the same records on both sides.
 */
function compared(label: string, datasets: Built, touched: ReadonlySet<string>): Compared {
  const inTouched = (record: {source: {file: string}}) => touched.has(record.source.file)
  return {
    label,
    entries: datasets.entries.filter(inTouched) as unknown as JsonRecord[],
    offers: datasets.offers.filter(inTouched) as unknown as JsonRecord[],
    countryRules: [],
    tables: []
  }
}

function counts(diff: Diff['entries'] | Diff['offers'], renamed: boolean): ChangeCounts {
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    ...(renamed ? {renamed: diff.renamed.length} : {})
  }
}

export async function buildHistory(options: HistoryOptions): Promise<HistoryResult> {
  const list = await listCommits(options)
  const entries = new EntryTimelines()
  const offers = new OfferTimelines()
  const commits: Commit[] = []
  const distinct = new Set<string>()
  const stats: HistoryStats = {commits: list.length, pageVersions: 0, distinct: 0, parsed: 0}
  // The datasets of the commit before; before the first, none.
  let previous: {sha: string; datasets: Built} = {sha: 'empty', datasets: {entries: [], offers: []}}
  let invalid: string | undefined

  for await (const state of walkCommits(options, list)) {
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
    // The count the cache gave this run goes to the stats only, so that the datasets are
    // the same bytes whatever the cache holds.
    for (const version of state.versions) {
      const key = `${version.name}\0${version.blob}`
      if (!distinct.has(key)) record.parsed++
      distinct.add(key)
    }

    // A commit that touched the folder but no page (an image, say) changes nothing.
    if (state.changes.length > 0) {
      const result = await runBuild({
        inputs: [],
        pages: state.pages,
        out: '/nonexistent/herald-history',
        dryRun: true,
        threads: 1,
        cacheFolder: options.cacheFolder
      })
      stats.parsed += result.stats.parsed
      if (result.invalid || !result.datasets) {
        invalid ??= `commit ${sha}: ${result.invalid ?? 'no datasets'}`
        break
      }

      const touched = new Set(state.changes.flatMap((change) => [change.name, change.from ?? '']))
      const diff = diffDatasets(
        compared(previous.sha, previous.datasets, touched),
        compared(sha, result.datasets, touched)
      )
      entries.fold(diff.entries, at)
      offers.fold(diff.offers, at)
      offers.observe(result.datasets.offers, at)
      record.entries = counts(diff.entries, true)
      record.offers = counts(diff.offers, false)
      previous = {sha, datasets: result.datasets}
    }

    options.onProgress?.(commits.length, list.length, state.commit)
  }

  stats.distinct = distinct.size
  const datasets: HistoryDatasets = {
    entryHistory: entries.dataset(),
    offerHistory: offers.dataset(),
    commits
  }
  for (const {name} of datasetsWrittenBy('history')) {
    invalid ??= validateDataset(
      name as keyof HistoryDatasets,
      datasets[name as keyof HistoryDatasets]
    )
  }

  return {datasets, stats, ...(invalid === undefined ? {} : {invalid})}
}

/** The files of a history, canonical JSON, by file name. */
export function historyFileContents(datasets: HistoryDatasets): Record<string, string> {
  return Object.fromEntries(
    datasetsWrittenBy('history').map(({name, file}) => [
      file,
      canonicalJson(datasets[name as keyof HistoryDatasets])
    ])
  )
}
