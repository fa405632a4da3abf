import type {CountryIndex, NameEntry} from './country-index.js'
import {foldText, nameKey} from './fold-text.js'
import type {TrieHit} from './name-trie.js'

/**
 * Names are indexed in their dictionary form; running text inflects them (de `dem Vereinigten
 * Königreich`, `der Karibischen Niederlande`). Rather than a grammar per language, a
 * word is taken for a name's word when they share all but their last letters.
 */

/** Characters looked back over for the start of an inflected name: a few words are enough. */
const lookBack = 80

/** Inflected forms share all but their last letters: `Vereinigten Königreich` / `Vereinigtes Königreich`. */
export function sameStem(left: string, right: string): boolean {
  if (left === right) return true
  const shorter = Math.min(left.length, right.length)
  if (shorter < 4 || Math.abs(left.length - right.length) > 2) return false
  let common = 0
  while (common < shorter && left[common] === right[common]) common++
  return common >= shorter - 2
}

const namesByLastWord = new WeakMap<
  CountryIndex,
  Map<string, {words: string[]; entry: NameEntry}[]>
>()

function namesEndingIn(index: CountryIndex): Map<string, {words: string[]; entry: NameEntry}[]> {
  let byLast = namesByLastWord.get(index)
  if (!byLast) {
    byLast = new Map()
    for (const entry of index.entries.values()) {
      const words = entry.key.split(' ')
      if (!entry.code || words.length < 2) continue
      const last = words[words.length - 1]!
      byLast.set(last, [...(byLast.get(last) ?? []), {words, entry}])
    }
    namesByLastWord.set(index, byLast)
  }
  return byLast
}

/**
 * The longer name a hit is the tail of, when the words before it are that name's words inflected:
 * de `der Karibischen Niederlande` is BQ, though only `Niederlande` (NL) matched exactly.
 * Offsets are into the folded text.
 */
export function longerInflectedName(
  folded: string,
  hit: TrieHit<NameEntry>,
  index: CountryIndex
): {start: number; entry: NameEntry} | undefined {
  const hitWords = folded.slice(hit.start, hit.end).split(' ')
  // A look-back of a few words is enough for any name and keeps the scan linear.
  const windowStart = Math.max(0, hit.start - lookBack)
  const before = folded.slice(windowStart, hit.start).trimEnd().split(' ')
  for (const {words, entry} of namesEndingIn(index).get(hitWords[hitWords.length - 1]!) ?? []) {
    const extra = words.length - hitWords.length
    if (extra < 1 || extra > before.length || entry.code === hit.entry.code) continue
    if (!hitWords.every((word, i) => words[extra + i] === word)) continue
    const preceding = before.slice(before.length - extra)
    if (!preceding.every((word, i) => sameStem(word, words[i]!))) continue
    if (extra === before.length && windowStart > 0) continue
    const start = before.slice(0, before.length - extra).join(' ').length
    return {start: windowStart + (start === 0 ? 0 : start + 1), entry}
  }
  return undefined
}

/**
 * Where an inflected name of `code` starts when it ends just before `end` in `source`
 * (`des Vereinigten Königreichs (UK)`: the code confirms the genitive), or undefined.
 */
export function inflectedNameStart(
  source: string,
  code: string,
  end: number,
  index: CountryIndex
): number | undefined {
  const windowStart = Math.max(0, end - lookBack)
  const before = foldText(source.slice(windowStart, end))
  const words = before.text.trimEnd().split(' ')
  for (const name of index.names.get(code) ?? []) {
    const nameWords = nameKey(name).split(' ')
    if (nameWords.length > words.length || (nameWords.length === words.length && windowStart > 0))
      continue
    const tail = words.slice(words.length - nameWords.length)
    if (nameWords.every((word, i) => sameStem(word, tail[i]!))) {
      const prefix = words.slice(0, words.length - nameWords.length).join(' ')
      return windowStart + before.start[prefix.length === 0 ? 0 : prefix.length + 1]!
    }
  }
  return undefined
}
