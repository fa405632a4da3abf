/**
 * Finds the dates written in a line of an announcement, in any locale, using only CLDR data
 * (field order, month names, the words and punctuation CLDR puts around date fields). There
 * is deliberately no per-locale pattern: the pipeline meets locales the corpus never showed.
 */

import {localeDates, type LocaleDates} from './locale-dates.js'
import {normalizeText} from './normalize-text.js'
import {isDigit, isSpacedLetter, tokenize, type Token} from './tokenize.js'

export interface FoundDate {
  /** ISO YYYY-MM-DD, or null when the parts do not form a real calendar date (e.g. 2021-03-33). */
  iso: string | null
  /** 0-based start/end offsets of the matched date text inside the input string. */
  start: number
  end: number
  /** Year, month, day as read (month/day may be out of range when iso is null). */
  year: number
  month: number
  day: number
  /**
   * How the D/M order was decided: 'year-first' | 'month-name' | 'unambiguous' | 'locale-order'
   * | 'locale-order-contradicted'. A year-last numeric date is 'unambiguous' when one number
   * exceeds 12 in agreement with the locale order, or when both numbers are equal.
   */
  order: string
}

const ANY_DIGIT = /[\p{Nd}\p{No}]/u
const MIN_YEAR = 1990
const MAX_YEAR = 2099
/** Label words allowed around the date(s) of a date line. */
const MAX_LABEL_WORDS = 3
/** Words allowed between two dates of a date line: fr ", mise à jour le". */
const MAX_CONNECTOR_WORDS = 4

interface Scan {
  tokens: Token[]
  text: string
  data: LocaleDates
}

interface Parts {
  year: number
  month: number
  day: number
  order: string
  /** Index of the last token of the date. */
  last: number
}

const isYear = (t: Token | undefined): boolean =>
  t?.kind === 'num' && t.text.length === 4 && +t.text >= MIN_YEAR && +t.text <= MAX_YEAR

// A lone 0 is never written for a day or month; it marks a version such as 10.0.2004.
const isDayOrMonth = (t: Token | undefined): boolean =>
  t?.kind === 'num' && t.text.length <= 2 && t.text !== '0'

function monthOf(scan: Scan, t: Token | undefined): number | undefined {
  return t?.kind === 'word' ? scan.data.months.get(t.key) : undefined
}

/** A Markdown backslash escape, as in the de "3\\. April 2020" that stops a list from starting. */
function isEscape(scan: Scan, j: number): boolean {
  return scan.tokens[j]!.text === '\\' && scan.tokens[j + 1]?.kind === 'punct'
}

/**
 * Consumes the separator between two numeric fields: spaces, one punctuation mark, and at
 * most one CLDR date word (2020 年 11, 2020. 11., 08/09-2020). Returns the index of the next
 * field, or -1 when there is no acceptable separator.
 */
function numericSeparator(scan: Scan, i: number): number {
  let punct = 0
  let words = 0
  let j = i
  for (; j < scan.tokens.length; j++) {
    const t = scan.tokens[j]!
    if (t.kind === 'space' || isEscape(scan, j)) continue
    if (t.kind === 'punct' && (scan.data.numericPunct.has(t.text) || /^\p{Pd}$/u.test(t.text))) {
      if (++punct > 1) return -1
    } else if (t.kind === 'word' && scan.data.dateWords.has(t.key)) {
      if (++words > 1) return -1
    } else break
  }
  return j > i ? j : -1
}

/**
 * Consumes the separator around a month name: spaces, up to two punctuation marks and one
 * CLDR date word (gada, m) or, unless `strict`, short filler word (de, del, er, th).
 */
function nameSeparator(scan: Scan, i: number, strict = false): number {
  let punct = 0
  let words = 0
  let j = i
  for (; j < scan.tokens.length; j++) {
    const t = scan.tokens[j]!
    if (t.kind === 'space' || isEscape(scan, j)) continue
    if (t.kind === 'punct' && (scan.data.namePunct.has(t.text) || /^\p{Pd}$/u.test(t.text))) {
      if (++punct > 2) return -1
    } else if (t.kind === 'word' && (strict ? scan.data.dateWords.has(t.key) : isFiller(scan, t))) {
      if (++words > 1) return -1
    } else break
  }
  return j > i ? j : -1
}

