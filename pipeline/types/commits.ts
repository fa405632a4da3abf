/* Generated from schemas/commits.schema.json by `npm run types`. Do not edit. */

/**
 * The file `commits.json`: the schema it follows, and its records. Every commit that touched the month pages' folder (`herald history`), oldest first (first-parent line): the pages it changed, how many pages its build parses (the others come from the cache) and what changed in the entries and offers.
 */
export interface CommitsFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/commits.schema.json'
  records: Commit[]
}
/**
 * This interface was referenced by `CommitsFile`'s JSON-Schema
 * via the `definition` "commit".
 */
export interface Commit {
  sha: string
  /**
   * Committer date, ISO 8601, as git gives it.
   */
  date: string
  subject: string
  pages: CommitPageChange[]
  /**
   * Pages the build of this commit parses, the other pages coming from the cache, when the walk starts from an empty cache: the page versions (name and bytes) that no earlier commit had. A warm cache parses fewer (`herald history` prints the run's count); this count does not depend on it, so that the same history gives the same bytes.
   */
  parsed: number
  entries: ChangeCounts
  offers: ChangeCounts
}
/**
 * This interface was referenced by `CommitsFile`'s JSON-Schema
 * via the `definition` "pageChange".
 */
export interface CommitPageChange {
  change: 'added' | 'modified' | 'deleted' | 'renamed'
  /**
   * `announcements/<file>`, whatever the repository's layout.
   */
  name: string
  /**
   * The former name, for `renamed`.
   */
  from?: string
}
/**
 * This interface was referenced by `CommitsFile`'s JSON-Schema
 * via the `definition` "counts".
 */
export interface ChangeCounts {
  added: number
  changed: number
  removed: number
  /**
   * Entries only: offers follow their entry's rename.
   */
  renamed?: number
}
