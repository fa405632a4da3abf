/**
 * Finds the dates written in a line of an announcement, in any locale, using only CLDR data
 * (field order, month names, the words and punctuation CLDR puts around date fields). There
 * is deliberately no per-locale pattern: the pipeline meets locales the corpus never showed.
 */

import {localeDates, type LocaleDates} from './locale-dates.js'
import {normalizeText} from './normalize-text.js'
import {isDigit, isSpacedLetter, tokenize, type Token} from './tokenize.js'

/** A date written in a line, where it is, and how its day/month order was decided. */
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

const anyDigit = /[\p{Nd}\p{No}]/u
const minYear = 1990
const maxYear = 2099
/** Label words allowed around the date(s) of a date line. */
const maxLabelWords = 3
/** Words allowed between two dates of a date line: fr ", mise à jour le". */
const maxConnectorWords = 4

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

const isYear = (token: Token | undefined): boolean =>
  token?.kind === 'num' &&
  token.text.length === 4 &&
  +token.text >= minYear &&
  +token.text <= maxYear

// A lone 0 is never written for a day or month; it marks a version such as 10.0.2004.
const isDayOrMonth = (token: Token | undefined): boolean =>
  token?.kind === 'num' && token.text.length <= 2 && token.text !== '0'

function monthOf(scan: Scan, token: Token | undefined): number | undefined {
  return token?.kind === 'word' ? scan.data.months.get(token.key) : undefined
}

/** A Markdown backslash escape, as in the de "3\\. April 2020" that stops a list from starting. */
function isEscape(scan: Scan, j: number): boolean {
  return scan.tokens[j]!.text === '\\' && scan.tokens[j + 1]?.kind === 'punct'
}

/**
 * Consumes a separator from token `i`: spaces, up to `maxPunct` of the punctuation marks
 * `punct` accepts (dashes always), and at most one word `word` accepts. Returns the index
 * of the next field, or -1 when there is no acceptable separator.
 */
function separator(
  scan: Scan,
  i: number,
  maxPunct: number,
  punct: ReadonlySet<string>,
  word: (token: Token) => boolean
): number {
  let punctuation = 0
  let words = 0
  let j = i
  for (; j < scan.tokens.length; j++) {
    const token = scan.tokens[j]!
    if (token.kind === 'space' || isEscape(scan, j)) continue
    if (token.kind === 'punct' && (punct.has(token.text) || /^\p{Pd}$/u.test(token.text))) {
      if (++punctuation > maxPunct) return -1
    } else if (token.kind === 'word' && word(token)) {
      if (++words > 1) return -1
    } else break
  }
  return j > i ? j : -1
}

/**
 * The separator between two numeric fields: one punctuation mark and at most one CLDR
 * date word (2020 年 11, 2020. 11., 08/09-2020).
 */
function numericSeparator(scan: Scan, i: number): number {
  return separator(scan, i, 1, scan.data.numericPunct, (token) =>
    scan.data.dateWords.has(token.key)
  )
}

/**
 * The separator around a month name: up to two punctuation marks and one CLDR date word
 * (gada, m) or, unless `strict`, short filler word (de, del, er, th).
 */
function nameSeparator(scan: Scan, i: number, strict = false): number {
  return separator(scan, i, 2, scan.data.namePunct, (token) =>
    strict ? scan.data.dateWords.has(token.key) : isFiller(scan, token)
  )
}

function isFiller(scan: Scan, token: Token): boolean {
  if (scan.data.dateWords.has(token.key)) return true
  return !token.cjk && Array.from(token.text).length <= 3 && !scan.data.months.has(token.key)
}

/** A numeric date with the year last: which of the two numbers is the day. */
function yearLast(scan: Scan, first: number, second: number, year: number, last: number): Parts {
  const dayFirst = scan.data.dayBeforeMonth
  let firstIsDay: boolean
  let order: string
  if (first > 12 !== second > 12) {
    firstIsDay = first > 12
    order = firstIsDay === dayFirst ? 'unambiguous' : 'locale-order-contradicted'
  } else {
    firstIsDay = dayFirst
    order = first === second && first <= 12 ? 'unambiguous' : 'locale-order'
  }
  return {
    year,
    month: firstIsDay ? second : first,
    day: firstIsDay ? first : second,
    order,
    last
  }
}

