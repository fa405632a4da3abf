import type {Report} from '../../diagnostics/message.js'
import {findMaterialIds} from '../identifiers/material-id.js'
import {findOfferIds} from '../identifiers/offer-id.js'
import {parsePrice} from '../identifiers/price.js'
import type {Offer} from '../../types/offers.js'
import type {Table} from '../../types/tables.js'

/**
 * Offers from tables: one record per offer ID in a row of an offers table, and one per
 * row that gives a Material ID without an offer ID (`offerId: null`). Identifiers are
 * validated, never trusted. In sxs the English cell wins where translation changed
 * an ID (it did, 44 GUIDs and 43 Material IDs in the corpus), and a malformed ID is
 * reported with its raw text, never emitted.
 */

const idRoles: Record<string, Offer['role']> = {
  'offer-id': 'offer',
  'promo-offer-id': 'promo',
  'standard-offer-id': 'standard'
}

/** What became of the rows and of the GUID-shaped strings in the offer-ID columns. */
export interface OfferCounts {
  rows: number
  rowsExtracted: number
  rowsReported: number
  guidOffers: number
  guidsReported: number
}

type Cell = Table['rows'][number]['cells'][number]

function validIds(text: string): string[] {
  return [...new Set(findOfferIds(text).flatMap((match) => (match.offerId ? [match.offerId] : [])))]
}

/** The Material ID of a cell (the English one where it differs), with its reports. */
export function readMaterialId(
  cell: Cell | undefined,
  place: {line: number; column: number},
  report: Report
): string | null {
  if (!cell) return null
  const english = cell.en === undefined ? undefined : findMaterialIds(cell.en)[0]
  const translated = findMaterialIds(cell.text)[0]
  const chosen = english ?? translated
  if (!chosen) return null
  if (english && translated && english.materialId !== translated.materialId) {
    report(
      'material-id-translated',
      `Material ID \`${translated.raw}\` in the translation differs from the English \`${english.raw}\`: the English wins`,
      place,
      {expected: [english.materialId], actual: translated.raw}
    )
  }

  if (chosen.normalized) {
    report(
      'material-id-normalized',
      `Material ID \`${chosen.raw}\` normalised to \`${chosen.materialId}\``,
      place,
      {
        actual: chosen.raw
      }
    )
  }

  return chosen.materialId
}

/** The offer records of an offers table, and what became of its rows. */
export function extractOffers(
  table: Table,
  report: Report
): {offers: Offer[]; counts: OfferCounts} {
  const offers: Offer[] = []
  const counts: OfferCounts = {
    rows: 0,
    rowsExtracted: 0,
    rowsReported: 0,
    guidOffers: 0,
    guidsReported: 0
  }
  const idColumns = table.columns.flatMap((column, index) => (idRoles[column.role] ? [index] : []))
  const nameColumn = table.columns.findIndex((column) => column.role === 'offer-name')
  const materialColumn = table.columns.findIndex((column) => column.role === 'material-id')
  const otherColumns = table.columns.flatMap((column, index) =>
    idColumns.includes(index) || index === nameColumn || index === materialColumn ? [] : [index]
  )

  table.rows.forEach((row, rowIndex) => {
    counts.rows++
    const place = {line: row.line, column: 1}
    const found: Array<{offerId: string; role: Offer['role']}> = []
    let malformed = 0

    for (const index of idColumns) {
      const cell = row.cells[index]
      if (!cell) continue
      const role = idRoles[table.columns[index]!.role]!
      const english = cell.en === undefined ? undefined : findOfferIds(cell.en)
      const translated = findOfferIds(cell.text)
      const chosen = english ?? translated

      if (english) {
        const en = validIds(cell.en!)
        const tr = validIds(cell.text)
        if (en.join() !== tr.join()) {
          report(
            'offer-id-translated',
            `Offer ID \`${cell.text}\` in the translation differs from the English \`${cell.en}\`: the English wins`,
            place,
            {expected: en, actual: cell.text}
          )
        }
      }

      for (const match of chosen) {
        if (match.offerId === null) {
          malformed++
          counts.guidsReported++
          report(
            'offer-id-malformed',
            `Malformed offer ID \`${match.raw}\`: expected a GUID (8-4-4-4-12 hex digits); not emitted`,
            place,
            {actual: match.raw}
          )
        } else {
          counts.guidOffers++
          if (!found.some((item) => item.offerId === match.offerId && item.role === role)) {
            found.push({offerId: match.offerId, role})
          }
        }
      }
    }

    // A row with a Material ID and no offer ID still names a product: a record without
    // an offer ID. A row whose offer ID is damaged is reported instead: its record would
    // claim the product has no offer ID.
    const materialId =
      found.length === 0 && malformed > 0
        ? null
        : readMaterialId(row.cells[materialColumn], place, report)
    if (found.length === 0 && materialId === null) {
      counts.rowsReported++
      if (row.cells.every((cell) => cell.text === '')) {
        report('table-row-empty', `Row ${rowIndex + 1} of an offers table is empty`, place)
      } else if (malformed === 0) {
        report(
          'offer-row-without-id',
          `Row ${rowIndex + 1} of an offers table has no offer ID: \`${row.cells.map((cell) => cell.text).join(' | ')}\``,
          place
        )
      }

      return
    }

    counts.rowsExtracted++
    const name = nameColumn === -1 ? null : (row.cells[nameColumn] ?? null)
    const columns: Offer['columns'] = {}
    const prices: Offer['prices'] = []
    for (const index of otherColumns) {
      const cell = row.cells[index]
      if (!cell) continue
      const column = table.columns[index]!
      columns[column.key] = cell
      if (column.role === 'price') {
        const price = parsePrice(cell.en ?? cell.text, cell.en === undefined ? table.locale : 'en')
        if (price) prices.push({column: column.key, ...price})
      }
    }

    const ids: Array<{offerId: string | null; role: Offer['role']}> =
      found.length > 0 ? found : [{offerId: null, role: 'offer'}]
    for (const {offerId, role} of ids) {
      offers.push({
        entryKey: table.entryKey,
        entryId: table.entryId,
        locale: table.locale,
        flavour: table.flavour,
        month: table.month,
        origin: 'table',
        table: table.ordinal,
        row: rowIndex + 1,
        role,
        offerId,
        materialId,
        name,
        columns,
        prices,
        source: {file: table.source.file, line: row.line, column: 1}
      })
    }
  })

  return {offers, counts}
}
