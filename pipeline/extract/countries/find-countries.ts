import {countryIndex} from './country-index.js'
import {foldText, nameKey} from './fold-text.js'
import {FoundPlaces, type MentionProblem, type MentionVia} from './found-places.js'
import {inflectedNameStart} from './inflected-names.js'
import {isCountryCode} from './iso-countries.js'
import {
  groupBySentence,
  isWholeItem,
  listSegments,
  segmentAt,
  type Segment
} from './list-segments.js'
import {findNames, placeNames} from './name-mentions.js'
import {repairMojibake, spanInOriginal} from './repair-mojibake.js'
import {findRegions} from './sales-regions.js'
import {byStart, type Span} from './spans.js'

export interface CountryMention {
  code: string
  text: string
  start: number
  end: number
  via: MentionVia
  problem: MentionProblem
}

export interface RegionMention {
  region: string /* e.g. 'EU', 'EFTA', 'CEE', 'LATAM', 'APAC', 'EMEA', 'Americas', 'Greater China' */
  text: string
  start: number
  end: number
}

export interface Unresolved {
  text: string
  start: number
  end: number
}

export interface FoundCountries {
  countries: CountryMention[]
  regions: RegionMention[]
  unresolved: Unresolved[]
}

/** A bare code counts only this close to another place name: `(EFTA) und im Vereinigten Königreich (UK)`. */
const NEIGHBOUR_GAP = 40

/**
 * Countries, sales regions and unidentified list items in a piece of page text (a bullet, a
 * table cell, a paragraph with an inline list). Offsets are into `text` as given, even where
 * mojibake was repaired before matching.
 */
export function findCountries(text: string, locale: string): FoundCountries {
  const index = countryIndex(locale)
  const repaired = repairMojibake(text)
  const source = repaired.text
  const folded = foldText(source)
  const toOriginal = (span: Span): Span => spanInOriginal(repaired, span, text.length)

  const hits = findNames(folded, index)
  const regions = findRegions(source, folded, locale, hits)
  const places = new FoundPlaces(source)
  for (const region of regions) places.markRegion(region)
  const {ambiguous, shortForms} = placeNames(hits, index, places)

  const segments = listSegments(source)

  const nearOtherPlace = (span: Span): boolean => {
    const gapOk = (gap: string): boolean => !/[!?。！？\n]|\.\s/.test(gap)
    const before = places.takenBefore(span, NEIGHBOUR_GAP)
    if (before >= 0) return gapOk(source.slice(before + 1, span.start))
    const after = places.takenAfter(span, NEIGHBOUR_GAP)
    if (after >= 0) return gapOk(source.slice(span.end, after))
    return false
  }

  const codeOf = (raw: string): {code: string; via: 'code' | 'alias'} | undefined => {
    if (isCountryCode(raw)) return {code: raw, via: 'code'}
    const entry = index.entries.get(nameKey(raw))
    if (entry?.abbrev && entry.code) return {code: entry.code, via: 'alias'}
    return undefined
  }

  // Bare `(XX)` codes and capitalised short forms: product names are full of them (`(EA)`,
  // `(SA)`, `Business Voice (US)`), so one counts only beside another place name. A list can
  // chain them, so sweep both ways until nothing more joins.
  interface Pending extends Span {
    code: string
    via: 'code' | 'alias'
    paren: boolean
    done: boolean
  }
  const pending: Pending[] = []
  for (const m of source.matchAll(/[(（]([A-Z]{2,3})[)）]/g)) {
    const resolved = codeOf(m[1]!)
    if (resolved)
      pending.push({
        start: m.index,
        end: m.index + m[0].length,
        ...resolved,
        paren: true,
        done: false
      })
  }
  for (const short of shortForms) pending.push({...short, via: 'alias', paren: false, done: false})
  pending.sort((a, b) => a.start - b.start || Number(b.paren) - Number(a.paren))
  const sweep = (candidate: Pending): boolean => {
    if (candidate.done) return false
    if (!places.isFree(candidate)) {
      candidate.done = true
      return false
    }
    if (
      candidate.paren
        ? !nearOtherPlace(candidate)
        : !(isWholeItem(segments, candidate) || nearOtherPlace(candidate))
    )
      return false
    let start = candidate.start
    if (candidate.paren) {
      start = inflectedNameStart(source, candidate.code, candidate.start, index) ?? candidate.start
      const segment = segmentAt(segments, candidate.start)
      if (start === candidate.start && segment) {
        const lead = source.slice(segment.item.start, candidate.start).trim()
        const leadSpan = {start: segment.item.start, end: candidate.start}
        if (lead.length > 0 && lead.split(/\s+/).length <= 3 && places.isFree(leadSpan))
          start = segment.item.start
      }
    }
    candidate.done = true
    places.addCountry({
      start,
      end: candidate.end,
      code: candidate.code,
      via: candidate.via,
      problem: null
    })
    return true
  }
  for (let changed = true; changed;) {
    changed = false
    for (const candidate of pending) changed = sweep(candidate) || changed
    for (let i = pending.length - 1; i >= 0; i--) changed = sweep(pending[i]!) || changed
  }

  const withMention = (segment: Segment): boolean => !places.isFree(segment)
  const items = segments.filter((s) => /[\p{L}\p{N}]/u.test(source.slice(s.item.start, s.item.end)))
  const wholeText =
    items.length === 1 && source.trim() === source.slice(items[0]!.item.start, items[0]!.item.end)
  // A sentence is a country list when most of its items name countries; only there do the
  // other items count as countries we failed to identify.
  const lists = groupBySentence(items)
  const countryLists = lists.filter((list) => {
    const listed = list.filter((segment) => places.hasCountry(segment)).length
    return listed >= 2 && listed * 2 >= list.length
  })

  for (const segment of wholeText ? items : countryLists.flat()) {
    if (withMention(segment)) continue
    const resolved = codeOf(source.slice(segment.item.start, segment.item.end))
    if (resolved)
      places.addCountry({...segment.item, code: resolved.code, via: resolved.via, problem: null})
  }

  const unresolved: Unresolved[] = []
  for (const list of countryLists) {
    const mentioned = list.map(withMention)
    for (let i = mentioned.indexOf(true); i <= mentioned.lastIndexOf(true); i++) {
      const segment = list[i]!
      const raw = source.slice(segment.item.start, segment.item.end)
      // Longer runs are prose inside the sentence, not an item that failed to resolve.
      if (mentioned[i] || raw.split(/\s+/).length > 6) continue
      const span = toOriginal(segment.item)
      unresolved.push({text: text.slice(span.start, span.end), ...span})
    }
  }
  for (const span of ambiguous) {
    const original = toOriginal(span)
    unresolved.push({text: text.slice(original.start, original.end), ...original})
  }

  return {
    countries: places.countries.sort(byStart).map((f) => {
      const span = toOriginal(f)
      return {
        code: f.code,
        text: text.slice(span.start, span.end),
        ...span,
        via: f.via,
        problem: f.problem
      }
    }),
    regions: regions.sort(byStart).map((r) => {
      const span = toOriginal(r)
      return {region: r.region, text: text.slice(span.start, span.end), ...span}
    }),
    unresolved: unresolved.sort(byStart)
  }
}
