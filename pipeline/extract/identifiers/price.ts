/** A price as written: its amount, ISO 4217 currency, and what it is per, if said. */
export interface Price {
  amount: number
  currency: string
  unit: string | null
}

interface CurrencyTerm {
  term: string
  code: string
  /** Codes and symbols are written exactly; names change case with the sentence. */
  exact: boolean
}

// Forms the translated pages use that CLDR does not list (it has `доллар США`, `米ドル`):
// the Russian abbreviation and the Japanese `米国ドル` ("U.S. dollar").
const extraTerms: CurrencyTerm[] = [
  {term: 'долл. США', code: 'USD', exact: false},
  {term: 'долл.США', code: 'USD', exact: false},
  {term: '米国ドル', code: 'USD', exact: false}
]

interface CurrencyTerms {
  /** Longest first, keyed by the lower-cased first and last character, so a lookup is a few compares. */
  byFirst: Map<string, CurrencyTerm[]>
  byLast: Map<string, CurrencyTerm[]>
}

const termCache = new Map<string, CurrencyTerms>()

function formatter(
  locale: string,
  options: Intl.NumberFormatOptions
): Intl.NumberFormat | undefined {
  try {
    return new Intl.NumberFormat(locale, options)
  } catch {
    return undefined
  }
}

function currencyPart(
  locale: string,
  code: string,
  display: 'symbol' | 'narrowSymbol' | 'name',
  value: number
): string | undefined {
  const parts = formatter(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: display
  })?.formatToParts(value)
  return parts?.find((part) => part.type === 'currency')?.value
}

/**
 * Every way a locale (or English) writes a currency, from CLDR: ISO 4217 codes, symbols, and
 * names in their plural forms. Longest first, so `US$` wins over `$`.
 */
function currencyTerms(locale: string): CurrencyTerms {
  const cached = termCache.get(locale)
  if (cached) return cached
  const terms = new Map<string, CurrencyTerm>()
  const add = (term: string | undefined, code: string, exact: boolean): void => {
    if (!term) return
    const key = exact ? term : term.toLowerCase()
    // First claim wins: the locale's own symbol before English, full symbols before narrow ones,
    // so `$` is USD rather than whichever dollar comes first alphabetically.
    if (!terms.has(key)) terms.set(key, {term, code, exact})
  }
  const codes = Intl.supportedValuesOf('currency')
  for (const code of codes) add(code, code, true)
  for (const display of ['symbol', 'narrowSymbol'] as const) {
    for (const where of [locale, 'en']) {
      for (const code of codes) {
        const symbol = currencyPart(where, code, display, 1)
        if (symbol && symbol !== code) add(symbol, code, true)
      }
    }
  }
  let names: Intl.DisplayNames | undefined
  try {
    names = new Intl.DisplayNames(locale, {type: 'currency'})
  } catch {
    names = undefined
  }
  const english = new Intl.DisplayNames('en', {type: 'currency'})
  for (const code of codes) {
    add(names?.of(code), code, false)
    add(english.of(code), code, false)
    for (const where of [locale, 'en']) {
      for (const value of [1, 2, 5, 1.5]) add(currencyPart(where, code, 'name', value), code, false)
    }
  }
  for (const extra of extraTerms) add(extra.term, extra.code, extra.exact)
  const byFirst = new Map<string, CurrencyTerm[]>()
  const byLast = new Map<string, CurrencyTerm[]>()
  const longestFirst = [...terms.values()].sort(
    (left, right) => right.term.length - left.term.length
  )
  for (const term of longestFirst) {
    const first = term.term[0]!.toLowerCase()
    const last = term.term[term.term.length - 1]!.toLowerCase()
    byFirst.set(first, [...(byFirst.get(first) ?? []), term])
    byLast.set(last, [...(byLast.get(last) ?? []), term])
  }
  const indexed = {byFirst, byLast}
  termCache.set(locale, indexed)
  return indexed
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch)

function matchesAt(text: string, at: number, term: CurrencyTerm): boolean {
  const slice = text.slice(at, at + term.term.length)
  return term.exact ? slice === term.term : slice.toLowerCase() === term.term.toLowerCase()
}

const oneSpace = /^[ \u00a0\u202f]$/

/** The currency written right before `end` (one space allowed between), and where it starts. */
function currencyBefore(
  text: string,
  end: number,
  terms: CurrencyTerms
): {code: string; start: number} | undefined {
  const to = oneSpace.test(text[end - 1] ?? '') ? end - 1 : end
  for (const term of terms.byLast.get((text[to - 1] ?? '').toLowerCase()) ?? []) {
    const start = to - term.term.length
    if (start < 0 || !matchesAt(text, start, term)) continue
    // `all 15` is not Albanian lek: a term made of letters must not be the tail of a word.
    if (isLetter(term.term[0]) && isLetter(text[start - 1])) continue
    return {code: term.code, start}
  }
  return undefined
}

