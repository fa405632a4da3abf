import type {Report} from '../../diagnostics/message.js'
import type {KeyedSection} from '../entries/section-text.js'
import type {PageView} from '../../page/page-view.js'
import type {CountryRule} from '../../types/country-rules.js'
import type {Entry, Text} from '../../types/entries.js'
import type {Table} from '../../types/tables.js'
import {countryByName} from './country-by-name.js'
import {parseDigitRule} from './digit-rule.js'
import {findCountries} from './find-countries.js'
import {isCountryCode} from './iso-countries.js'
import {maskLinks} from './mask-links.js'
import {decideScope} from './scope-decision.js'
import {sectionPieces, type Piece} from './section-pieces.js'

/**
 * Country rules: requirement rows of country tables (country, area, identifier
 * lengths, native field name), and the countries and regions an entry's lists name.
 * Countries are identified from data (ISO 3166, CLDR names via Intl, aliases); a code
 * damaged by translation is repaired from the name in the same row where it matches.
 */

type Base = Pick<CountryRule, 'entryKey' | 'entryId' | 'locale' | 'flavour' | 'month'>

function baseOf(record: Entry | Table): Base {
  const entryKey = 'entryKey' in record ? record.entryKey : record.key
  const entryId = 'entryId' in record ? record.entryId : record.id
  return {entryKey, entryId, locale: record.locale, flavour: record.flavour, month: record.month}
}

function english(cell: Text | undefined): string {
  return cell ? (cell.en ?? cell.text).trim() : ''
}

/**
 * One requirement rule per row of a country table: the country (by name where the code
 * disagrees with it, reported), its area, identifier lengths, field name and comment. A row
 * whose country cannot be identified is reported and counted, not emitted.
 */
export function requirementRules(
  table: Table,
  report: Report
): {rules: CountryRule[]; reported: number} {
  const column = (role: string) => table.columns.findIndex((item) => item.role === role)
  const iso = column('iso-code')
  const name = column('country')
  const area = column('area')
  const digits = column('digits')
  const field = column('field-name')
  const comment = column('comment')
  const rules: CountryRule[] = []
  let reported = 0

  for (const row of table.rows) {
    const place = {line: row.line, column: 1}
    const nameCell = row.cells[name]
    const nameLocale = nameCell?.en === undefined ? table.locale : 'en'
    const byName = nameCell ? countryByName(english(nameCell), nameLocale) : null
    const code = english(row.cells[iso]).toUpperCase()
    let country: string | null = isCountryCode(code) ? code : null

    if (byName && country !== byName.code) {
      if (iso !== -1) {
        report(
          'country-code-repaired',
          `ISO code \`${english(row.cells[iso])}\` does not match \`${english(nameCell)}\`: repaired to ${byName.code}`,
          place,
          {expected: [byName.code], actual: english(row.cells[iso])}
        )
      }

      country = byName.code
    }

    if (!country) {
      reported++
      report(
        'country-unresolved',
        `Cannot identify the country of \`${row.cells.map((cell) => cell.text).join(' | ')}\`: not a known ISO code or country name`,
        place
      )
      continue
    }

    const rule: CountryRule = {
      ...baseOf(table),
      kind: 'requirement',
      country,
      region: area === -1 ? null : english(row.cells[area]) || null,
      section: table.section,
      source: {file: table.source.file, line: row.line}
    }
    if (nameCell) rule.name = nameCell
    const digitCell = row.cells[digits]
    if (digitCell) {
      const parsed = parseDigitRule(english(digitCell), table.locale)
      if (parsed) Object.assign(rule, parsed)
      else if (digitCell.text) {
        report('digits-unparsed', `No identifier length in \`${digitCell.text}\``, place)
      }
    }

    const fieldCell = row.cells[field]
    if (fieldCell?.text) rule.fieldName = fieldCell.text
    const commentCell = row.cells[comment]
    if (commentCell) rule.comment = commentCell
    rules.push(rule)
  }

  return {rules, reported}
}

/**
 * The same paragraphs recur across months, flavours and — on the English side of sxs
 * pages — across locales: their countries are looked up once.
 */
