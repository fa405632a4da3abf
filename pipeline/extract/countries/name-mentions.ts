import type {CountryIndex, NameEntry} from './country-index.js'
import {spanInSource, type FoldedText} from './fold-text.js'
import type {FoundPlaces} from './found-places.js'
import {longerInflectedName} from './inflected-names.js'
import {isCountryCode} from './iso-countries.js'
import {longestNames} from './name-trie.js'
import {readParenthesisAfterName} from './parenthesis-after-name.js'
import type {Span} from './spans.js'

/** A name of the index found in the source text. */
export interface NameHit extends Span {
  entry: NameEntry
}

/** A capitalised short form (`UK`, `USA`) that counts only beside another place. */
export interface ShortForm extends Span {
  code: string
}

/**
 * The index's names in the text, longest first at each place, each extended over the inflected
 * words of a longer name it ends (`der Karibischen Niederlande`). Offsets are into the
 * source that `folded` was folded from.
 */
export function findNames(folded: FoldedText, index: CountryIndex): NameHit[] {
  return longestNames(folded.text, index.trie).map((hit) => {
    const longer = longerInflectedName(folded.text, hit, index)
    return longer
      ? {...spanInSource(folded, longer.start, hit.end), entry: longer.entry}
      : {...spanInSource(folded, hit.start, hit.end), entry: hit.entry}
  })
}

/**
 * Accepts the names that are countries where no region took them, reading the parenthesis
 * after each. Returns what stays undecided: names that are several countries at once, and
 * short forms that wait for the neighbourhood test of bare codes.
 */
export function placeNames(
  hits: NameHit[],
  index: CountryIndex,
  places: FoundPlaces
): {ambiguous: Span[]; shortForms: ShortForm[]} {
  const {source} = places
  const ambiguous: Span[] = []
  const shortForms: ShortForm[] = []
  for (const hit of hits) {
    const span: Span = {start: hit.start, end: hit.end}
    if (!places.isFree(span)) continue
    const {entry} = hit
    const raw = source.slice(span.start, span.end)
    // Names are proper nouns: without a capital it is a word (`réunion` is a meeting, `india` a
    // URL slug). Only one capital is needed: translations write `îles Salomon`, `остров Мэн`.
    if (raw.toLowerCase() !== raw.toUpperCase() && raw === raw.toLowerCase()) continue
    if (entry.abbrev) {
      // An ISO code is read as a code (es `RU` is Russia, not the `RU` short form of Reino Unido);
      // other short forms (`UK`, `USA`, `U.S.`) are words unless written in capitals. Written
      // in capitals in running text they name their country (`customers in the US`); in
      // parentheses (`Business Voice (US)`) they are a product suffix unless another place
      // stands beside them, the same test as bare codes.
      const capitals = raw === raw.toUpperCase()
      const isCode = isCountryCode(raw)
      if (!capitals || !entry.code || (isCode && raw !== entry.code)) continue
      const inParentheses = /[(（]\s*$/.test(source.slice(Math.max(0, span.start - 2), span.start))
      if (inParentheses) {
        if (!isCode) shortForms.push({...span, code: entry.code})
      } else places.addCountry({...span, code: entry.code, via: 'alias', problem: null})
      continue
    }
    const reading = readParenthesisAfterName(source, span, raw, entry, index)
    if (reading.code === null) {
      const whole = {start: span.start, end: reading.end}
      ambiguous.push(whole)
      places.markAmbiguous(whole)
      continue
    }
    places.addCountry({
      start: span.start,
      end: reading.end,
      code: reading.code,
      via: entry.via,
      problem: reading.problem
    })
  }
  return {ambiguous, shortForms}
}
