/* Generated from schemas/diff.schema.json by `npm run types`. Do not edit. */

/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "locale".
 */
export type Locale = string
/**
 * `sxs` or `plain`; empty where the record has no flavour.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "flavour".
 */
export type Flavour = string
/**
 * The match key after locale and flavour, readable; a key repeated in one dataset gets `~2`, `~3`… (repeats are matched in their order).
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "displayKey".
 */
export type DisplayKey = string
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "month".
 */
export type Month = string
/**
 * At least one, ordered by path. Incidental fields (`/source/line`, `/source/column`, an entry's `/source/sourceCommit`, an offer's `/table` and `/row`, a table's row lines) change a record only beside some other change.
 *
 * @minItems 1
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "changes".
 */
export type FieldChanges = [FieldChange, ...FieldChange[]]
/**
 * The `key` of the entry the record belongs to.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entryKey".
 */
export type EntryKey = string
/**
 * Renames apply to entries only; records of the other datasets follow their entry's rename.
 *
 * @maxItems 0
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "noRenames".
 */
export type NoRenames = []

/**
 * What changed between two dataset folders (`herald diff OLD NEW --json`). Records are matched by their key, never by position; every list is ordered by locale, flavour and key (code point order). An English diff (`english: true`) compares the records' English views: what follows the translation does not count.
 */
export interface Diff {
  /**
   * The schema this document follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/diff.schema.json'
  /**
   * Present in an English diff (`herald diff --english`): only changes of English values and language-independent facts count. The `text` of a `{text, en}` value that has its `en`, a link's text, an entry's `/source/sourceCommit` and `/source/translationType` are left out of every record compared, so `changed` lists only the records whose English or facts changed, and their `changes` (and a rename's) are those of the English views (array values without the translated `text`). A `text` without its `en` (plain pages) is all there is of it and counts: there a new translation cannot be told from a new English. Records are added, removed and renamed as in a full diff.
   */
  english?: true
  entries: EntriesDiff
  offers: OffersDiff
  countryRules: CountryRulesDiff
  tables: TablesDiff
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entriesDiff".
 */
export interface EntriesDiff {
  added: EntryItem[]
  removed: EntryItem[]
  changed: EntryChange[]
  renamed: EntryRename[]
}
/**
 * An added or removed entry.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entryItem".
 */
export interface EntryItem {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  id: string
  record: DatasetRecord
}
/**
 * The whole record as the dataset holds it.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "record".
 */
export interface DatasetRecord {
  [k: string]: unknown
}
/**
 * A changed entry. An `/anchors` change that only follows a new `/number` is left out: the anchors are the slug and the number.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entryChange".
 */
export interface EntryChange {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  id: string
  changes: FieldChanges
}
/**
 * One changed field of a record. `old` is absent where the field is new, `new` where it was dropped; objects are compared field by field, arrays as whole values.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "fieldChange".
 */
export interface FieldChange {
  /**
   * JSON Pointer (RFC 6901) into the record, e.g. `/date`, `/title/en`, `/sections/details/text`.
   */
  path: string
  old?: unknown
  new?: unknown
  /**
   * Set where only what follows the translation changed at this path: the `text` of a `{text, en}` value that has its `en`, a link's text, the source commit or translation type. Absent in an English diff, which leaves these changes out.
   */
  translation?: true
}
/**
 * A removed and an added entry of the same locale, flavour, month and number with a close title or slug. `changes` leaves out `/key` and `/id`, which `from` and `to` say, and an `/anchors` change that only follows them; it is empty where nothing else changed.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entryRename".
 */
export interface EntryRename {
  locale: Locale
  flavour: Flavour
  month: Month
  number: number
  from: EntryName
  to: EntryName
  changes: FieldChange[]
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "entryName".
 */
export interface EntryName {
  key: string
  id: string
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "offersDiff".
 */
export interface OffersDiff {
  added: OfferItem[]
  removed: OfferItem[]
  changed: OfferChange[]
  renamed: NoRenames
}
/**
 * An added or removed offer.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "offerItem".
 */
export interface OfferItem {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  /**
   * The offer ID; null for a record that gives only a Material ID.
   */
  offerId: string | null
  /**
   * The Material ID of a record without an offer ID: its key in its entry.
   */
  materialId?: string
  role?: string
  record: DatasetRecord
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "offerChange".
 */
export interface OfferChange {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  /**
   * The offer ID; null for a record that gives only a Material ID.
   */
  offerId: string | null
  /**
   * The Material ID of a record without an offer ID: its key in its entry.
   */
  materialId?: string
  role?: string
  changes: FieldChanges
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "countryRulesDiff".
 */
export interface CountryRulesDiff {
  added: CountryRuleItem[]
  removed: CountryRuleItem[]
  changed: CountryRuleChange[]
  renamed: NoRenames
}
/**
 * An added or removed country rule.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "countryRuleItem".
 */
export interface CountryRuleItem {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  /**
   * ISO 3166-1 alpha-2; null for a region.
   */
  country: string | null
  region?: string | null
  kind: string
  record: DatasetRecord
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "countryRuleChange".
 */
export interface CountryRuleChange {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  /**
   * ISO 3166-1 alpha-2; null for a region.
   */
  country: string | null
  region?: string | null
  kind: string
  changes: FieldChanges
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "tablesDiff".
 */
export interface TablesDiff {
  added: TableItem[]
  removed: TableItem[]
  changed: TableChange[]
  renamed: NoRenames
}
/**
 * An added or removed table.
 *
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "tableItem".
 */
export interface TableItem {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  ordinal: number
  record: DatasetRecord
}
/**
 * This interface was referenced by `Diff`'s JSON-Schema
 * via the `definition` "tableChange".
 */
export interface TableChange {
  locale: Locale
  flavour: Flavour
  key: DisplayKey
  month: Month
  entryKey: EntryKey
  ordinal: number
  changes: FieldChanges
}
