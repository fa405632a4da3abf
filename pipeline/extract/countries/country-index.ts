import {regionDisplayNames} from './cldr-region-names.js'
import {nameKey} from './fold-text.js'
import {
  alpha2Codes,
  isCountryCode,
  languageOf,
  listedNames,
  registerLanguage
} from './iso-countries.js'
import {repairMojibake} from './repair-mojibake.js'

export interface CountryMatch {
  code: string /* ISO 3166-1 alpha-2 */
  via: 'code' | 'name' | 'alias'
}

/** One folded name in a locale's index and what it resolves to. */
export interface NameEntry {
  key: string
  /** The country the name denotes, or null when it stays ambiguous (zh `刚果` is CG and CD). */
  code: string | null
  /** Every country that claims this name at the winning source rank. */
  candidates: string[]
  via: 'name' | 'alias'
  /** Upper-case short forms (`UK`, `USA`, `R.-U.`) that are ordinary words when lower case. */
  abbrev: boolean
}

export interface TrieNode {
  next: Map<string, TrieNode>
  entry?: NameEntry
}

export interface CountryIndex {
  locale: string
  entries: Map<string, NameEntry>
  trie: TrieNode
  /** Unfolded names per code, in the locale and in English, for qualifier and stem checks. */
  names: Map<string, string[]>
}

/** Lower rank wins when two countries claim the same folded name. */
const Rank = {
  LocalName: 0,
  LocalOfficial: 1,
  EnglishName: 2,
  ShortName: 3,
  ListedAlias: 4,
  DerivedAlias: 5
} as const
type Rank = (typeof Rank)[keyof typeof Rank]

interface Claim {
  code: string
  rank: Rank
  /** Words in the name the claim came from: a bare `Congo` is the less qualified Congo. */
  specificity: number
  abbrev: boolean
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

const indexCache = new Map<string, CountryIndex>()

/** `de-de` and `de-DE` share one index. */
const canonicalLocales = new Map<string, string>()

function canonicalLocale(locale: string): string {
  let canonical = canonicalLocales.get(locale)
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(locale)[0] ?? 'en'
    } catch {
      canonical = 'en'
    }

    canonicalLocales.set(locale, canonical)
  }

  return canonical
}

/** The name index for one locale, built on first use from CLDR and i18n-iso-countries. */
export function countryIndex(requested: string): CountryIndex {
  const locale = canonicalLocale(requested)
  const cached = indexCache.get(locale)
  if (cached) return cached

  registerLanguage('en')
  const language = languageOf(locale)
  const hasLanguage = language !== 'en' && registerLanguage(language)
  const claims = new Map<string, Claim[]>()
  const names = new Map<string, string[]>()

  const claim = (name: string, code: string, rank: Rank, specificity: number): void => {
    const key = nameKey(name)
    // One-character keys (a single Han character) are parts of other words far more often than names.
    if (key.length < 2) return
    const list = claims.get(key) ?? []
    list.push({code, rank, specificity, abbrev: isAbbreviation(name)})
    claims.set(key, list)
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

  const entries = new Map<string, NameEntry>()
  const trie: TrieNode = {next: new Map()}
  for (const [key, list] of claims) {
    const best = Math.min(...list.map((c) => c.rank))
    const top = list.filter((c) => c.rank === best)
    const specificity = new Map<string, number>()
    for (const c of top)
      specificity.set(c.code, Math.min(c.specificity, specificity.get(c.code) ?? Infinity))
    const candidates = [...specificity.keys()].sort()
    const least = Math.min(...specificity.values())
    const winners = candidates.filter((code) => specificity.get(code) === least)
    const entry: NameEntry = {
      key,
      code: winners.length === 1 ? winners[0]! : null,
      candidates,
      via: best <= Rank.EnglishName ? 'name' : 'alias',
      abbrev: top.every((c) => c.abbrev)
    }
    entries.set(key, entry)
    let node = trie
    for (const unit of key) {
      let next = node.next.get(unit)
      if (!next) {
        next = {next: new Map()}
        node.next.set(unit, next)
      }
      node = next
    }
    node.entry = entry
  }

  const index: CountryIndex = {locale, entries, trie, names}
  indexCache.set(locale, index)
  return index
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
