import {countryIndex} from './country-index.js'
import {nameKey} from './fold-text.js'
import {isCountryCode} from './iso-countries.js'
import {repairMojibake} from './repair-mojibake.js'

/** The country a whole text names, and by what. */
export interface CountryMatch {
  code: string /* ISO 3166-1 alpha-2 */
  via: 'code' | 'name' | 'alias'
}

/**
 * A country from a localized or English name (or an alpha-2 code), ignoring case, diacritics
 * and mojibake. Ambiguous names (`刚果` in zh) give null rather than a guess.
 */
export function countryByName(name: string, locale: string): CountryMatch | null {
  const text = repairMojibake(name).text.trim()
  if (isCountryCode(text)) return {code: text, via: 'code'}
  const {entries} = countryIndex(locale)
  const key = nameKey(text)
  const entry = entries.get(key) ?? (key.startsWith('the ') ? entries.get(key.slice(4)) : undefined)
  if (!entry?.code) return null
  return {code: entry.code, via: entry.via}
}
