import {countryByName} from '../countries/country-by-name.js'
import {parseDigitRule} from '../countries/digit-rule.js'
import {findCountries} from '../countries/find-countries.js'
import {isCountryCode} from '../countries/iso-countries.js'
import {findMaterialIds} from '../identifiers/material-id.js'
import {findOfferIds} from '../identifiers/offer-id.js'
import {currencyOf, parsePrice} from '../identifiers/price.js'
import type {Column} from '../../types/tables.js'
import {slugify} from '../entries/section-keys.js'
import type {ReadTable} from './read-table.js'

/**
 * What each column of a table holds. The English header decides where the page has
 * one (sxs); otherwise the cells do — GUIDs, Material IDs, ISO codes, digit rules,
 * prices, country names — never a list of header words per locale.
 */

export type Role = Column['role']

/**
 * English header words → role; the first rule whose test passes wins. Headers seen in
 * the pages: "Offer name", "Offer display name", "Promo Offer GUID", "Material ID",
 * "ISO country code", "Field character requirements", "A14-Area"…
 */
const headerRules: Array<[(words: string[], label: string) => boolean, Role]> = [
  [(words) => words.some((word) => word.startsWith('promo')) && hasId(words), 'promo-offer-id'],
  [(words) => words.includes('standard') && hasId(words), 'standard-offer-id'],
  [
    (words, label) =>
      label.includes('offer id') || label.includes('offerid') || words.includes('guid'),
    'offer-id'
  ],
  [(_, label) => label.includes('material id'), 'material-id'],
  [(_, label) => label.includes('provisioning id'), 'provisioning-id'],
  [(words) => words.includes('currency'), 'currency'],
  [(words) => words.includes('iso'), 'iso-code'],
  [(words) => words.includes('area'), 'area'],
  [(words, label) => label.includes('character requirement') || words.includes('digits'), 'digits'],
  [(_, label) => label.includes('field name'), 'field-name'],
  [
    (words) => words.some((word) => word.startsWith('comment')) || words.includes('translation'),
    'comment'
  ],
  [
    (_, label) =>
      ['country', 'countries', 'market', 'markets', 'country or region'].includes(label),
    'country'
  ],
  [(words) => words.some((word) => word.startsWith('name')), 'offer-name'],
  [(words) => words.includes('price'), 'price']
]

function hasId(words: string[]): boolean {
  return words.includes('guid') || words.includes('id')
}

function roleFromHeader(english: string): Role | undefined {
  const label = english
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  if (!label) return undefined
  const words = label.split(' ')
  for (const [test, role] of headerRules) if (test(words, label)) return role
  return 'text'
}

/** A role every non-empty cell of the column (at least half of them, at least one) agrees on. */
function roleFromCells(cells: string[], locale: string): Role {
  const values = cells.filter(Boolean)
  if (values.length === 0) return 'text'
  const share = (test: (value: string) => boolean) => values.filter(test).length / values.length
  if (share((value) => findOfferIds(value).length > 0) >= 0.5) return 'offer-id'
  if (share((value) => findMaterialIds(value).length > 0) >= 0.5) return 'material-id'
  if (share((value) => /^[A-Z]{2}$/.test(value) && isCountryCode(value)) >= 0.5) return 'iso-code'
  // `GBP`, `EUR`: a currency column, never a name (before the digit rules: `EUR` is no rule).
  if (share((value) => currencyOf(value, locale) !== null) >= 0.5) return 'currency'
  if (share((value) => parseDigitRule(value, locale) !== null) >= 0.5) return 'digits'
  if (share((value) => parsePrice(value, locale) !== null) >= 0.5) return 'price'
  if (share((value) => countryByName(value, locale) !== null) >= 0.5) return 'country'
  if (share((value) => findCountries(value, locale).regions.length === 1) >= 0.5) return 'area'
  return 'text'
}

/**
 * The key and role of each column: from the English header where the page has one,
 * otherwise from what the cells hold.
 */
export function columnRoles(table: ReadTable, locale: string): Column[] {
  const width = table.header.length
  const roles: Role[] = []
  const fromCells = new Set<number>()
  for (let index = 0; index < width; index++) {
    const english = table.header[index]!.en
    const cells = table.rows.map((row) => row.cells[index]?.text ?? '')
    const fromHeader = english === undefined ? undefined : roleFromHeader(english)
    if (fromHeader && fromHeader !== 'text') roles.push(fromHeader)
    else if (table.noLocColumns.has(index)) roles.push('field-name')
    else {
      roles.push(roleFromCells(cells, locale))
      fromCells.add(index)
    }
  }

  const isId = (role: Role): boolean => role.endsWith('offer-id') || role === 'material-id'
  const hasIds = roles.some(isId)
  for (const index of fromCells) {
    // Product names hold numbers (`Microsoft 365 F1`, `Visio Plan 1`) that read as digit
    // rules: a table of offers has no digit rules. A header left in English in a page
    // without English (`Offer name`, `Currency`) still says what its column holds.
    if (hasIds && roles[index] === 'digits') roles[index] = 'text'
    if (roles[index] === 'text' && table.header[index]!.en === undefined) {
      const header = roleFromHeader(table.header[index]!.text)
      if (header && header !== 'text') roles[index] = header
    }
  }

  // Without a name header, the name of an offer is the nearest text column before its
  // first ID (an offer ID, or a Material ID in tables that have none), or else the first
  // one after it (`SKU | Description | Program`).
  const firstId = roles.findIndex(isId)
  if (firstId !== -1 && !roles.includes('offer-name')) {
    const before = roles.slice(0, firstId).lastIndexOf('text')
    const after = roles.indexOf('text', firstId)
    const name = before !== -1 ? before : after
    if (name !== -1) roles[name] = 'offer-name'
  }

  const seen = new Map<string, number>()
  return roles.map((role, index) => {
    const english = table.header[index]!.en
    const base = role !== 'text' ? role : (english && slugify(english)) || `column-${index + 1}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return {key: count > 1 ? `${base}~${count}` : base, role}
  })
}

/**
 * What a table is, from its columns' roles: offers (an ID column), country rules
 * (countries with digit rules), or other.
 */
export function tableRole(columns: Column[]): 'offers' | 'country-rules' | 'other' {
  const roles = new Set(columns.map((column) => column.role))
  if (
    roles.has('offer-id') ||
    roles.has('promo-offer-id') ||
    roles.has('standard-offer-id') ||
    roles.has('material-id')
  )
    return 'offers'
  if (roles.has('digits') && (roles.has('iso-code') || roles.has('country'))) return 'country-rules'
  return 'other'
}
