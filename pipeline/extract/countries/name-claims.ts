import {regionDisplayNames} from './cldr-region-names.js'
import {nameKey} from './fold-text.js'
import {alpha2Codes, languageOf, listedNames, registerLanguage} from './iso-countries.js'

/** How much a source is trusted when two countries claim one folded name: lower wins. */
export const Rank = {
  LocalName: 0,
  LocalOfficial: 1,
  EnglishName: 2,
  ShortName: 3,
  ListedAlias: 4,
  DerivedAlias: 5
} as const
/** One of the {@link Rank} values. */
export type Rank = (typeof Rank)[keyof typeof Rank]

/** One source's word that a folded name means a country. */
export interface Claim {
  code: string
  rank: Rank
  /** Words in the name the claim came from: a bare `Congo` is the less qualified Congo. */
  specificity: number
  /** Upper-case short forms (`UK`, `USA`, `R.-U.`) are ordinary words when lower case. */
  abbrev: boolean
}

/** Every claim on every folded name of a locale, and the unfolded names per country. */
export interface Claims {
  /** Folded name → the claims on it, in the order the sources were read. */
  byKey: Map<string, Claim[]>
  /** Unfolded names per code, in the locale and in English, for qualifier and stem checks. */
  names: Map<string, string[]>
}

function wordCount(name: string): number {
  return name.trim().split(/\s+/).length
}

function isAbbreviation(name: string): boolean {
  const letters = name.replace(/[.\-\s]/g, '')
  return letters.length > 0 && letters.length <= 4 && /^\p{Lu}+$/u.test(letters)
}

/** Shorter forms hidden in a source name: `Korea, Republic of`, `Holy See (Vatican City State)`, `Congo - Brazzaville`. */
function derivedForms(name: string): string[] {
  const forms: string[] = []
  const comma = name.indexOf(', ')
  if (comma > 0) forms.push(name.slice(0, comma))
  const withoutParens = name
    .replace(/[(（][^()（）]*[)）]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (withoutParens !== name && withoutParens.length > 0) forms.push(withoutParens)
  const dash = name.indexOf(' - ')
  if (dash > 0) forms.push(name.slice(0, dash))
  return forms
}

/**
 * What every name source says for a (canonical) locale: CLDR's long, short and narrow names
 * in the locale and in English, and the ISO lists' official names and aliases, each with the
 * shorter forms hidden in it. The order of reading is kept: it decides ties downstream.
 */
export function collectClaims(locale: string): Claims {
  registerLanguage('en')
  const language = languageOf(locale)
  const hasLanguage = language !== 'en' && registerLanguage(language)
  const byKey = new Map<string, Claim[]>()
  const names = new Map<string, string[]>()

  const claim = (name: string, code: string, rank: Rank, specificity: number): void => {
    const key = nameKey(name)
    // One-character keys (a single Han character) are parts of other words far more often than names.
    if (key.length < 2) return
    const list = byKey.get(key) ?? []
    list.push({code, rank, specificity, abbrev: isAbbreviation(name)})
    byKey.set(key, list)
    const own = names.get(code) ?? []
    if (!own.includes(name)) own.push(name)
    names.set(code, own)
  }
  const claimWithDerived = (name: string, code: string, rank: Rank): void => {
    claim(name, code, rank, wordCount(name))
    for (const form of derivedForms(name)) claim(form, code, Rank.DerivedAlias, wordCount(name))
  }

  const local = {
    long: regionDisplayNames(locale, 'long'),
    short: regionDisplayNames(locale, 'short'),
    narrow: regionDisplayNames(locale, 'narrow')
  }
  const english = {
    long: regionDisplayNames('en', 'long'),
    short: regionDisplayNames('en', 'short'),
    narrow: regionDisplayNames('en', 'narrow')
  }

  for (const code of alpha2Codes()) {
    const localLong = local.long.of(code)
    if (localLong) claimWithDerived(localLong, code, Rank.LocalName)
    const listedLocal = hasLanguage ? listedNames(language, code) : []
    const listedEnglish = listedNames('en', code)
    const [officialLocal, ...aliasesLocal] = listedLocal
    if (officialLocal) claimWithDerived(officialLocal, code, Rank.LocalOfficial)
    const englishLong = english.long.of(code)
    if (englishLong) claimWithDerived(englishLong, code, Rank.EnglishName)
    const [officialEnglish, ...aliasesEnglish] = listedEnglish
    if (officialEnglish) claimWithDerived(officialEnglish, code, Rank.EnglishName)
    for (const display of [local.short, local.narrow, english.short, english.narrow]) {
      const short = display.of(code)
      if (short) claimWithDerived(short, code, Rank.ShortName)
    }
    for (const [aliases, official] of [
      [aliasesLocal, officialLocal],
      [aliasesEnglish, officialEnglish]
    ] as const) {
      for (const alias of aliases) {
        claim(alias, code, Rank.ListedAlias, wordCount(official ?? alias))
        for (const form of derivedForms(alias))
          claim(form, code, Rank.DerivedAlias, wordCount(alias))
      }
    }
  }

  return {byKey, names}
}
