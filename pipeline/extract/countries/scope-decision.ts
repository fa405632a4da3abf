import type {CountryMention, FoundCountries, RegionMention} from './find-countries.js'

/** The places of one piece of text that constrain the announcement. */
export interface ScopedPlaces {
  countries: CountryMention[]
  regions: RegionMention[]
}

/**
 * What the places found in a piece of text mean for the announcement's scope. The finders
 * only say where places are named; this decides which of them the announcement is about.
 *
 * One country in a sentence is a mention; a list item that is one country, or a sentence
 * naming several, is a scope. A sales region is always taken.
 */
export function decideScope(
  found: FoundCountries,
  text: string,
  isListItem: boolean
): ScopedPlaces {
  const isList =
    found.countries.length >= 2 || (isListItem && found.countries.length === 1 && text.length <= 60)
  return {countries: isList ? found.countries : [], regions: found.regions}
}
