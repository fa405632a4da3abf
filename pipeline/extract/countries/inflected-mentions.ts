import {readCode} from './bare-codes.js'
import {regionDisplayNames} from './cldr-region-names.js'
import type {CountryIndex} from './country-index.js'
import {nameKey, spanInSource, type FoldedText} from './fold-text.js'
import type {FoundPlaces} from './found-places.js'
import {alpha2Codes, languageOf, listedNames, registerLanguage} from './iso-countries.js'
import type {Span} from './spans.js'

/**
 * Names inflected in running text: ru `в России`, `в Соединенных Штатах`, de `im Vereinigten
 * Königreich`. Rather than a grammar per language, each word of a name in the locale's
 * language may change its ending: it keeps its first letters (at least four, and all but the
 * name's last two) and adds at most three. Names are proper nouns, so the first word
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

/**
 * Whether `word` is `name` with its ending changed: the name loses at most its last two
 * letters (`Россия` → `России`, `Штаты` → `Штатах`) and the word adds at most three, over a
 * stem of at least four (fr `Espace` is not `Espagne`).
 */
export function inflects(word: string, name: string): boolean {
  if (word === name) return true
  const shorter = Math.min(word.length, name.length)
  if (shorter < stemLength) return false
  let common = 0
  while (common < shorter && word[common] === name[common]) common++
  return common >= Math.max(stemLength, name.length - 2) && word.length - common <= 3
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
  const text = folded.text
  const word = /[\p{L}\p{N}']+/gu
  // Words are read one at a time, and the words after one only when a name could start there:
  // most words of a page open no name.
  const wordAt = (from: number): Span | undefined => {
    word.lastIndex = from
    const found = word.exec(text)
    return found ? {start: found.index, end: found.index + found[0].length} : undefined
  }
  for (let first = wordAt(0); first; first = wordAt(first.end)) {
    const candidates = names.get(
      bucketOf(text.slice(first.start, Math.min(first.end, first.start + stemLength)))
    )
    if (!candidates) continue
    let best: {end: number; length: number; code: string} | undefined
    for (const name of candidates) {
      if (best && best.length >= name.words.length) continue
      let token: Span | undefined = first
      let fits = true
      for (let j = 0; j < name.words.length && fits; j++) {
        if (j > 0) {
          const next = wordAt(token!.end)
          fits = next !== undefined && next.start === token!.end + 1 && text[token!.end] === ' '
          token = next
        }
        fits = fits && inflects(text.slice(token!.start, token!.end), name.words[j]!)
      }
      if (fits) best = {end: token!.end, length: name.words.length, code: name.code}
    }
    if (!best) continue
    const span = spanInSource(folded, first.start, best.end)
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
    first = {start: first.start, end: best.end}
  }
}
