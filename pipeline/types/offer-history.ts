/* Generated from schemas/offer-history.schema.json by `npm run types`. Do not edit. */

/**
 * The file `offer-history.json`: the schema it follows, and its records. Every offer ID that ever appeared in the pages' git history (`herald history`): the entries it appeared in, the commit it first appeared in, its last change and each version, field by field. One record per offer ID (locale + flavour + offerId), ordered by locale, flavour and offer ID.
 */
export interface OfferHistoryFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/offer-history.schema.json'
  records: OfferTimeline[]
}
/**
 * This interface was referenced by `OfferHistoryFile`'s JSON-Schema
 * via the `definition` "offerTimeline".
 */
export interface OfferTimeline {
  offerId: string
  locale: string
  flavour: string
  /**
   * The offer's name in the last commit that had it (the first record, in dataset order).
   */
  name: OfferHistoryText | null
  /**
   * Likewise, its Material ID.
   */
  materialId: string | null
  /**
   * Every entry key it appeared under, ordered.
   *
   * @minItems 1
   */
  entries: [string, ...string[]]
  firstSeen: OfferCommitPoint
  lastChanged: OfferCommitPoint
  /**
   * The commit after which no page had the offer ID, or null while one has.
   */
  removed: OfferCommitPoint | null
  /**
   * Oldest first, then by entry key and role.
   *
   * @minItems 1
   */
  versions: [OfferVersion, ...OfferVersion[]]
}
/**
 * This interface was referenced by `OfferHistoryFile`'s JSON-Schema
 * via the `definition` "text".
 */
export interface OfferHistoryText {
  text: string
  en?: string
}
/**
 * A commit and its date (committer date, ISO 8601, as git gives it).
 *
 * This interface was referenced by `OfferHistoryFile`'s JSON-Schema
 * via the `definition` "commitPoint".
 */
export interface OfferCommitPoint {
  commit: string
  date: string
}
/**
 * A commit that added, changed or removed a record of the offer ID: one per entry and role. A record that only follows its entry's rename, or whose table or row moved, makes no version.
 *
 * This interface was referenced by `OfferHistoryFile`'s JSON-Schema
 * via the `definition` "offerVersion".
 */
export interface OfferVersion {
  commit: string
  date: string
  change: 'added' | 'changed' | 'removed'
  /**
   * The entry of the record at that commit.
   */
  entryKey: string
  role: string
  /**
   * The top-level fields changed (`/name`, `/materialId`), ordered.
   */
  fields: string[]
  changes: OfferFieldChange[]
}
/**
 * One changed field of an offer record, as in `herald diff`.
 *
 * This interface was referenced by `OfferHistoryFile`'s JSON-Schema
 * via the `definition` "fieldChange".
 */
export interface OfferFieldChange {
  /**
   * JSON Pointer into the record (`/name/en`, `/materialId`).
   */
  path: string
  old?: unknown
  new?: unknown
}
