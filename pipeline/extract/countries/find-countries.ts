import {placeBareCodes} from './bare-codes.js'
import {countryIndex} from './country-index.js'
import {countryLists, listItems, placeItemCodes, unresolvedItems} from './country-lists.js'
import {placeItemsByDistinctWords} from './distinct-words.js'
import {foldText} from './fold-text.js'
import {placeInflectedNames} from './inflected-mentions.js'
import {FoundPlaces, type MentionProblem, type MentionVia} from './found-places.js'
import {listSegments} from './list-segments.js'
import {findNames, placeNames} from './name-mentions.js'
import {repairMojibake, spanInOriginal} from './repair-mojibake.js'
import {findRegions} from './sales-regions.js'
import {byStart, type Span} from './spans.js'

/** A country named in the text, with offsets into the text as given. */
export interface CountryMention {
  code: string
  text: string
  start: number
  end: number
  via: MentionVia
  problem: MentionProblem
}

/** A sales region named in the text, with offsets into the text as given. */
export interface RegionMention {
  region: string /* e.g. 'EU', 'EFTA', 'CEE', 'LATAM', 'APAC', 'EMEA', 'Americas', 'Greater China' */
  text: string
  start: number
  end: number
}

/** An item of a country list, or a name of several countries, that names no one country. */
export interface Unresolved {
  text: string
  start: number
  end: number
}

/** Everything {@link findCountries} finds in one text. */
export interface FoundCountries {
  countries: CountryMention[]
  regions: RegionMention[]
  unresolved: Unresolved[]
}

/**
 * Countries, sales regions and unidentified list items in a piece of page text (a bullet, a
 * table cell, a paragraph with an inline list). Offsets are into `text` as given, even where
 * mojibake was repaired before matching.
 *
 * The finders run in a fixed order, each taking the characters it claims so later ones cannot
 * read them again: regions (where longer than any country name over them), country names with
 * the parenthesis after them, names inflected in running text, bare codes and short forms beside those places, then the items of
 * country lists that are codes, then those an old or variant name's distinctive word
 * identifies, and last the items nothing claimed.
 */
export function findCountries(text: string, locale: string): FoundCountries {
  const index = countryIndex(locale)
  const repaired = repairMojibake(text)
  const source = repaired.text
  const folded = foldText(source)
  const inOriginal = (span: Span): Span => spanInOriginal(repaired, span, text.length)

  const names = findNames(folded, index)
  const regions = findRegions(source, folded, locale, names)
  const places = new FoundPlaces(source)
  for (const region of regions) places.markRegion(region)
  const {ambiguous, shortForms} = placeNames(names, index, places)
  placeInflectedNames(folded, index, places)

  const segments = listSegments(source)
  placeBareCodes(index, places, segments, shortForms)

  const items = listItems(source, segments)
  const lists = countryLists(items, places)
  placeItemCodes(items, lists, index, places)
  placeItemsByDistinctWords(lists, index, places)

  const unresolved: Unresolved[] = [...unresolvedItems(lists, places), ...ambiguous].map((span) => {
    const original = inOriginal(span)
    return {text: text.slice(original.start, original.end), ...original}
  })

  return {
    countries: places.countries.sort(byStart).map((country) => {
      const span = inOriginal(country)
      return {
        code: country.code,
        text: text.slice(span.start, span.end),
        ...span,
        via: country.via,
        problem: country.problem
      }
    }),
    regions: regions.sort(byStart).map((region) => {
      const span = inOriginal(region)
      return {region: region.region, text: text.slice(span.start, span.end), ...span}
    }),
    unresolved: unresolved.sort(byStart)
  }
}
