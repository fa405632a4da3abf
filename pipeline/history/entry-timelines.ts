import type {Diff} from '../types/diff.js'
import type {EntryTimeline, EntryVersion} from '../types/entry-history.js'
import {compareCodePoints} from '../compare.js'
import {byPath, historyChanges, identity, topFields, type Point} from './timeline-fields.js'

type MutableEntryTimeline = Omit<EntryTimeline, 'versions'> & {versions: EntryVersion[]}

/** Entry timelines, folded from one diff after the other. */
export class EntryTimelines {
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
        ...historyChanges(rename.changes)
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
      const changes = historyChanges(item.changes)
      this.record(timeline, {...at, change: 'changed', fields: topFields(changes), changes})
    }
  }

  /** Ordered by locale, flavour and key; a key used twice over time, by first appearance. */
  dataset(): EntryTimeline[] {
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
