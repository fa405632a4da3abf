import type {CountryMention, FoundCountries, RegionMention} from './find-countries.js'
import {isCurrencyName, isInProductName, isLanguageName} from './not-a-scope.js'
import {exclusionStart, hasScopeCue, isHistory, isSupportRouting} from './scope-cues.js'
import type {Span} from './spans.js'

/** What a place found in a text means for the announcement. */
export interface ScopedPlace {
  kind: 'scope' | 'excluded' | 'region'
  /** The country, or null for a region. */
  country: string | null
  /** The region, or null for a country. */
  region: string | null
  mention: CountryMention | RegionMention
}

/** Where a place was read, and what is around it. */
export interface ScopeContext {
  /** The piece is a list item (its lead-in, if any, in `leadIn`). */
  isListItem: boolean
  /** The sentence that introduces the list the piece is an item of. */
  leadIn?: string
  /** The locale of `text` (`en` where it is the English side). */
  locale: string
}

/** A sentence ends at `.`, `!`, `?` after a word of three letters (`U.S.` goes on), or a line break. */
const sentenceEnd = /[\n!?。！？]|(?<=\p{L}{3})\.(?=\s)/gu

/** The ends of the sentences of `text`, in order; the last is the text's end. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  for (const end of text.matchAll(sentenceEnd)) ends.push(end.index + end[0].length)
  ends.push(text.length)
  return ends
}

/** The number of the sentence that holds offset `at` (by binary search). */
function sentenceIndex(ends: number[], at: number): number {
  let low = 0
  let high = ends.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (ends[middle]! > at) high = middle
    else low = middle + 1
  }
  return low
}

/** Whether a country list item is short enough to be one country, not a sentence about it. */
const listItemLength = 60

/**
 * What the places found in a piece of text mean for the announcement's scope. The finders only
 * say where places are named; this decides which of them the announcement constrains, and how.
 *
 * A place is dropped when it is part of a currency, a language or a product name, or when its
 * sentence routes support or tells history. A place after an exclusion in its sentence (or
 * whose list's lead-in excludes) is `excluded`. A region is a `region`. A country is a `scope`
 * when its sentence names several places, when it is a short list item, or when its sentence
 * says what it is for; one country in passing is a mention.
 */
export function decideScope(
  found: FoundCountries,
  text: string,
  context: ScopeContext
): ScopedPlace[] {
  const mentions: Array<CountryMention | RegionMention> = [
    ...found.countries,
    ...found.regions
  ].sort((left, right) => left.start - right.start || left.end - right.end)
  // Which characters belong to a place: the product-name test asks about a word's neighbours.
  const taken = new Uint8Array(text.length)
  for (const mention of mentions) taken.fill(1, mention.start, mention.end)
  const isPlace = (span: Span): boolean => taken.subarray(span.start, span.end).includes(1)
  const kept = mentions.filter(
    (mention) =>
      !isCurrencyName(text, mention, context.locale) &&
      !('code' in mention && isLanguageName(text, mention, mention.code, context.locale)) &&
      !isInProductName(text, mention, isPlace)
  )

  const ends = sentenceEnds(text)
  const placesInSentence = new Map<number, number>()
  for (const mention of kept) {
    const sentence = sentenceIndex(ends, mention.start)
    placesInSentence.set(sentence, (placesInSentence.get(sentence) ?? 0) + 1)
  }

  const leadIn = context.leadIn ?? ''
  const leadInExcludes = context.isListItem && exclusionStart(leadIn) >= 0
  const decided: ScopedPlace[] = []
  for (const mention of kept) {
    const index = sentenceIndex(ends, mention.start)
    const start = index === 0 ? 0 : ends[index - 1]!
    const sentence = text.slice(start, ends[index]!)
    const cues = context.isListItem ? `${leadIn}\n${sentence}` : sentence
    if (isSupportRouting(cues) || isHistory(cues)) continue
    const exclusion = exclusionStart(sentence)
    const excluded =
      (exclusion >= 0 && start + exclusion < mention.start) || (leadInExcludes && exclusion < 0)
    const country = 'code' in mention ? mention.code : null
    const region = 'region' in mention ? mention.region : null
    if (excluded) {
      decided.push({kind: 'excluded', country, region, mention})
      continue
    }
    if (region) {
      decided.push({kind: 'region', country, region, mention})
      continue
    }
    const isList =
      placesInSentence.get(index)! >= 2 ||
      (context.isListItem && text.trim().length <= listItemLength)
    if (isList || hasScopeCue(cues)) decided.push({kind: 'scope', country, region, mention})
  }
  return decided
}
