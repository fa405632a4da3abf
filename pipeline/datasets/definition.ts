import type {FieldChange} from '../types/diff.js'

/**
 * What Herald knows about one dataset, declared once in `registry.ts`: its file, its
 * schema, what identifies a record, and how the diff compares records. Build, validation,
 * writing, diff, export and history all read these definitions.
 */

/** A record as read from a dataset file: a JSON object, read through `Object.hasOwn`. */
export type JsonRecord = Record<string, unknown>

/** One part of a record's match key: compared as numbers when both are numbers. */
export type KeyPart = string | number

/** Which command writes a dataset into its output folder. */
export type Writer = 'build' | 'history'

/** Where a record came from in a page, and the locale and flavour every record carries. */
export interface Identity {
  locale: string
  flavour: string
  /** The match key after locale and flavour, readable. */
  key: string
  month: string
}

/** An entry renamed from one key to another, which the records of that entry follow. */
export interface Rename {
  from: {key: string; id: string}
  to: {key: string; id: string}
}

/** A field of a record by its path; `*` stands for every item of an array or field of an object. */
export type FieldPath = readonly string[]

/**
 * Which values of a record follow the translation rather than the English: what
 * `herald diff --english` leaves out. Every other value is English or language-independent
 * (ids, keys, dates, numbers, offer and Material IDs, country codes, category and status
 * keys, prices, column roles, links' URLs) and counts.
 */
export interface TranslationSpec {
  /**
   * The `{text, en}` values: where a value has its `en` (a side-by-side page), its `text`
   * is the translation. Where it has none (a plain page, or a segment the page left
   * untranslated), its `text` is all there is of it, and counts.
   */
  texts: readonly FieldPath[]
  /** Fields that follow the translation whatever the page. */
  fields: readonly FieldPath[]
}

/** How the diff matches and compares the records of one dataset. */
export interface DiffSpec<I extends Identity = Identity> {
  /**
   * The identity every added, removed or changed item carries, and the match key after
   * locale and flavour. Throws a DatasetError for a record without its key fields.
   */
  identify: (record: JsonRecord, where: () => string) => {identity: I; parts: KeyPart[]}
  /**
   * Fields that change when the page around the record changes, not the record: a line
   * moves whenever an entry above it grows, a row number whenever a row is inserted above
   * it, and every entry of a page gets the page's new source commit when the page is
   * translated again. A record whose only changes are in these fields is not changed;
   * when something else changed too, their changes are listed with the rest.
   */
  incidental: readonly FieldPath[]
  /** A change that other changes of the record already say, left out of the list. */
  implied: (change: FieldChange, old: JsonRecord, current: JsonRecord) => boolean
  /** What follows the translation, which an English diff leaves out. */
  translation: TranslationSpec
  /** The record with the fields that name its entry moved from `rename.from` to `to`. */
  followRename: (record: JsonRecord, rename: Rename) => JsonRecord
}

/** A dataset: one file of an output folder. */
export interface DatasetDefinition<I extends Identity = Identity> {
  /** The name in code and in `herald diff --json` (`countryRules`). */
  name: string
  /** The file in the output folder (`country-rules.json`). */
  file: string
  /** The schema's file in `schemas/` without `.schema.json` (`country-rules`). */
  schema: string
  /** The command whose output folders hold it. */
  writer: Writer
  /** The `$defs` entry of one record, for datasets that are lists of records. */
  recordDefinition?: string
  /** The fields that identify a record within the dataset (a primary key). */
  key?: readonly string[]
  /** Records of this dataset belong to records of another (a foreign key). */
  references?: {dataset: string; fields: readonly string[]; to: readonly string[]}
  /** How `herald diff` compares two versions of the dataset; absent: not diffed. */
  diff?: DiffSpec<I>
}

/**
 * How the records of an entry (its offers, country rules, tables) point at it: by locale,
 * flavour and the entry's key — the foreign key of the SQLite export.
 */
export const belongsToEntry = {
  dataset: 'entries',
  fields: ['locale', 'flavour', 'entryKey'],
  to: ['locale', 'flavour', 'key']
} as const satisfies DatasetDefinition['references']
