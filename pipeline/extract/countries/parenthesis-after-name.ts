import type {CountryIndex, NameEntry} from './country-index.js'
import {nameKey} from './fold-text.js'
import type {MentionProblem} from './found-places.js'
import {alpha3Of, isCountryCode} from './iso-countries.js'
import type {Span} from './spans.js'

/** What a name reads as once the parenthesis after it (if any) is taken into account. */
export interface NameReading {
  /** The country, or null when the name stays ambiguous. */
  code: string | null
  /** Where the mention ends: past the parenthesis when it belongs to the name. */
  end: number
  problem: MentionProblem
}

/** Initials of a name's capitalised words: `Democratic Republic of the Congo` → `DRC`. */
function initials(name: string): string {
  return name
    .split(/[\s\-,]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('')
}

/** A country's short forms (`UK`, `USA`) without dots or spaces, as a code slot may hold them. */
function abbreviationsOf(code: string, index: CountryIndex): Set<string> {
  const found = new Set<string>()
  for (const name of index.names.get(code) ?? []) {
    const entry = index.entries.get(nameKey(name))
    if (entry?.abbrev && entry.code === code) found.add(name.replace(/[.\s]/g, ''))
  }
  return found
}

/**
 * What a name and the parenthesis after it say together: `Armenia (AM)`, a damaged code
 * (`Armenia (Har)`), a qualifier (`Congo (DRC)`), or a second name for the same place.
 * `span` is where the name was found in `source`, `raw` its text, `entry` what it matched.
 */
export function readParenthesisAfterName(
  source: string,
  span: Span,
  raw: string,
  entry: NameEntry,
  index: CountryIndex
): NameReading {
  const parenthesis = /[ \t\u00a0\u3000]*[(（]([^()（）\n]{1,40})[)）]/y
  parenthesis.lastIndex = span.end
  const inParens = parenthesis.exec(source)
  if (!inParens) return {code: entry.code, end: span.end, problem: null}
  const content = inParens[1]!.trim()
  const bare = content.replace(/\.$/, '')
  const end = parenthesis.lastIndex
  const code = entry.code

  if (/^[a-z]{2,3}$/i.test(bare) && !/^[A-Z]{3}$/.test(bare)) {
    // A country code after the name; the name is the better witness when they disagree,
    // because translation damages codes (`(Har)` for AM, `(Md)`, `Tj.`), not names.
    const candidates = code ? [code] : entry.candidates
    const confirmed =
      candidates.find((candidate) => candidate === bare) ??
      candidates.find((candidate) => abbreviationsOf(candidate, index).has(bare))
    if (confirmed) return {code: confirmed, end, problem: null}
    if (!code) return {code: null, end, problem: null}
    return {code, end, problem: isCountryCode(bare) ? 'code-name-mismatch' : 'code-repaired'}
  }

  if (/^[A-Z]{3,4}$/.test(bare)) {
    // An upper-case qualifier (`Congo (DRC)`, `Macau (SAR)`) can tell apart countries that
    // share a name word: translation left de `Republik Kongo (DRC)` for the DR Congo.
    const fits = (candidate: string): boolean =>
      alpha3Of(candidate) === bare ||
      (index.names.get(candidate) ?? []).some((name) => initials(name) === bare)
    if (code && fits(code)) return {code, end, problem: null}
    const hitWords = new Set(nameKey(raw).split(' '))
    const sharing = [...index.names.keys()].filter(
      (candidate) =>
        fits(candidate) &&
        (index.names.get(candidate) ?? []).some((name) =>
          nameKey(name)
            .split(' ')
            .some((word) => hitWords.has(word))
        )
    )
    const chosen = entry.candidates.find(fits) ?? (sharing.length === 1 ? sharing[0] : undefined)
    return {code: chosen ?? code, end, problem: null}
  }

  const inner = index.entries.get(nameKey(content))
  if (inner?.code && (inner.code === code || (!code && entry.candidates.includes(inner.code)))) {
    return {code: inner.code, end, problem: null}
  }
  return {code, end: span.end, problem: null}
}