function isFiller(scan: Scan, t: Token): boolean {
  if (scan.data.dateWords.has(t.key)) return true
  return !t.cjk && Array.from(t.text).length <= 3 && !scan.data.months.has(t.key)
}

function yearLast(scan: Scan, a: number, b: number, year: number, last: number): Parts {
  const dayFirst = scan.data.dayBeforeMonth
  let dayIsA: boolean
  let order: string
  if (a > 12 !== b > 12) {
    dayIsA = a > 12
    order = dayIsA === dayFirst ? 'unambiguous' : 'locale-order-contradicted'
  } else {
    dayIsA = dayFirst
    order = a === b && a <= 12 ? 'unambiguous' : 'locale-order'
  }
  return {year, month: dayIsA ? b : a, day: dayIsA ? a : b, order, last}
}

/** The candidate readings of a date starting at token i, most specific first. */
function* candidates(scan: Scan, i: number): Generator<Parts> {
  const tokens = scan.tokens
  const first = tokens[i]!
  if (isYear(first)) {
    const year = +first.text
    const m = numericSeparator(scan, i + 1)
    const d = m < 0 ? -1 : numericSeparator(scan, m + 1)
    if (isDayOrMonth(tokens[m]) && isDayOrMonth(tokens[d])) {
      yield {year, month: +tokens[m]!.text, day: +tokens[d]!.text, order: 'year-first', last: d}
    }
    // hu 2021. február 12., lt 2021 m. vasario 12 d., lv 2021. gada 12. februāris: only in
    // the order the locale writes long dates, and without generic filler words.
    const order = scan.data.yearFirstLong
    if (order === null) return
    const x = nameSeparator(scan, i + 1, true)
    const y = x < 0 ? -1 : nameSeparator(scan, x + 1, true)
    const [monthAt, dayAt] = order === 'month-day' ? [x, y] : [y, x]
    const month = monthOf(scan, tokens[monthAt])
    if (month !== undefined && isDayOrMonth(tokens[dayAt])) {
      yield {year, month, day: +tokens[dayAt]!.text, order: 'month-name', last: y}
    }
  } else if (isDayOrMonth(first)) {
    const b = numericSeparator(scan, i + 1)
    const y = b < 0 ? -1 : numericSeparator(scan, b + 1)
    if (isDayOrMonth(tokens[b]) && isYear(tokens[y])) {
      yield yearLast(scan, +first.text, +tokens[b]!.text, +tokens[y]!.text, y)
    }
    const m = nameSeparator(scan, i + 1)
    const ny = m < 0 ? -1 : nameSeparator(scan, m + 1)
    const month = monthOf(scan, tokens[m])
    if (month !== undefined && isYear(tokens[ny])) {
      yield {year: +tokens[ny]!.text, month, day: +first.text, order: 'month-name', last: ny}
    }
  } else {
    const month = monthOf(scan, first)
    if (month === undefined) return
    const d = nameSeparator(scan, i + 1)
    const y = d < 0 ? -1 : nameSeparator(scan, d + 1)
    if (isDayOrMonth(tokens[d]) && isYear(tokens[y])) {
      yield {year: +tokens[y]!.text, month, day: +tokens[d]!.text, order: 'month-name', last: y}
    }
  }
}

/** The CLDR text after the last field (日, 일, " г.", hu "."), if present at `pos`. */
function suffixEnd(scan: Scan, pos: number): number {
  let p = pos
  while (scan.text[p] === ' ') p++
  for (const suffix of scan.data.suffixes) {
    const end = p + suffix.length
    if (scan.text.slice(p, end).toLowerCase() !== suffix) continue
    // "г." must not be the start of a word such as "годовой".
    if (/\p{L}$/u.test(suffix) && isSpacedLetter(scan.text[end] ?? '')) continue
    return end
  }
  return pos
}

