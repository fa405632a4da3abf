/* Generated from schemas/entries.schema.json by `npm run types`. Do not edit. */

/**
 * The file `entries.json`: the schema it follows, and its records. One record per announcement (an H2 with an English slug anchor) of every month page, ordered by locale, month and page order.
 */
export interface EntriesFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/entries.schema.json'
  records: Entry[]
}
/**
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "entry".
 */
export interface Entry {
  /**
   * `month/id`, unique in a locale; a slug repeated inside one page gets `~2`, `~3`… after the second and later occurrences.
   */
  key: string
  /**
   * The English slug anchor of the H2.
   */
  id: string
  /**
   * The numeric anchor, an attribute only (numbers are reused).
   */
  number: number | null
  anchors: string[]
  month: string
  /**
   * As written in `ms.contentlocale`.
   */
  locale: string
  flavour: 'sxs' | 'plain'
  date: string | null
  updated: string | null
  dateText: Text | null
  title: Text
  categories: Category[]
  status: Category | null
  /**
   * Keyed by the normalised English section anchor (`summary`, `impacted-audience`, `details`, `next-steps`…); `intro` holds text between the title and the first section.
   */
  sections: {
    [k: string]: Section
  }
  links: Link[]
  source: Source
}
/**
 * Span-free Markdown in the page's language; `en` is the English source where the page carries it (side-by-side flavour).
 *
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "text".
 */
export interface Text {
  text: string
  en?: string
}
/**
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "category".
 */
export interface Category {
  /**
   * Closed vocabulary key from the English label; null where the page has no English or the label is not in the vocabulary.
   */
  key: string | null
  text: string
  en?: string
}
/**
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "section".
 */
export interface Section {
  /**
   * The English anchor as written on the page, before synonyms were normalised; null for a heading without one.
   */
  anchor: string | null
  heading: Text
  text: string
  en?: string
}
/**
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "link".
 */
export interface Link {
  text: string
  url: string
}
/**
 * This interface was referenced by `EntriesFile`'s JSON-Schema
 * via the `definition` "source".
 */
export interface Source {
  /**
   * Path relative to the input folder, with `/`.
   */
  file: string
  line: number
  column: number
  /**
   * `ms.sourcegitcommit`: the English commit the page was translated from.
   */
  sourceCommit: string | null
  /**
   * `ms.translationtype`: HT (human) or MT (machine).
   */
  translationType: string | null
  /**
   * For an entry of a plain page: the sxs page (its twin: the same month and English source commit) whose English it took by structure, or null.
   */
  twin: string | null
  /**
   * `ms.lasthandoff` as an ISO date: when the English of `sourceCommit` was handed off for translation; null where the page does not say.
   */
  handoff: string | null
}
