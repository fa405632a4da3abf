import {collectClaims, Rank, type Claim} from './name-claims.js'
import {addToTrie, emptyTrie, type TrieNode} from './name-trie.js'

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

/** Every country name of one locale (and English), folded, for look-up and for scanning text. */
export interface CountryIndex {
  locale: string
  entries: Map<string, NameEntry>
  trie: TrieNode<NameEntry>
  /** Unfolded names per code, in the locale and in English, for qualifier and stem checks. */
  names: Map<string, string[]>
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

/**
 * What the claims on one folded name settle: the best-ranked sources win, and among their
 * countries the one named with the fewest words (a bare `Congo` is CG, not the DR Congo);
 * a tie leaves the name ambiguous.
 */
function settle(key: string, claims: Claim[]): NameEntry {
  const best = Math.min(...claims.map((claim) => claim.rank))
  const top = claims.filter((claim) => claim.rank === best)
  const specificity = new Map<string, number>()
  for (const claim of top)
    specificity.set(
      claim.code,
      Math.min(claim.specificity, specificity.get(claim.code) ?? Infinity)
    )
  const candidates = [...specificity.keys()].sort()
  const least = Math.min(...specificity.values())
  const winners = candidates.filter((code) => specificity.get(code) === least)
  return {
    key,
    code: winners.length === 1 ? winners[0]! : null,
    candidates,
    via: best <= Rank.EnglishName ? 'name' : 'alias',
    abbrev: top.every((claim) => claim.abbrev)
  }
}

/** The name index for one locale, built on first use from CLDR and i18n-iso-countries. */
export function countryIndex(requested: string): CountryIndex {
  const locale = canonicalLocale(requested)
  const cached = indexCache.get(locale)
  if (cached) return cached

  const claims = collectClaims(locale)
  const entries = new Map<string, NameEntry>()
  const trie = emptyTrie<NameEntry>()
  for (const [key, list] of claims.byKey) {
    const entry = settle(key, list)
    entries.set(key, entry)
    addToTrie(trie, key, entry)
  }

  const index: CountryIndex = {locale, entries, trie, names: claims.names}
  indexCache.set(locale, index)
  return index
}
