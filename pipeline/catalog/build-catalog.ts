import path from 'node:path'
import {compareCodePoints} from '../compare.js'
import {createReporter} from '../diagnostics/message.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import type {Announcement, AnnouncementLocale, AnnouncementPlace} from '../types/announcements.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Coverage, Message} from '../types/report.js'
import {majority, type Vote} from './majority.js'

/**
 * One catalog across locales: a record per announcement (`month/id`) with the English
 * facts its locales agree on — title, date, category keys, status, offer IDs, places —
 * and, per locale, what that locale has: its flavours, translated title, source commit
 * and whether that translation is stale. Where a locale disagrees on a fact, the catalog
 * keeps what most locales give and a diagnostic names the dissenting page: that is how
 * machine-translation damage and stale pages show up.
 *
 * Pure: the records of the datasets in, the catalog out. Language-independent facts
 * (dates, offer IDs) are read from every page; facts read from English (title, category
 * keys, status, places) only from pages that have English (sxs, or plain with a twin).
 */

/** The datasets a catalog is made from (one build, or several folders' worth). */
export interface CatalogInput {
  entries: readonly Entry[]
  offers: readonly Offer[]
  countryRules: readonly CountryRule[]
}

/** The catalog and what it found. */
export interface Catalog {
  announcements: Announcement[]
  /** Per locale: announcements present, missing and stale. */
  coverage: Coverage[]
  /** A `catalog-disagreement` per page that disagrees with most locales. */
  messages: Message[]
}

/** What one locale says of an announcement: its entry (sxs first) and the entry's records. */
interface LocaleVersion {
  entry: Entry
  flavours: Set<string>
  offerIds: string[]
  places: AnnouncementPlace[]
}

const placeOrder = (a: AnnouncementPlace, b: AnnouncementPlace) =>
  compareCodePoints(a.kind, b.kind) ||
  compareCodePoints(a.country ?? '', b.country ?? '') ||
  compareCodePoints(a.region ?? '', b.region ?? '')

function recordKey(locale: string, flavour: string, entryKey: string): string {
  return `${locale}\0${flavour}\0${entryKey}`
}

/** Whether an entry has English (sxs, or a plain page that took its twin's). */
function hasEnglish(entry: Entry): boolean {
  return entry.title.en !== undefined
}

/** The month page an entry was read from, whatever its folder (`2020-november.md`). */
function pageOf(entry: Entry): string {
  return path.posix.basename(entry.source.file)
}

