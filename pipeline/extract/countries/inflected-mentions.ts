import {readCode} from './bare-codes.js'
import {regionDisplayNames} from './cldr-region-names.js'
import type {CountryIndex} from './country-index.js'
import {nameKey, spanInSource, type FoldedText} from './fold-text.js'
import type {FoundPlaces} from './found-places.js'
import {alpha2Codes, languageOf, listedNames, registerLanguage} from './iso-countries.js'

/**
 * Names inflected in running text: ru `в России`, `в Соединенных Штатах`, de `im Vereinigten
 * Königreich`. Rather than a grammar per language, each word of a name in the locale's
 * language may change its ending: it keeps its first letters (at least four, and all but its
 * last two) and grows or shrinks by at most two. Names are proper nouns, so the first word
 * must be capitalised where the script has capitals; scripts without word endings to change
 * (Han, kana) are read exactly by the name finder already.
 */

interface LocalName {
  words: string[]
  code: string
}

/** The shortest word prefix that may carry an inflection. */
const stemLength = 4

const indexCache = new Map<string, Map<string, LocalName[]>>()

function bucketOf(word: string): string {
  return word.length >= stemLength ? word.slice(0, stemLength) : word
}

/** The locale's own country names (CLDR and the ISO lists), by the first letters of their first word. */
function localNames(locale: string): Map<string, LocalName[]> {
  const cached = indexCache.get(locale)
  if (cached) return cached
  const byBucket = new Map<string, LocalName[]>()
  const language = languageOf(locale)
  const seen = new Set<string>()
  const add = (name: string | undefined, code: string): void => {
    if (!name) return
    const key = nameKey(name)
    if (key.length < stemLength || seen.has(`${code} ${key}`)) return
    seen.add(`${code} ${key}`)
    const words = key.split(' ')
    const bucket = bucketOf(words[0]!)
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), {words, code}])
  }
  if (language !== 'en') {
    const long = regionDisplayNames(locale, 'long')
    const short = regionDisplayNames(locale, 'short')
    const listed = registerLanguage(language)
    for (const code of alpha2Codes()) {
      add(long.of(code), code)
      add(short.of(code), code)
      if (listed) for (const name of listedNames(language, code)) add(name, code)
    }
  }
  indexCache.set(locale, byBucket)
  return byBucket
}

/** Whether `word` is `name` with its ending changed. */
export function inflects(word: string, name: string): boolean {
  if (word === name) return true
  const shorter = Math.min(word.length, name.length)
  if (shorter < stemLength || Math.abs(word.length - name.length) > 2) return false
  let common = 0
  while (common < shorter && word[common] === name[common]) common++
  return common >= Math.max(stemLength, shorter - 2)
}

/**
 * Where a parenthesis after a name ends when it holds the name's own code or short form
 * (`des Vereinigten Königreichs (UK)`): it belongs to the mention.
 */
function codeAfter(
  source: string,
  end: number,
  code: string,
  index: CountryIndex
): number | undefined {
  const parenthesis = /[ \t\u00a0]*[(（]([^()（）\n]{1,6})[)）]/y
  parenthesis.lastIndex = end
  const written = parenthesis.exec(source)
  if (!written || readCode(written[1]!.trim(), index)?.code !== code) return undefined
  return parenthesis.lastIndex
}

/**
 * Accepts the inflected country names of `folded` (folded from `places.source`) that no other
 * finder took, longest first at each word. Does nothing for English, which does not inflect
 * names and whose near-misses (`Française`-like adjectives) would only add noise.
 */
export function placeInflectedNames(
  folded: FoldedText,
  index: CountryIndex,
  places: FoundPlaces
): void {
  const names = localNames(index.locale)
  if (names.size === 0) return
  const tokens = [...folded.text.matchAll(/[\p{L}\p{N}']+/gu)]
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!
    let best: {length: number; code: string} | undefined
    for (const name of names.get(bucketOf(first[0])) ?? []) {
      const length = name.words.length
      if (i + length > tokens.length || (best && best.length >= length)) continue
      let fits = true
      for (let j = 0; j < length && fits; j++) {
        const token = tokens[i + j]!
        const previous = tokens[i + j - 1]
        fits =
          inflects(token[0], name.words[j]!) &&
          (j === 0 || folded.text.slice(previous!.index + previous![0].length, token.index) === ' ')
      }
      if (fits) best = {length, code: name.code}
    }
    if (!best) continue
    const last = tokens[i + best.length - 1]!
    const span = spanInSource(folded, first.index, last.index + last[0].length)
    const initial = places.source[span.start]!
    const capitalised = initial !== initial.toLowerCase() && initial === initial.toUpperCase()
    if (!capitalised || !places.isFree(span)) continue
    places.addCountry({
      start: span.start,
      end: codeAfter(places.source, span.end, best.code, index) ?? span.end,
      code: best.code,
      via: 'name',
      problem: null
    })
    i += best.length - 1
  }
}
