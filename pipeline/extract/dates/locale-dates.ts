/**
 * Everything the date finder knows about a locale, derived from CLDR through Intl so that
 * locales never seen in the corpus work the same way as the ones that were.
 */

import {normalizeText} from './normalize-text.js'
import {tokenize, type Token} from './tokenize.js'

/** What the date finder knows about one locale. */
export interface LocaleDates {
  /** The locale's numeric date puts the day before the month (fr 24/11, not en-US 11/24). */
  dayBeforeMonth: boolean
  /**
   * Field order after the year when the locale writes long dates year first (hu 2021. február
   * 12. → 'month-day', lv 2021. gada 12. februāris → 'day-month'), else null. Elsewhere a year
   * followed by a day and a month is two unrelated phrases (de "Januar 2020 am 6. Januar").
   */
  yearFirstLong: 'month-day' | 'day-month' | null
  /** Folded month name (format and standalone, long and short) → 1-12. */
  months: ReadonlyMap<string, number>
  /** Folded words CLDR writes between or after date fields: 年 월 г de del gada m d … */
  dateWords: ReadonlySet<string>
  /** Punctuation allowed between the numbers of an all-numeric date. */
  numericPunct: ReadonlySet<string>
  /** Punctuation allowed between the parts of a date with a month name. */
  namePunct: ReadonlySet<string>
  /** What CLDR writes after the last field (日, 일, " г.", "."), longest first. */
  suffixes: readonly string[]
}

type Options = Intl.DateTimeFormatOptions

const numericDate: Options = {year: 'numeric', month: 'numeric', day: 'numeric'}
const twoDigitDate: Options = {year: 'numeric', month: '2-digit', day: '2-digit'}
const longDate: Options = {year: 'numeric', month: 'long', day: 'numeric'}
const shortDate: Options = {year: 'numeric', month: 'short', day: 'numeric'}
// Day + month alone is where CLDR gives the genitive (ru февраля, pl lutego, cs února).
const dayLongMonth: Options = {day: 'numeric', month: 'long'}
const dayShortMonth: Options = {day: 'numeric', month: 'short'}
const standaloneLongMonth: Options = {month: 'long'}
const standaloneShortMonth: Options = {month: 'short'}

const numericFormats = [numericDate, twoDigitDate]
const allFormats = [numericDate, twoDigitDate, longDate, shortDate, dayLongMonth, dayShortMonth]
const monthFormats = [
  longDate,
  shortDate,
  dayLongMonth,
  dayShortMonth,
  standaloneLongMonth,
  standaloneShortMonth
]

const englishLocales = ['en', 'en-GB']

const baseNumericPunct = ['.', '/', '-']
const baseNamePunct = ['.', ',', '/', '-', "'", '’']

// Day 20 can't be mistaken for a month number when reading the parts back.
const sampleDay = (month: number): Date => new Date(Date.UTC(2021, month - 1, 20, 12))

function parts(locale: string, options: Options, date: Date): Intl.DateTimeFormatPart[] {
  // Gregorian and Latin digits: a th-TH page still dates its announcements 2021, not 2564.
  return new Intl.DateTimeFormat(locale, {
    ...options,
    timeZone: 'UTC',
    calendar: 'gregory',
    numberingSystem: 'latn'
  }).formatToParts(date)
}

const wordTokens = (text: string): Token[] =>
  tokenize(normalizeText(text).text).filter((token) => token.kind === 'word')

const punctOf = (text: string): string[] =>
  tokenize(normalizeText(text).text)
    .filter((token) => token.kind === 'punct')
    .map((token) => token.text)

interface Collected {
  months: Map<string, number>
  ambiguous: Set<string>
  dateWords: Set<string>
  numericPunct: Set<string>
  namePunct: Set<string>
  suffixes: Set<string>
}

function addMonth(into: Collected, key: string, month: number): void {
  const known = into.months.get(key)
  if (known === undefined) into.months.set(key, month)
  else if (known !== month) into.ambiguous.add(key)
}