/** Builds the catalog of a set of datasets. */
export function buildCatalog(input: CatalogInput, overrides: SeverityOverrides = {}): Catalog {
  const offerIds = new Map<string, Set<string>>()
  for (const offer of input.offers) {
    if (!offer.offerId) continue
    const key = recordKey(offer.locale, offer.flavour, offer.entryKey)
    offerIds.set(key, (offerIds.get(key) ?? new Set()).add(offer.offerId))
  }

  const places = new Map<string, AnnouncementPlace[]>()
  for (const rule of input.countryRules) {
    const key = recordKey(rule.locale, rule.flavour, rule.entryKey)
    const list = places.get(key) ?? []
    const place = {kind: rule.kind, country: rule.country, region: rule.region}
    if (!list.some((known) => placeOrder(known, place) === 0)) list.push(place)
    places.set(key, list)
  }

  // Announcements by key, then locales: the sxs entry of a locale is its voice where both
  // flavours were read (they say the same; the sxs page says it in English itself).
  const groups = new Map<string, Map<string, LocaleVersion>>()
  for (const entry of input.entries) {
    const locales = groups.get(entry.key) ?? new Map<string, LocaleVersion>()
    groups.set(entry.key, locales)
    const known = locales.get(entry.locale)
    const key = recordKey(entry.locale, entry.flavour, entry.key)
    const version: LocaleVersion = {
      entry,
      flavours: new Set([...(known?.flavours ?? []), entry.flavour]),
      offerIds: [...(offerIds.get(key) ?? [])].sort(compareCodePoints),
      places: [...(places.get(key) ?? [])].sort(placeOrder)
    }
    if (!known || (entry.flavour === 'sxs' && known.entry.flavour !== 'sxs')) {
      locales.set(entry.locale, version)
    } else known.flavours.add(entry.flavour)
  }

  // The newest English a month page was translated from, over all locales.
  const newest = new Map<string, string>()
  for (const entry of input.entries) {
    const handoff = entry.source.handoff
    if (handoff && handoff > (newest.get(pageOf(entry)) ?? '')) newest.set(pageOf(entry), handoff)
  }

  const messages: Message[] = []
  const announcements: Announcement[] = []
  for (const [key, locales] of [...groups].sort(([a], [b]) => compareCodePoints(a, b))) {
    const versions = [...locales.values()].sort((a, b) =>
      compareCodePoints(a.entry.locale, b.entry.locale)
    )
    const agree = <T>(
      fact: string,
      read: (version: LocaleVersion) => T | undefined
    ): T | undefined => {
      const votes: Array<Vote<T>> = []
      for (const version of versions) {
        const value = read(version)
        if (value !== undefined) {
          votes.push({locale: version.entry.locale, value, handoff: version.entry.source.handoff})
        }
      }

      const agreed = majority(votes)
      for (const dissenter of agreed?.dissenters ?? []) {
        const {entry} = locales.get(dissenter.locale)!
        const report = createReporter(entry.source.file, messages, overrides)
        const others = votes
          .filter((vote) => JSON.stringify(vote.value) === JSON.stringify(agreed!.value))
          .map((vote) => vote.locale)
        report(
          'catalog-disagreement',
          `\`${entry.id}\`: ${fact} here is ${JSON.stringify(dissenter.value)}; ` +
            `${others.length} locales (${others.join(', ')}) say ${JSON.stringify(agreed!.value)}`,
          {line: entry.source.line, column: entry.source.column},
          {expected: [JSON.stringify(agreed!.value)], actual: JSON.stringify(dissenter.value)}
        )
      }

      return agreed?.value
    }

    const english = (version: LocaleVersion) => hasEnglish(version.entry)
    const first = versions[0]!.entry
    announcements.push({
      key,
      month: first.month,
      id: first.id,
      title: agree('the title', (version) => version.entry.title.en) ?? null,
      date: agree('the date', (version) => version.entry.date) ?? null,
      updated: agree('the update date', (version) => version.entry.updated) ?? null,
      categories:
        agree('the categories', (version) =>
          english(version)
            ? version.entry.categories.flatMap((category) => (category.key ? [category.key] : []))
            : undefined
        ) ?? [],
      status:
        agree('the status', (version) =>
          english(version) ? (version.entry.status?.key ?? null) : undefined
        ) ?? null,
      offerIds: agree('the offer IDs', (version) => version.offerIds) ?? [],
      places:
        agree('the places', (version) => (english(version) ? version.places : undefined)) ?? [],
      locales: Object.fromEntries(
        versions.map((version): [string, AnnouncementLocale] => {
          const {entry} = version
          const latest = newest.get(pageOf(entry))
          return [
            entry.locale,
            {
              flavours: [...version.flavours].sort(
                compareCodePoints
              ) as AnnouncementLocale['flavours'],
              title: entry.title.text,
              file: entry.source.file,
              sourceCommit: entry.source.sourceCommit,
              handoff: entry.source.handoff,
              stale: entry.source.handoff && latest ? entry.source.handoff < latest : null
            }
          ]
        })
      )
    })
  }

  const locales = [...new Set(input.entries.map((entry) => entry.locale))].sort(compareCodePoints)
  const coverage = locales.map((locale): Coverage => {
    const present = announcements.filter((item) => Object.hasOwn(item.locales, locale))
    return {
      locale,
      announcements: announcements.length,
      present: present.length,
      missing: announcements.length - present.length,
      stale: present.filter((item) => item.locales[locale]!.stale === true).length
    }
  })

  return {announcements, coverage, messages}
}
