import {regionDisplayNames} from './cldr-region-names.js'
import {isCountryCode, officialName} from './iso-countries.js'

/**
 * A country's name in a locale: CLDR's where it has one, else the ISO list's in the locale's
 * language or in English. Undefined for anything that is not an alpha-2 code.
 */
export function countryName(code: string, locale: string): string | undefined {
  if (!isCountryCode(code)) return undefined
  return regionDisplayNames(locale, 'long').of(code) || officialName(code, locale)
}
