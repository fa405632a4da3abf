import {languageOf} from './iso-countries.js'
import type {Span} from './spans.js'

/**
 * Places a text names that are parts of something else: a currency (`European Union (EUR)`),
 * a language (ja `中国語`, de `Brasilianisches Portugiesisch`), or a product or program name
 * (`Microsoft Cloud Germany`, `Americas Operations Center`). All from data (ISO 4217 codes and
 * CLDR language names through Intl) or from the shape of the text, never from a word list.
 */

let currencyCodes: Set<string> | undefined

/** ISO 4217 codes as Intl knows them. */
function currencies(): Set<string> {
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'))
  return currencyCodes
}

/**
 * Whether the place at `span` names a currency: it is part of a currency's name (`US dollars`),
 * or a code is in parentheses right after it (`European Union (EUR)`) or right before it
 * (`EUR (European Union)`, `EUR – Euro zone`).
 */
export function isCurrencyName(text: string, span: Span, locale: string): boolean {
  if (isInCurrencyName(text, span, locale)) return true
  // The name finder may have taken the parenthesis as a qualifier (`Japan (JPY)`).
  const own = /[(（]\s*([A-Z]{3})\s*[)）]$/.exec(text.slice(span.start, span.end))
  if (own && currencies().has(own[1]!)) return true
  const after = /^\s*[(（]\s*([A-Z]{3})\s*[)）]/.exec(text.slice(span.end, span.end + 12))
  if (after && currencies().has(after[1]!)) return true
  const before = /([A-Z]{3})\s*(?:[(（]|[-–—:]\s*)$/.exec(
    text.slice(Math.max(0, span.start - 12), span.start)
  )
  return before !== null && currencies().has(before[1]!)
}

const languageNamesCache = new Map<string, string[]>()

/** Language tags whose names may hold a country's name: every CLDR locale's base language. */
function languageTags(): string[] {
  const tags = new Set<string>()
  // Intl lists no languages; the base languages of the locales Intl formats dates in do.
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(probeLocales())) {
    tags.add(languageOf(locale))
  }
  return [...tags]
}

let probe: string[] | undefined

/** Two-letter language subtags: every one Intl can name is tried once. */
function probeLocales(): string[] {
  if (probe) return probe
  const names = new Intl.DisplayNames('en', {type: 'language', fallback: 'none'})
  probe = []
  for (let first = 97; first <= 122; first++) {
    for (let second = 97; second <= 122; second++) {
      const tag = String.fromCharCode(first, second)
      if (names.of(tag)) probe.push(tag)
    }
  }
  return probe
}

/** Language names in `locale` and English: standard and dialect styles, or none for a bad tag. */
function languageDisplays(locale: string): Intl.DisplayNames[] {
  const displays: Intl.DisplayNames[] = []
  for (const display of [locale, 'en']) {
    for (const languageDisplay of ['standard', 'dialect'] as const) {
      try {
        displays.push(
          new Intl.DisplayNames(display, {type: 'language', languageDisplay, fallback: 'none'})
        )
      } catch {
        // A malformed locale tag: English still names every language.
      }
    }
  }
  return displays
}

const baseNamesCache = new Map<string, string[]>()

/** Every language's name, and Chinese in its two scripts, in `locale` and English. */
function baseLanguageNames(locale: string): string[] {
  const cached = baseNamesCache.get(locale)
  if (cached) return cached
  const found = new Set<string>()
  const displays = languageDisplays(locale)
  for (const language of languageTags()) {
    for (const tag of [language, `${language}-Hans`, `${language}-Hant`]) {
      for (const names of displays) {
        const name = names.of(tag)
        if (name) found.add(name)
      }
    }
  }
  const list = [...found].filter((name) => name.length > 1)
  baseNamesCache.set(locale, list)
  return list
}

/**
 * The names, in `locale` and English, of languages that may hold `country`'s name: every
 * language (ja `ポルトガル語` holds Portugal, `中国語` China), Chinese in its two scripts, and
 * each language as spoken there (`Brazilian Portuguese`, `Portugiesisch (Brasilien)`).
 */
function languageNamesOf(country: string, locale: string): string[] {
  const key = `${locale}\0${country}`
  const cached = languageNamesCache.get(key)
  if (cached) return cached
  const found = new Set<string>(baseLanguageNames(locale))
  const displays = languageDisplays(locale)
  for (const language of languageTags()) {
    for (const names of displays) {
      const name = names.of(`${language}-${country}`)
      if (name) found.add(name)
    }
  }
  const list = [...found]
  languageNamesCache.set(key, list)
  return list
}

