import type {List, ListItem, RootContent} from 'mdast'
import {findDates, isDateLine, type FoundDate} from '../dates/parse-date.js'
import type {Place, Report} from '../../diagnostics/message.js'
import type {PageView} from '../../page/page-view.js'
import type {Text} from '../../types/entries.js'
import type {KeyedSection} from './section-text.js'

/**
 * The date of an entry is the first bullet of its categories (a few entries have it
 * under the summary instead). In sxs the English side is read too and wins where the
 * two disagree: translation has been seen to change digits, never the English.
 */

export interface Line {
  text: Text
  start: number
  end: number
}

/** An entry's date and update date, as ISO dates, with the line they were read from. */
export interface EntryDate {
  date: string | null
  updated: string | null
  dateText: Text | null
  /** The line the date was read from, so categories can skip it. */
  line: Line | null
}

function range(nodes: RootContent[] | ListItem['children']): [number, number] | undefined {
  const first = nodes[0]
  const last = nodes.at(-1)
  if (!first || !last) return undefined
  return [first.position!.start.offset!, last.position!.end.offset!]
}

/** The bullets of every list among `nodes`, as lines. */
export function bulletLines(page: PageView, nodes: RootContent[]): Line[] {
  const lines: Line[] = []
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of (node as List).children) {
      const span = range(item.children)
      if (!span) {
        const start = item.position!.start.offset!
        lines.push({text: {text: ''}, start, end: start})
        continue
      }

      lines.push({text: page.text(span[0], span[1]), start: span[0], end: span[1]})
    }
  }

  return lines
}

/** Bullets and paragraphs of a section: where a date line may stand. */
function candidateLines(page: PageView, section: KeyedSection): Line[] {
  const lines: Line[] = []
  for (const node of section.nodes) {
    if (node.type === 'list') lines.push(...bulletLines(page, [node]))
    else if (node.type === 'paragraph') {
      const span = range([node])!
      lines.push({text: page.text(span[0], span[1]), start: span[0], end: span[1]})
    }
  }

  return lines
}

function isDateLineOf(line: Line, locale: string): boolean {
  const {text, en} = line.text
  return isDateLine(text, locale) || (en !== undefined && en !== text && isDateLine(en, 'en'))
}

function findDateLine(page: PageView, sections: KeyedSection[], locale: string): Line | undefined {
  const categories = sections.find((section) => section.key === 'categories')
  if (categories) {
    const first = bulletLines(page, categories.nodes)[0]
    if (first && isDateLineOf(first, locale)) return first
  }

  // Then the summary, then any section: the first short line that is a date.
  const ordered = [...sections].sort(
    (a, b) => Number(b.key === 'summary') - Number(a.key === 'summary')
  )
  for (const section of ordered) {
    const line = candidateLines(page, section).find((line) => isDateLineOf(line, locale))
    if (line) return line
  }

  return categories ? bulletLines(page, categories.nodes)[0] : undefined
}

/**
 * Finds an entry's date line (the first bullet of its categories, else a line under its
 * summary) and reads it with the locale's CLDR date patterns.
 */
export function readEntryDate(
  page: PageView,
  heading: Place,
  sections: KeyedSection[],
  locale: string,
  month: string,
  report: Report
): EntryDate {
  const line = findDateLine(page, sections, locale)
  const none: EntryDate = {date: null, updated: null, dateText: null, line: null}
  if (!line) {
    report(
      'date-missing',
      'Entry has no date line: expected a first bullet `Date: YYYY-MM-DD` under Categories',
      heading
    )
    return none
  }

  const place = page.place(line.start)
  const translated = findDates(line.text.text, locale)
  // Text outside sxs segments has no separate English: it is read in the page's locale.
  const hasEnglish = line.text.en !== undefined && line.text.en !== line.text.text
  const english = hasEnglish ? findDates(line.text.en!, 'en') : []
  const dates: FoundDate[] = english.length > 0 ? english : translated

  if (dates.length === 0) {
    if (/\d/.test(line.text.en ?? line.text.text)) {
      report(
        'date-unparsed',
        `Cannot read a date in \`${line.text.en ?? line.text.text}\`: expected YYYY-MM-DD or a date in the page's locale (${locale})`,
        place,
        {actual: line.text.en ?? line.text.text}
      )
      return {...none, dateText: line.text, line}
    }

    report(
      'date-missing',
      'Entry has no date line: expected a first bullet `Date: YYYY-MM-DD` under Categories',
      place
    )
    return none
  }

  const [first, second] = dates as [FoundDate, FoundDate | undefined]
  if (english.length > 0 && translated.length > 0 && translated[0]!.iso !== first.iso) {
    report(
      'date-mismatch',
      `Translated date \`${line.text.text}\` (${translated[0]!.iso ?? 'invalid'}) differs from the English \`${line.text.en}\` (${first.iso ?? 'invalid'}): the English wins`,
      place,
      {expected: [first.iso ?? ''], actual: translated[0]!.iso ?? ''}
    )
  }

  if (first.iso === null) {
    report(
      'date-invalid',
      `\`${first.year}-${first.month}-${first.day}\` is not a calendar date: date is null`,
      place,
      {actual: line.text.en ?? line.text.text}
    )
  } else if (first.iso.slice(0, 7) !== month) {
    report(
      'date-outside-month',
      `Date ${first.iso} is outside the page's month ${month}; kept`,
      place
    )
  }

  return {date: first.iso, updated: second?.iso ?? null, dateText: line.text, line}
}
