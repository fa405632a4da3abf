import {readCode} from './bare-codes.js'
import type {CountryIndex} from './country-index.js'
import type {FoundPlaces} from './found-places.js'
import {isCountryCode} from './iso-countries.js'
import {groupBySentence, type Segment} from './list-segments.js'
import type {Span} from './spans.js'

/**
 * A sentence is a country list when most of its items name countries; only there do the
 * other items count as countries we failed to identify, and only there is an item that is a
 * code or short form taken for a country.
 */

/** The segments of the source with a letter or digit in their item: the list items. */
export function listItems(source: string, segments: Segment[]): Segment[] {
  return segments.filter((segment) =>
    /[\p{L}\p{N}]/u.test(source.slice(segment.item.start, segment.item.end))
  )
}

/** Whether a segment's item is an ISO 3166-1 alpha-2 code as written (`AE`, `KN`). */
function isCodeItem(source: string, segment: Segment): boolean {
  return isCountryCode(source.slice(segment.item.start, segment.item.end))
}

/**
 * The sentences of `items` that are country lists: at least two, and at least half, of the
 * items are countries; or at least three, and four in five, are bare ISO codes
 * (`Removed or unsupported markets: AE, AF, AL, …`), a list no name finder reads.
 */
export function countryLists(items: Segment[], places: FoundPlaces): Segment[][] {
  return groupBySentence(items).filter((list) => {
    const listed = list.filter((segment) => places.hasCountry(segment)).length
    if (listed >= 2 && listed * 2 >= list.length) return true
    const codes = list.filter((segment) => isCodeItem(places.source, segment)).length
    return codes >= 3 && codes * 5 >= list.length * 4
  })
}

/**
 * Accepts the items that are a code or short form (`KG` in a table cell, `USA` in a list):
 * in a country list, or when the whole text is one item.
 */
export function placeItemCodes(
  items: Segment[],
  lists: Segment[][],
  index: CountryIndex,
  places: FoundPlaces
): void {
  const {source} = places
  const wholeText =
    items.length === 1 && source.trim() === source.slice(items[0]!.item.start, items[0]!.item.end)
  for (const segment of wholeText ? items : lists.flat()) {
    if (!places.isFree(segment)) continue
    const read = readCode(source.slice(segment.item.start, segment.item.end), index)
    if (read) places.addCountry({...segment.item, code: read.code, via: read.via, problem: null})
  }
}

/**
 * The items of country lists that name no place, between the first and the last item that
 * does: the countries that could not be identified (`Swaziland`, `Heard And Mc Donald Islands`).
 */
export function unresolvedItems(lists: Segment[][], places: FoundPlaces): Span[] {
  const unresolved: Span[] = []
  for (const list of lists) {
    const mentioned = list.map((segment) => !places.isFree(segment))
    for (let i = mentioned.indexOf(true); i <= mentioned.lastIndexOf(true); i++) {
      const segment = list[i]!
      const raw = places.source.slice(segment.item.start, segment.item.end)
      // Longer runs are prose inside the sentence, not an item that failed to resolve.
      if (mentioned[i] || raw.split(/\s+/).length > 6) continue
      unresolved.push(segment.item)
    }
  }
  return unresolved
}