/** Whether a name of `names` written around `span` holds it and more (`US Dollar` over `US`). */
function isInsideName(text: string, span: Span, names: string[]): boolean {
  const offset = Math.max(0, span.start - 40)
  const lower = text.slice(offset, span.end + 40).toLowerCase()
  for (const name of names) {
    const needle = name.toLowerCase()
    if (needle.length <= span.end - span.start) continue
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const start = offset + at
      if (start <= span.start && start + needle.length >= span.end) return true
    }
  }
  return false
}

/** Whether the country at `span` is part of a language name written around it. */
export function isLanguageName(text: string, span: Span, country: string, locale: string): boolean {
  return isInsideName(text, span, languageNamesOf(country, locale))
}

const currencyNamesCache = new Map<string, string[]>()

/** The CLDR names of every currency, in `locale` and English, that hold `written`. */
function currencyNamesHolding(written: string, locale: string): string[] {
  const key = `${locale}\0${written}`
  const cached = currencyNamesCache.get(key)
  if (cached) return cached
  const lower = written.toLowerCase()
  const found = new Set<string>()
  for (const display of [locale, 'en']) {
    let names: Intl.DisplayNames
    try {
      names = new Intl.DisplayNames(display, {type: 'currency', fallback: 'none'})
    } catch {
      continue
    }
    for (const code of currencies()) {
      const name = names.of(code)
      if (name && name.toLowerCase().includes(lower)) found.add(name)
    }
  }
  const list = [...found]
  currencyNamesCache.set(key, list)
  return list
}

/** Whether the place at `span` is part of a currency's name (`US dollars`, `Indian rupee`). */
export function isInCurrencyName(text: string, span: Span, locale: string): boolean {
  const written = text.slice(span.start, span.end)
  return isInsideName(text, span, currencyNamesHolding(written, locale))
}

/**
 * Whether a word is capitalised, in a script that has capitals: a capital and some small
 * letters (`Cloud`, `Operations`). A word in capitals only (`ONLY` in `US ONLY`, a code) is not.
 */
function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word)
}

const wordUnit = /[\p{L}\p{N}'’-]/u
const spaceUnit = /[ \u00a0]/

/** The word that ends where the spaces before `at` start, if spaces are all that separate them. */
function wordBefore(text: string, at: number): Span | undefined {
  let end = at
  while (end > 0 && spaceUnit.test(text[end - 1]!)) end--
  if (end === at) return undefined
  let start = end
  while (start > 0 && end - start < 40 && wordUnit.test(text[start - 1]!)) start--
  return start < end ? {start, end} : undefined
}

/** The word that starts where the spaces after `at` end, if spaces are all that separate them. */
function wordAfter(text: string, at: number): Span | undefined {
  let start = at
  while (start < text.length && spaceUnit.test(text[start]!)) start++
  if (start === at) return undefined
  let end = start
  while (end < text.length && end - start < 40 && wordUnit.test(text[end]!)) end++
  return start < end ? {start, end} : undefined
}

/** Whether `at` starts a sentence, a line, a list item or a table cell. */
function startsSentence(text: string, at: number): boolean {
  const prior = text.slice(Math.max(0, at - 3), at).trimEnd()
  return prior === '' || /[.!?:;。\n*+|-]$/.test(prior)
}

/**
 * Whether the place at `span` is a word of a longer capitalised name: a capitalised word
 * right before it in the same run (`Microsoft Cloud Germany`, not at a sentence start) or
 * right after it (`Americas Operations Center`, `Worldwide Public Sector`). Lower-case
 * words, punctuation and other places break the run, so `partners in Germany` and
 * `Canada, France` are not names. Scripts without capitals never match.
 */
export function isInProductName(
  text: string,
  span: Span,
  isPlace: (span: Span) => boolean
): boolean {
  const before = wordBefore(text, span.start)
  if (
    before &&
    isCapitalised(text.slice(before.start, before.end)) &&
    !startsSentence(text, before.start) &&
    !isPlace(before)
  )
    return true
  const after = wordAfter(text, span.end)
  return after !== undefined && isCapitalised(text.slice(after.start, after.end)) && !isPlace(after)
}