// A date glued to these is a version, path, GUID or price fragment, not a date.
const JOINER = /^[/._\p{Pd}]$/u
const CURRENCY = /^[\p{Sc}%]$/u

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && (isDigit(ch) || isSpacedLetter(ch))
}

function boundaryBefore(text: string, pos: number): boolean {
  const prev = text[pos - 1]
  if (prev === undefined) return true
  if (isAlnum(prev) || CURRENCY.test(prev)) return false
  return !(JOINER.test(prev) && isAlnum(text[pos - 2]))
}

function boundaryAfter(text: string, pos: number): boolean {
  const next = text[pos]
  if (next === undefined) return true
  if (isAlnum(next) || CURRENCY.test(next)) return false
  // Not ':' — ja "2020 年 3 月 9 日:30 日前通知" follows the date with a colon and a number.
  return !(JOINER.test(next) && isDigit(text[pos + 1] ?? ''))
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toIso({year, month, day}: Parts): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * Find every date written in `text` (a line of an announcement), in order of appearance.
 * `locale` is a BCP 47 tag such as 'fr-FR', 'hu-HU', 'ja-JP', 'pt-BR'; it decides D/M vs M/D
 * for ambiguous year-last numeric dates and which month names are known (English ones are
 * always known too). Throws RangeError for a malformed locale tag.
 */
export function findDates(text: string, locale: string): FoundDate[] {
  // Most lines of a page hold no number at all; NFKC only turns \p{No} (①, ²) into digits.
  if (!ANY_DIGIT.test(text)) return []
  const normalized = normalizeText(text)
  const scan: Scan = {
    tokens: tokenize(normalized.text),
    text: normalized.text,
    data: localeDates(locale)
  }
  const found: FoundDate[] = []
  for (let i = 0; i < scan.tokens.length; i++) {
    const first = scan.tokens[i]!
    if (first.kind !== 'num' && first.kind !== 'word') continue
    if (!boundaryBefore(scan.text, first.start)) continue
    for (const parts of candidates(scan, i)) {
      const end = suffixEnd(scan, scan.tokens[parts.last]!.end)
      if (!boundaryAfter(scan.text, end)) continue
      found.push({
        iso: toIso(parts),
        start: normalized.from[first.start]!,
        end: normalized.to[end - 1]!,
        year: parts.year,
        month: parts.month,
        day: parts.day,
        order: parts.order
      })
      while (i + 1 < scan.tokens.length && scan.tokens[i + 1]!.start < end) i++
      break
    }
  }
  return found
}

/** Words in `text`; runs of Han/kana count one word per two characters, as they are unspaced. */
function countWords(text: string): number {
  let words = 0
  let ideographs = 0
  const flush = (): void => {
    words += Math.ceil(ideographs / 2)
    ideographs = 0
  }
  for (const t of tokenize(normalizeText(text).text)) {
    if (t.cjk) {
      ideographs++
      continue
    }
    flush()
    if (t.kind === 'word' || t.kind === 'num') words++
  }
  flush()
  return words
}

/**
 * Does `text` consist of a date plus at most a short label (≤ 3 words, e.g. "Date :",
 * "Datum:", "日付:", "dátum", "Date: …, updated …")? Used to recognise a date line among
 * bullets/paragraphs without per-locale label lists. Between two dates a slightly longer
 * connector is allowed, since translations spell out "updated" (fr ", mise à jour le").
 */
export function isDateLine(text: string, locale: string): boolean {
  const dates = findDates(text, locale)
  const first = dates[0]
  const last = dates.at(-1)
  if (!first || !last) return false
  const label = countWords(text.slice(0, first.start)) + countWords(text.slice(last.end))
  if (label > MAX_LABEL_WORDS) return false
  for (let k = 1; k < dates.length; k++) {
    if (countWords(text.slice(dates[k - 1]!.end, dates[k]!.start)) > MAX_CONNECTOR_WORDS)
      return false
  }
  return true
}
