/* Generated from schemas/announcements.schema.json by `npm run types`. Do not edit. */

/**
 * The file `announcements.json`: the schema it follows, and its records. One record per announcement (`month/id`) over every locale and flavour of a build: the English facts the locales agree on, and per locale what it has. Ordered by key (code point order).
 */
export interface AnnouncementsFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/announcements.schema.json'
  records: Announcement[]
}
/**
 * This interface was referenced by `AnnouncementsFile`'s JSON-Schema
 * via the `definition` "announcement".
 */
export interface Announcement {
  /**
   * `month/id`, the entries' key.
   */
  key: string
  month: string
  /**
   * The English slug anchor.
   */
  id: string
  /**
   * The English title most locales give; null where no locale has English.
   */
  title: string | null
  date: string | null
  updated: string | null
  /**
   * The category keys most locales give, in page order.
   */
  categories: string[]
  status: string | null
  /**
   * The offer IDs most locales give, sorted.
   */
  offerIds: string[]
  /**
   * The places most locales say it constrains, sorted by kind and code.
   */
  places: AnnouncementPlace[]
  /**
   * Per locale tag (`fr-FR`), the announcement as that locale has it.
   */
  locales: {
    [k: string]: AnnouncementLocale
  }
}
/**
 * A place the announcement constrains, as its country rules say.
 *
 * This interface was referenced by `AnnouncementsFile`'s JSON-Schema
 * via the `definition` "place".
 */
export interface AnnouncementPlace {
  kind: string
  country: string | null
  region: string | null
}
/**
 * The announcement in one locale.
 *
 * This interface was referenced by `AnnouncementsFile`'s JSON-Schema
 * via the `definition` "localeVersion".
 */
export interface AnnouncementLocale {
  /**
   * The flavours the build read it in, sorted.
   */
  flavours: ('plain' | 'sxs')[]
  /**
   * The translated title.
   */
  title: string
  /**
   * The page it was read from (the sxs one where both were).
   */
  file: string
  /**
   * `ms.sourcegitcommit`: the English commit its translation was made from.
   */
  sourceCommit: string | null
  /**
   * `ms.lasthandoff` as an ISO date: when that English was handed off for translation.
   */
  handoff: string | null
  /**
   * True when its source commit is older (handed off earlier) than the newest one seen for its page in any locale; null when the pages do not say.
   */
  stale: boolean | null
}