/** The candidate readings of a date starting at token i, most specific first. */
function* candidates(scan: Scan, i: number): Generator<Parts> {
  const tokens = scan.tokens
  const first = tokens[i]!
  if (isYear(first)) {
    const year = +first.text
    const monthAt = numericSeparator(scan, i + 1)
    const dayAt = monthAt < 0 ? -1 : numericSeparator(scan, monthAt + 1)
    if (isDayOrMonth(tokens[monthAt]) && isDayOrMonth(tokens[dayAt])) {
      yield {
        year,
        month: +tokens[monthAt]!.text,
        day: +tokens[dayAt]!.text,
        order: 'year-first',
        last: dayAt
      }
    }
    // hu 2021. február 12., lt 2021 m. vasario 12 d., lv 2021. gada 12. februāris: only in
    // the order the locale writes long dates, and without generic filler words.
    const order = scan.data.yearFirstLong
    if (order === null) return
    const secondAt = nameSeparator(scan, i + 1, true)
    const thirdAt = secondAt < 0 ? -1 : nameSeparator(scan, secondAt + 1, true)
    const [nameAt, numberAt] = order === 'month-day' ? [secondAt, thirdAt] : [thirdAt, secondAt]
    const month = monthOf(scan, tokens[nameAt])
    if (month !== undefined && isDayOrMonth(tokens[numberAt])) {
      yield {year, month, day: +tokens[numberAt]!.text, order: 'month-name', last: thirdAt}
    }
  } else if (isDayOrMonth(first)) {
    const secondAt = numericSeparator(scan, i + 1)
    const yearAt = secondAt < 0 ? -1 : numericSeparator(scan, secondAt + 1)
    if (isDayOrMonth(tokens[secondAt]) && isYear(tokens[yearAt])) {
      yield yearLast(scan, +first.text, +tokens[secondAt]!.text, +tokens[yearAt]!.text, yearAt)
    }
    const nameAt = nameSeparator(scan, i + 1)
    const nameYearAt = nameAt < 0 ? -1 : nameSeparator(scan, nameAt + 1)
    const month = monthOf(scan, tokens[nameAt])
    if (month !== undefined && isYear(tokens[nameYearAt])) {
      yield {
        year: +tokens[nameYearAt]!.text,
        month,
        day: +first.text,
        order: 'month-name',
        last: nameYearAt
      }
    }
  } else {
    const month = monthOf(scan, first)
    if (month === undefined) return
    const dayAt = nameSeparator(scan, i + 1)
    const yearAt = dayAt < 0 ? -1 : nameSeparator(scan, dayAt + 1)
    if (isDayOrMonth(tokens[dayAt]) && isYear(tokens[yearAt])) {
      yield {
        year: +tokens[yearAt]!.text,
        month,
        day: +tokens[dayAt]!.text,
        order: 'month-name',
        last: yearAt
      }
    }
  }
}

/** The CLDR text after the last field (日, 일, " г.", hu "."), if present at `pos`. */
function suffixEnd(scan: Scan, pos: number): number {
  let at = pos
  while (scan.text[at] === ' ') at++
  for (const suffix of scan.data.suffixes) {
    const end = at + suffix.length
    if (scan.text.slice(at, end).toLowerCase() !== suffix) continue
    // "г." must not be the start of a word such as "годовой".
    if (/\p{L}$/u.test(suffix) && isSpacedLetter(scan.text[end] ?? '')) continue
    return end
  }
  return pos
}

// A date glued to these is a version, path, GUID or price fragment, not a date.
const joiner = /^[/._\p{Pd}]$/u
const currencySign = /^[\p{Sc}%]$/u

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && (isDigit(ch) || isSpacedLetter(ch))
}

function boundaryBefore(text: string, pos: number): boolean {
  const prev = text[pos - 1]
  if (prev === undefined) return true
  if (isAlnum(prev) || currencySign.test(prev)) return false
  return !(joiner.test(prev) && isAlnum(text[pos - 2]))
}

function boundaryAfter(text: string, pos: number): boolean {
  const next = text[pos]
  if (next === undefined) return true
  if (isAlnum(next) || currencySign.test(next)) return false
  // Not ':' — ja "2020 年 3 月 9 日:30 日前通知" follows the date with a colon and a number.
  return !(joiner.test(next) && isDigit(text[pos + 1] ?? ''))
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toIso({year, month, day}: Parts): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  const pad = (value: number): string => String(value).padStart(2, '0')
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
  if (!anyDigit.test(text)) return []
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
  for (const token of tokenize(normalizeText(text).text)) {
    if (token.cjk) {
      ideographs++
      continue
    }
    flush()
    if (token.kind === 'word' || token.kind === 'num') words++
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
  if (label > maxLabelWords) return false
  for (let k = 1; k < dates.length; k++) {
    if (countWords(text.slice(dates[k - 1]!.end, dates[k]!.start)) > maxConnectorWords) return false
  }
  return true
}