function collectMonths(locale: string, into: Collected): void {
  for (const options of monthFormats) {
    for (let month = 1; month <= 12; month++) {
      const formatted = parts(locale, options, sampleDay(month))
      formatted.forEach((part, index) => {
        if (part.type !== 'month') return
        const words = wordTokens(part.value)
        // "2月", "4월", "tháng 4": the number is the month; the rest is a date word.
        if (/\d/.test(part.value) || words.some((word) => word.cjk)) {
          for (const word of words) into.dateWords.add(word.key)
          return
        }
        const last = words.at(-1)
        if (!last) return
        addMonth(into, last.key, month)
        // A literal glued to the month becomes part of the written word (he 12 באפריל).
        const before = formatted[index - 1]
        const glued = before?.type === 'literal' ? tokenize(before.value).at(-1) : undefined
        if (glued?.kind === 'word' && words.length === 1) {
          addMonth(into, wordTokens(glued.text + part.value)[0]!.key, month)
        }
      })
    }
  }
}

function collectLiterals(locale: string, into: Collected): void {
  for (const options of allFormats) {
    const formatted = parts(locale, options, sampleDay(2))
    for (const part of formatted) {
      if (part.type !== 'literal') continue
      for (const word of wordTokens(part.value)) into.dateWords.add(word.key)
      for (const mark of punctOf(part.value)) {
        into.namePunct.add(mark)
        if (numericFormats.includes(options)) into.numericPunct.add(mark)
      }
    }
    const last = formatted.at(-1)
    if (last?.type === 'literal') {
      const suffix = normalizeText(last.value).text.trim()
      if (suffix) into.suffixes.add(suffix.toLowerCase())
    }
  }
}

function fieldOrder(locale: string, options: Options): string[] {
  return parts(locale, options, sampleDay(2))
    .map((part) => part.type)
    .filter((type) => type === 'year' || type === 'month' || type === 'day')
}

function readLocaleDates(locale: string): LocaleDates {
  const collected: Collected = {
    months: new Map(),
    ambiguous: new Set(),
    dateWords: new Set(),
    numericPunct: new Set(baseNumericPunct),
    namePunct: new Set(baseNamePunct),
    suffixes: new Set()
  }
  collectMonths(locale, collected)
  for (const key of collected.ambiguous) collected.months.delete(key)
  // Translated pages sometimes keep the English date, so English names are always known;
  // the page locale wins where the two disagree.
  // en-GB adds the British abbreviations ("Sept") that the English pages also use.
  const english: Collected = {...collected, months: new Map(), ambiguous: new Set()}
  for (const locale of englishLocales) collectMonths(locale, english)
  for (const [key, month] of english.months) {
    if (!collected.months.has(key) && !collected.ambiguous.has(key))
      collected.months.set(key, month)
  }
  collectLiterals(locale, collected)
  for (const key of collected.months.keys()) collected.dateWords.delete(key)
  const numeric = fieldOrder(locale, numericDate)
  const long = fieldOrder(locale, longDate)
  return {
    dayBeforeMonth: numeric.indexOf('day') < numeric.indexOf('month'),
    yearFirstLong: long[0] !== 'year' ? null : long[1] === 'month' ? 'month-day' : 'day-month',
    months: collected.months,
    dateWords: collected.dateWords,
    numericPunct: collected.numericPunct,
    namePunct: collected.namePunct,
    suffixes: [...collected.suffixes].sort((left, right) => right.length - left.length)
  }
}

const localeDatesCache = new Map<string, LocaleDates>()

/**
 * The date vocabulary of a locale, read from CLDR once per process and cached. Throws
 * RangeError (from Intl) when `locale` is not a well-formed BCP 47 tag.
 */
export function localeDates(locale: string): LocaleDates {
  let data = localeDatesCache.get(locale)
  if (!data) {
    data = readLocaleDates(locale)
    localeDatesCache.set(locale, data)
  }
  return data
}
