/* Generated from schemas/entry-history.schema.json by `npm run types`. Do not edit. */

/**
 * Every entry that ever appeared in the pages' git history (`herald history`), with the commit it first appeared in, its last change and each version: what changed, field by field. One record per entry (locale + flavour + key); a renamed entry keeps its record under its new key. Ordered by locale, flavour and key (code point order).
 */
export type EntryHistory = EntryTimeline[]

export interface EntryTimeline {
  /**
   * The entry's key (`month/id`) in its last version.
   */
  key: string
  /**
   * The English slug anchor in its last version.
   */
  id: string
  locale: string
  flavour: string
  month: string
  firstSeen: CommitPoint
  lastChanged: CommitPoint
  /**
   * The commit that removed the entry, or null while it is in the pages.
   */
  removed: CommitPoint | null
  /**
   * The keys the entry had before, oldest first.
   */
  renamedFrom: string[]
  /**
   * Oldest first; the first is `added`.
   *
   * @minItems 1
   */
  versions: [EntryVersion, ...EntryVersion[]]
}
/**
 * A commit and its date (committer date, ISO 8601, as git gives it).
 */
export interface CommitPoint {
  commit: string
  date: string
}
/**
 * A commit that changed the entry. `added` and `removed` carry no field changes; `renamed` (a new slug under the same number) lists `/key` and `/id` with the other changes; `changed` lists what changed. Fields that only follow the page (`/source/line`, `/source/sourceCommit`…) make no version on their own.
 */
export interface EntryVersion {
  commit: string
  date: string
  change: 'added' | 'changed' | 'renamed' | 'removed'
  /**
   * The top-level fields changed (`/date`, `/sections`), ordered.
   */
  fields: string[]
  changes: HistoryFieldChange[]
}
/**
 * One changed field of a record, as in `herald diff`: `old` is absent where the field is new, `new` where it was dropped; objects are compared field by field, arrays as whole values.
 */
export interface HistoryFieldChange {
  /**
   * JSON Pointer into the record (`/date`, `/title/en`).
   */
  path: string
  old?: unknown
  new?: unknown
}
