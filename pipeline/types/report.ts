/* Generated from schemas/report.schema.json by `npm run types`. Do not edit. */

/**
 * What a build read, what it extracted, and every diagnostic, so that nothing is lost silently.
 */
export interface Report {
  /**
   * The schema this document follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/report.schema.json'
  /**
   * Marks a folder as written by Herald.
   */
  generator: 'herald'
  totals: Ledger
  files: FileReport[]
  messages: Message[]
  /**
   * Per locale of the build: how many announcements of the catalog it has, misses, and has only from an older English source commit.
   */
  coverage: Coverage[]
}
/**
 * H2 headings = entries + sections merged into the entry before them + headings reported; tables = extracted + reported (outside any entry); rows likewise; rows of offers tables = rows with a valid offer ID + rows reported.
 *
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "ledger".
 */
export interface Ledger {
  files: number
  headings: number
  entries: number
  merged: number
  reported: number
  /**
   * Count of messages by rule id.
   */
  diagnostics: {
    [k: string]: number
  }
  tables: number
  tablesExtracted: number
  tablesReported: number
  rows: number
  rowsExtracted: number
  rowsReported: number
  offerRows: number
  offerRowsExtracted: number
  offerRowsReported: number
  /**
   * GUID-shaped strings in the entries (English where the page has it): each is in an offer record, a link parameter, or reported.
   */
  guids: number
  /**
   * GUID-shaped strings that are offer IDs of offer records (a repeated mention counts here too).
   */
  guidOffers: number
  /**
   * GUIDs inside a URL (`?topicid=…`, `/dashboard/…/<guid>`): link parameters, kept in `links`, never offers.
   */
  guidLinks: number
  /**
   * GUID-shaped strings reported as malformed (translation damage): never emitted.
   */
  guidsReported: number
  offers: number
  countryRules: number
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "file".
 */
export interface FileReport {
  file: string
  /**
   * `processed`, `skipped` (not a month page) or `failed` (reported, nothing extracted).
   */
  status: 'processed' | 'skipped' | 'failed'
  locale: string | null
  month: string | null
  flavour: 'sxs' | 'plain' | null
  headings: number
  entries: number
  merged: number
  reported: number
  diagnostics: {
    [k: string]: number
  }
  tables: number
  tablesExtracted: number
  tablesReported: number
  rows: number
  rowsExtracted: number
  rowsReported: number
  offerRows: number
  offerRowsExtracted: number
  offerRowsReported: number
  /**
   * GUID-shaped strings in the entries (English where the page has it): each is in an offer record, a link parameter, or reported.
   */
  guids: number
  /**
   * GUID-shaped strings that are offer IDs of offer records (a repeated mention counts here too).
   */
  guidOffers: number
  /**
   * GUIDs inside a URL (`?topicid=…`, `/dashboard/…/<guid>`): link parameters, kept in `links`, never offers.
   */
  guidLinks: number
  /**
   * GUID-shaped strings reported as malformed (translation damage): never emitted.
   */
  guidsReported: number
  offers: number
  countryRules: number
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "message".
 */
export interface Message {
  file: string
  line: number | null
  column: number | null
  ruleId: string
  severity: 'info' | 'warning' | 'error'
  reason: string
  expected?: string[]
  actual?: string
}
/**
 * This interface was referenced by `Report`'s JSON-Schema
 * via the `definition` "coverage".
 */
export interface Coverage {
  locale: string
  /**
   * Announcements in the catalog.
   */
  announcements: number
  present: number
  missing: number
  stale: number
}