const memo = new Map<string, ReturnType<typeof findCountries>>()
const memoLimit = 20_000

function findCountriesOnce(text: string, locale: string): ReturnType<typeof findCountries> {
  const key = `${locale}\0${text}`
  let found = memo.get(key)
  if (!found) {
    if (memo.size >= memoLimit) memo.clear()
    found = findCountries(text, locale)
    memo.set(key, found)
  }

  return found
}

/**
 * The longest source text a record keeps. A list of 240 countries in one paragraph gave
 * each of its 240 records the whole list, 15 MB of the corpus's 26 MB of country rules
 * and a change in every record when one item changed; its beginning (the lead-in: what
 * the list is for) is what a reader checks, and `name` holds the place as written.
 */
const maxSourceText = 600

function cut(text: string): string {
  if (text.length <= maxSourceText) return text
  const end = text.lastIndexOf(' ', maxSourceText)
  return `${text.slice(0, end > maxSourceText / 2 ? end : maxSourceText).trimEnd()} …`
}

/** A record's source text: the piece as written, cut after its first 600 characters. */
function excerpt(text: Text): Text {
  return text.en === undefined ? {text: cut(text.text)} : {text: cut(text.text), en: cut(text.en)}
}

/** A text to look for countries in: the English where the page has it, links blanked. */
function searchable(text: Text, locale: string): {value: string; locale: string} {
  return text.en === undefined
    ? {value: maskLinks(text.text), locale}
    : {value: maskLinks(text.en), locale: 'en'}
}

/**
 * Sections that route questions (`questions`, `contact`, `support`): the places they name
 * say whom to ask, not where the announcement applies. Section keys are the page's English
 * anchors, the same in every locale.
 */
const routingSection = /(?:^|-)(?:questions?|contacts?|support|help)(?:-|$)/

/**
 * The countries, regions and exclusions an entry's text says it applies to: from its sections'
 * paragraphs and list items (read in the English where the page has it) and from multi-line
 * cells of tables other than country tables. One record per kind and place, the first time
 * the entry names it, with the paragraph, item or cell it was read in; an item of such a
 * list that names no known place is reported (`place-unresolved`).
 */
export function scopeRules(
  page: PageView,
  entry: Entry,
  sections: KeyedSection[],
  tables: Table[],
  report: Report
): CountryRule[] {
  const rules: CountryRule[] = []
  const seen = new Set<string>()
  const add = (rule: CountryRule) => {
    const id = `${rule.kind} ${rule.country ?? rule.region}`
    if (seen.has(id)) return
    seen.add(id)
    rules.push(rule)
  }

  const consider = (piece: Piece, section: string, listItem: boolean) => {
    const {value, locale} = searchable(piece.text, entry.locale)
    const found = findCountriesOnce(value, locale)
    if (found.countries.length === 0 && found.regions.length === 0) return
    const leadIn = piece.leadIn ? searchable(piece.leadIn, entry.locale).value : undefined
    const decided = decideScope(found, value, {isListItem: listItem, leadIn, locale})
    // Items of a list that gave records, that name no place Herald knows: said, not dropped.
    if (decided.length > 0) {
      for (const item of found.unresolved) {
        report(
          'place-unresolved',
          `\`${item.text}\` in a list of places names no known country or region: no record`,
          {line: piece.line, column: 1}
        )
      }
    }

    for (const place of decided) {
      const rule: CountryRule = {
        ...baseOf(entry),
        kind: place.kind,
        country: place.country,
        region: place.region,
        section,
        name: {text: place.mention.text},
        sourceText: excerpt(piece.text),
        source: {file: entry.source.file, line: piece.line}
      }
      if (piece.leadIn) rule.leadIn = piece.leadIn
      add(rule)
    }
  }

  for (const section of sections) {
    if (section.key === 'categories' || routingSection.test(section.key)) continue
    for (const piece of sectionPieces(page, section.nodes))
      consider(piece, section.key, piece.leadIn !== undefined)
  }

  for (const table of tables) {
    if (table.role === 'country-rules') continue
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.text.includes('\n')) consider({text: cell, line: row.line}, table.section, false)
      }
    }
  }

  return rules
}
