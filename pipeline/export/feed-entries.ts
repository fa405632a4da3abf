import {compareCodePoints} from '../compare.js'
import {DatasetError} from '../errors.js'
import {months} from '../page/page-name.js'
import type {Entry} from '../types/entries.js'
import {markdownText} from './markdown-text.js'

/**
 * What the Atom feeds say, decided from the entries: one feed per locale (both flavours
 * of a locale carry the same announcements, so a feed per flavour would only repeat
 * them), of its newest announcements. Where both flavours have an announcement, the plain
 * one's text is used: it is what learn.microsoft.com publishes.
 *
 * Every value comes from the datasets, none from the clock: the same datasets give the
 * same feeds to the byte. An entry's date has no time of day: it is midnight UTC.
 */

/** The dataset the feeds are made of. */
export const feedDataset = 'entries'

/** How many announcements a feed holds, newest first: about two years' worth. */
export const feedSize = 50

/**
 * The authority and date of the feeds' `tag:` URIs (RFC 4151), the domain of the schemas'
 * `$id`s: ids never change, so neither does this.
 */
const tagPrefix = 'tag:herald.dev,2026:announcements'

const docsSite = 'https://learn.microsoft.com'

/** One announcement of a feed. */
export interface FeedEntry {
  /** A `tag:` URI, the same in every run and every feed of its locale. */
  id: string
  title: string
  /** The entry's date, RFC 3339. */
  published: string
  /** The entry's update date where it has one, else its date, RFC 3339. */
  updated: string
  /** The announcement on its month's docs page. */
  link: string
  /** The plain text of the entry's summary section, where it has one. */
  summary?: string
}

/** The feed of one locale. */
export interface Feed {
  /** The locale's BCP 47 tag, canonical (`fr-FR`). */
  locale: string
  /** The tag in lower case (`fr-fr`), as the docs site's paths and the feed's file name. */
  slug: string
  id: string
  title: string
  /** The locale's announcements landing page. */
  link: string
  /** The newest `updated` of its entries. */
  updated: string
  entries: FeedEntry[]
}

function canonicalLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale)
    if (canonical) return canonical
  } catch {
    // Said below.
  }

  throw new DatasetError(
    `An entry's locale \`${locale}\` is not a BCP 47 language tag: build the folder again`
  )
}

function dateTime(date: string): string {
  return `${date}T00:00:00Z`
}

/** `2020-11` → `2020-november`: the month page's name on the docs site. */
function pageOf(month: string): string {
  const [year, number] = month.split('-')
  return `${year}-${months[Number(number) - 1]}`
}

function feedEntry(entry: Entry & {date: string}, slug: string): FeedEntry {
  const slash = entry.key.indexOf('/')
  const keyPath = `${entry.key.slice(0, slash)}/${encodeURIComponent(entry.key.slice(slash + 1))}`
  const summary = entry.sections.summary ? markdownText(entry.sections.summary.text) : ''
  return {
    id: `${tagPrefix}/${slug}/${keyPath}`,
    title: markdownText(entry.title.text),
    published: dateTime(entry.date),
    updated: dateTime(entry.updated ?? entry.date),
    link:
      `${docsSite}/${slug}/partner-center/announcements/${pageOf(entry.month)}` +
      `#${encodeURIComponent(entry.id)}`,
    ...(summary === '' ? {} : {summary})
  }
}

/** Newest first; the same date in key order. */
function newestFirst(a: Entry & {date: string}, b: Entry & {date: string}): number {
  return compareCodePoints(b.date, a.date) || compareCodePoints(a.key, b.key)
}

/**
 * The feeds of the entries, by locale tag (lower case, code point order), each of the
 * `size` newest dated announcements. An entry without a date is left out (a feed entry
 * needs one); a locale without a dated entry has no feed.
 */
export function feedsOf(entries: readonly Entry[], size = feedSize): Feed[] {
  const byLocale = new Map<string, {locale: string; entries: Map<string, Entry>}>()
  for (const entry of entries) {
    if (entry.date === null) continue
    const locale = canonicalLocale(entry.locale)
    const slug = locale.toLowerCase()
    let group = byLocale.get(slug)
    if (!group) byLocale.set(slug, (group = {locale, entries: new Map()}))
    const seen = group.entries.get(entry.key)
    if (!seen || (seen.flavour !== 'plain' && entry.flavour === 'plain')) {
      group.entries.set(entry.key, entry)
    }
  }

  return [...byLocale.keys()].sort(compareCodePoints).map((slug) => {
    const group = byLocale.get(slug)!
    const newest = ([...group.entries.values()] as Array<Entry & {date: string}>)
      .sort(newestFirst)
      .slice(0, size)
      .map((entry) => feedEntry(entry, slug))
    return {
      locale: group.locale,
      slug,
      id: `${tagPrefix}/${slug}`,
      title: `Partner Center announcements (${group.locale})`,
      link: `${docsSite}/${slug}/partner-center/announcements/`,
      updated: newest.map((entry) => entry.updated).reduce((a, b) => (b > a ? b : a)),
      entries: newest
    }
  })
}