/** The currency written right after `start` (one space allowed between), and where it ends. */
function currencyAfter(
  text: string,
  start: number,
  terms: CurrencyTerms
): {code: string; end: number} | undefined {
  const from = oneSpace.test(text[start] ?? '') ? start + 1 : start
  for (const term of terms.byFirst.get((text[from] ?? '').toLowerCase()) ?? []) {
    if (!matchesAt(text, from, term)) continue
    const end = from + term.term.length
    // `15 USDs` is not a price, but Japanese and Chinese run the next word on: `50 米国ドルで`.
    if (
      isLetter(term.term[term.term.length - 1]) &&
      isLetter(text[end]) &&
      !/^[\u3040-\u30ff\u4e00-\u9fff]/u.test(text[end] ?? '')
    )
      continue
    return {code: term.code, end}
  }
  return undefined
}

const decimalCache = new Map<string, string>()

function decimalSeparatorOf(locale: string): string {
  let decimal = decimalCache.get(locale)
  if (decimal === undefined) {
    decimal =
      formatter(locale, {})
        ?.formatToParts(1.5)
        .find((part) => part.type === 'decimal')?.value ?? '.'
    decimalCache.set(locale, decimal)
  }
  return decimal
}

/**
 * The value of a written number, by the locale's decimal separator (`12,50` in de is 12.5,
 * `300.000` is 300000). A separator that is not the locale's decimal is still read as one when
 * it cannot be grouping (`€12,50` in an English page), since groups are always three digits.
 */
function amountOf(written: string, decimal: string): number | undefined {
  const runs = written.split(/\D/)
  const seps = written.replace(/\d/g, '')
  if (seps.length === 0) return Number(written)
  const last = seps[seps.length - 1]!
  const lastRun = runs[runs.length - 1]!
  const punctuation = [...new Set(seps.replace(/[^.,]/g, ''))]
  let decimalSep: string | undefined
  if (punctuation.length === 2) decimalSep = last
  else if (
    punctuation.length === 1 &&
    seps.split(last).length === 2 &&
    (last === '.' || last === ',')
  ) {
    decimalSep = last === decimal || lastRun.length !== 3 ? last : undefined
  }
  const integerRuns = decimalSep ? runs.slice(0, -1) : runs
  if (integerRuns.slice(1).some((run) => run.length !== 3)) return undefined
  const integer = integerRuns.join('')
  return Number(decimalSep ? `${integer}.${lastRun}` : integer)
}

// Digit runs joined by grouping or decimal marks; a space groups only a run of exactly three
// digits (`1 000`), so `5 10` stays two numbers. Each repetition starts with a separator, which
// keeps matching linear.
const writtenNumber =
  /(?<!\d)\d+(?:(?:[.,'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*(?<suffix>[kKM](?!\p{L}))?/gu

const unitEnd = /[。！？；;!?|)）\n]|\.(?:\s|$)|\*\*/

/**
 * The first price in text: `USD15`, `15 USD`, `USD50 per device per month`, `$5/OSE/month`,
 * `€12,50`, `12 долл. США`, `15 米国ドル/デバイス/月`, `USD300K`. The unit is what follows the
 * price up to the end of the clause, or null.
 */
export function parsePrice(text: string, locale: string): Price | null {
  const terms = currencyTerms(locale)
  const decimal = decimalSeparatorOf(locale)
  for (const numeral of text.matchAll(writtenNumber)) {
    const suffix = numeral.groups?.suffix ?? ''
    const written = numeral[0].slice(0, numeral[0].length - suffix.length)
    const start = numeral.index
    const numberEnd = start + written.length
    const before = currencyBefore(text, start, terms)
    const after = before ? undefined : currencyAfter(text, numberEnd + suffix.length, terms)
    const currency = before?.code ?? after?.code
    if (!currency) continue
    const value = amountOf(written, decimal)
    if (value === undefined || !Number.isFinite(value)) continue
    const scale = suffix === '' ? 1 : suffix === 'M' ? 1e6 : 1e3
    const rest = text.slice(after ? after.end : numberEnd + suffix.length)
    const clauseEnd = unitEnd.exec(rest)
    const unit = rest.slice(0, clauseEnd ? clauseEnd.index : rest.length).trim()
    return {
      amount: Math.round(value * scale * 1e6) / 1e6,
      currency,
      unit: unit === '' ? null : unit
    }
  }
  return null
}

/**
 * The ISO 4217 code of a text that is only a currency (`GBP`, `€`, `euros`, `долл. США`),
 * written as the locale or English writes it; null for anything else.
 */
export function currencyOf(text: string, locale: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const terms = currencyTerms(locale)
  for (const term of terms.byFirst.get(trimmed[0]!.toLowerCase()) ?? []) {
    if (term.term.length === trimmed.length && matchesAt(trimmed, 0, term)) return term.code
  }

  return null
}
