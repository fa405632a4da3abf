/* Generated from schemas/entry-history.schema.json by `npm run types`. Do not edit. */

/**
 * The file `entry-history.json`: the schema it follows, and its records. Every entry that ever appeared in the pages' git history (`herald history`), with the commit it first appeared in, its last change and each version: what changed, field by field. One record per entry (locale + flavour + key); a renamed entry keeps its record under its new key. Ordered by locale, flavour and key (code point order).
 */
export interface EntryHistoryFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/entry-history.schema.json'
  records: EntryTimeline[]
}
/**
 * This interface was referenced by `EntryHistoryFile`'s JSON-Schema
 * via the `definition` "entryTimeline".
 */
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
 *
 * This interface was referenced by `EntryHistoryFile`'s JSON-Schema
 * via the `definition` "commitPoint".
 */
export interface CommitPoint {
  commit: string
  date: string
}
/**
 * A commit that changed the entry. `added` and `removed` carry no field changes; `renamed` (a new slug under the same number) lists `/key` and `/id` with the other changes; `changed` lists what changed. Fields that only follow the page (`/source/line`, `/source/sourceCommit`…) make no version on their own.
 *
 * This interface was referenced by `EntryHistoryFile`'s JSON-Schema
 * via the `definition` "entryVersion".
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
 *
 * This interface was referenced by `EntryHistoryFile`'s JSON-Schema
 * via the `definition` "fieldChange".
 */
export interface HistoryFieldChange {
  /**
   * JSON Pointer into the record (`/date`, `/title/en`).
   */
  path: string
  old?: unknown
  new?: unknown
}
