import type {CountryIndex} from './country-index.js'
import {nameKey} from './fold-text.js'
import type {FoundPlaces} from './found-places.js'
import type {Segment} from './list-segments.js'

/**
 * Old and variant names in country lists: `Macedonia, FYRO`, `Palestinian Territory,
 * Occupied`, `Heard And Mc Donald Islands`, de `Mazedonien (ehemalige jugoslawische
 * Republik)`. No name list has them, but each holds a word that, among all the names of
 * the locale and of English, belongs to one country only (`macedonia`, `palestinian`,
 * `donald`, `mazedonien`, the end of `nordmazedonien`). An item of a country list that no
 * other finder placed is that country when its distinctive words all point to it.
 *
 * Only items of country lists are read this way (the list is the evidence that the item
 * is a place), and only words of five letters or more: shorter ones (`saint`, `south`)
 * are too common to tell. A word whose beginning other countries' words share is a
 * common noun, not a name: `territory` is only in `British Indian Ocean Territory`, but
 * `territ…` is in `Palestinian Territories` and `French Southern Territories` too.
 */

/** Shorter words match the ends of too many other words. */
const minWordLength = 5

/** How much of a word's beginning tells a common noun and its inflections apart. */
const stemLength = 6

/** The countries each word or end of a word, and each word's beginning, belongs to. */
interface WordIndex {
  ends: Map<string, Set<string>>
  stems: Map<string, Set<string>>
}

const wordIndexes = new WeakMap<CountryIndex, WordIndex>()

function add(map: Map<string, Set<string>>, key: string, code: string): void {
  const codes = map.get(key) ?? new Set<string>()
  codes.add(code)
  map.set(key, codes)
}

function stemOf(word: string): string {
  return [...word].slice(0, stemLength).join('')
}

function wordsOf(text: string): string[] {
  return nameKey(text)
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => [...word].length >= minWordLength)
}

function wordIndex(index: CountryIndex): WordIndex {
  let words = wordIndexes.get(index)
  if (words) return words
  words = {ends: new Map(), stems: new Map()}
  for (const [code, names] of index.names) {
    for (const name of names) {
      for (const word of wordsOf(name)) {
        add(words.stems, stemOf(word), code)
        // Every end of a word, so that `mazedonien` finds `nordmazedonien` and `donald`
        // finds `mcdonald`: compounds and split prefixes.
        const characters = [...word]
        for (let start = 0; characters.length - start >= minWordLength; start++) {
          add(words.ends, characters.slice(start).join(''), code)
        }
      }
    }
  }

  wordIndexes.set(index, words)
  return words
}

/** The one country an item's distinctive words point to, or null. */
export function countryByDistinctWords(item: string, index: CountryIndex): string | null {
  const {ends, stems} = wordIndex(index)
  const pointed = new Set<string>()
  for (const word of wordsOf(item)) {
    const codes = ends.get(word)
    if (codes?.size !== 1) continue
    const [code] = codes
    const sharing = stems.get(stemOf(word))
    if (sharing && (sharing.size > 1 || !sharing.has(code!))) continue
    pointed.add(code!)
  }

  return pointed.size === 1 ? [...pointed][0]! : null
}

/** Places the free items of country lists that distinctive words identify. */
export function placeItemsByDistinctWords(
  lists: Segment[][],
  index: CountryIndex,
  places: FoundPlaces
): void {
  for (const segment of lists.flat()) {
    if (!places.isFree(segment)) continue
    const item = places.source.slice(segment.item.start, segment.item.end)
    // Longer runs are prose inside the sentence, not an item (as for unresolved items).
    if (item.split(/\s+/).length > 6) continue
    const code = countryByDistinctWords(item, index)
    if (code) places.addCountry({...segment.item, code, via: 'alias', problem: null})
  }
}
