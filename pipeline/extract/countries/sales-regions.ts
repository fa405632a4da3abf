import {regionDisplayNames} from './cldr-region-names.js'
import {nameKey, spanInSource, type FoldedText} from './fold-text.js'
import type {Span} from './spans.js'
import {endsWord, startsWord} from './word-boundaries.js'

/** A sales region found in the source text. */
export interface RegionSpan extends Span {
  /** e.g. 'EU', 'EFTA', 'CEE', 'LATAM', 'APAC', 'EMEA', 'Americas', 'Greater China' */
  region: string
}

interface RegionTerm {
  region: string
  /** Abbreviations as the pages write them, matched case-sensitively. */
  codes: string[]
  /** English names, matched case- and accent-insensitively. */
  names: string[]
  /** CLDR region whose localized name also denotes it. */
  cldr?: string
}

// Sales regions are Microsoft's groupings, not ISO data, so the vocabulary is closed and
// declared here. `GCC` is deliberately absent: in these pages it is Government Community Cloud.
const regionTerms: RegionTerm[] = [
  {region: 'EU', codes: ['EU', 'UE', 'ЕС'], names: ['European Union'], cldr: 'EU'},
  {
    region: 'EFTA',
    codes: ['EFTA', 'AELE', 'AELC', 'ЕАСТ'],
    names: ['European Free Trade Association', 'European Free Trade Area']
  },
  {
    region: 'CEE',
    codes: ['CEE'],
    names: ['Central and Eastern Europe', 'Central & Eastern Europe']
  },
  {region: 'LATAM', codes: ['LATAM', 'LatAm'], names: ['Latin America'], cldr: '419'},
  {region: 'APAC', codes: ['APAC'], names: ['Asia Pacific', 'Asia-Pacific']},
  {region: 'EMEA', codes: ['EMEA'], names: ['Europe, Middle East and Africa']},
  {region: 'Americas', codes: [], names: ['Americas'], cldr: '019'},
  {region: 'Greater China', codes: [], names: ['Greater China']},
  {region: 'EEA', codes: ['EEA', 'EWR', 'EEE'], names: ['European Economic Area']},
  // `worldwide` and `all regions` scope an announcement to every market; the CLDR name of
  // `001` (`world`) is not used: `rest of the world` is a remainder, not a scope.
  {
    region: 'Worldwide',
    codes: ['WW'],
    names: ['worldwide', 'all regions', 'all markets', 'all current markets']
  }
]

interface RegionVocabulary {
  /** Every region code, longest first, as whole words. */
  codes: RegExp
  /** Folded region name (English and the locale's CLDR name) → region. */
  names: Map<string, string>
}

const vocabularyCache = new Map<string, RegionVocabulary>()

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function regionVocabulary(locale: string): RegionVocabulary {
  const cached = vocabularyCache.get(locale)
  if (cached) return cached
  const names = new Map<string, string>()
  const localized = regionDisplayNames(locale, 'long')
  const english = regionDisplayNames('en', 'long')
  const codes: string[] = []
  for (const term of regionTerms) {
    codes.push(...term.codes)
    for (const name of term.names) names.set(nameKey(name), term.region)
    if (term.cldr) {
      for (const display of [localized, english]) {
        const name = display.of(term.cldr)
        if (name) names.set(nameKey(name), term.region)
      }
    }
  }
  const alternatives = codes
    .sort((left, right) => right.length - left.length)
    .map(escapeRegExp)
    .join('|')
  const vocabulary = {
    codes: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu'),
    names
  }
  vocabularyCache.set(locale, vocabulary)
  return vocabulary
}

/** The region a code as written denotes (`AELE` → EFTA), if it is one. */
function regionOfCode(code: string): string | undefined {
  return regionTerms.find((term) => term.codes.includes(code))?.region
}

/**
 * Region codes (case-sensitive) and names (folded). Where a region and a country name overlap
 * the longer reading wins: `Greater China` is a region, `Vereinigte Staaten von Amerika` a
 * country although CLDR calls the Americas `Amerika`. `nameSpans` are the country names found
 * in `source`.
 */
export function findRegions(
  source: string,
  folded: FoldedText,
  locale: string,
  nameSpans: Span[]
): RegionSpan[] {
  const candidates: RegionSpan[] = []
  const vocabulary = regionVocabulary(locale)
  for (const written of source.matchAll(vocabulary.codes)) {
    const region = regionOfCode(written[0])
    if (region)
      candidates.push({start: written.index, end: written.index + written[0].length, region})
  }
  for (const [key, region] of vocabulary.names) {
    for (
      let from = folded.text.indexOf(key);
      from >= 0;
      from = folded.text.indexOf(key, from + 1)
    ) {
      const end = from + key.length
      if (startsWord(folded.text, from) && endsWord(folded.text, end))
        candidates.push({...spanInSource(folded, from, end), region})
    }
  }
  const nameLength = new Uint16Array(source.length)
  for (const name of nameSpans)
    nameLength.fill(Math.min(name.end - name.start, 0xffff), name.start, name.end)
  const taken = new Uint8Array(source.length)
  const regions: RegionSpan[] = []
  for (const region of candidates.sort(
    (left, right) => right.end - right.start - (left.end - left.start) || left.start - right.start
  )) {
    let free = true
    for (let i = region.start; i < region.end && free; i++) {
      free = !taken[i] && nameLength[i]! <= region.end - region.start
    }
    if (!free) continue
    taken.fill(1, region.start, region.end)
    regions.push(region)
  }
  return regions
}
