import {createRequire} from 'node:module'
import countries, {type LocaleData} from 'i18n-iso-countries'

/**
 * What herald takes from i18n-iso-countries: the ISO 3166-1 code list and the names each
 * language lists (official name first, then aliases). Languages are registered on first use,
 * so a process only loads the ones its pages need.
 */

const require = createRequire(import.meta.url)

const supportedLanguages = new Set(require('i18n-iso-countries/supportedLocales.json') as string[])
const registeredLanguages = new Set<string>()

/** The language subtag of a locale, lower case: `de` of `de-DE`. */
export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase()
}

/** Loads a language's names; false when the package has none for it. */
export function registerLanguage(language: string): boolean {
  if (registeredLanguages.has(language)) return true
  if (!supportedLanguages.has(language)) return false
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as LocaleData)
  registeredLanguages.add(language)
  return true
}

let alpha2: Set<string> | undefined

/** Every ISO 3166-1 alpha-2 code, in the package's order. */
export function alpha2Codes(): Set<string> {
  alpha2 ??= new Set(Object.keys(countries.getAlpha2Codes()))
  return alpha2
}

/** Whether `code` is an ISO 3166-1 alpha-2 code as written: upper case only. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && alpha2Codes().has(code)
}

/** The alpha-3 code of an alpha-2 code: `CD` → `COD`. */
export function alpha3Of(code: string): string | undefined {
  return countries.alpha2ToAlpha3(code)
}

/** The names a registered language lists for a country, official first; [] when none. */
export function listedNames(language: string, code: string): string[] {
  const names = countries.getName(code, language, {select: 'all'})
  return Array.isArray(names) ? names : []
}

/** The official name in the locale's language, else in English. */
export function officialName(code: string, locale: string): string | undefined {
  const language = registerLanguage(languageOf(locale)) ? languageOf(locale) : 'en'
  registerLanguage('en')
  return countries.getName(code, language) ?? countries.getName(code, 'en')
}
