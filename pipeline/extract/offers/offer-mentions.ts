import type {List, Table as TableNode} from 'mdast'
import type {Report} from '../../diagnostics/message.js'
import type {PageView} from '../../page/page-view.js'
import type {Entry} from '../../types/entries.js'
import type {Offer} from '../../types/offers.js'
import type {Table} from '../../types/tables.js'
import {findMaterialIds, type MaterialIdMatch} from '../identifiers/material-id.js'
import {findOfferIds, type OfferIdMatch} from '../identifiers/offer-id.js'
import {labelAfter, labelBefore} from './offer-label.js'
import type {TextUnit} from './text-units.js'
import {insideRanges, urlRanges} from './url-ranges.js'

/**
 * Offers an entry names outside the offer-ID columns of its tables: in list items
 * (`name | GUID`, `name: GUID`, `GUID (name)`, a GUID alone under a lead-in), in running
 * text ("… was: Microsoft 365 E3 for unattended license: ec3ac2d1-…") and in the other
 * cells of its tables. Every GUID-shaped string is accounted for: an offer ID, a link
 * parameter (inside a URL: it stays in the entry's `links`), or reported as malformed.
 *
 * One record per offer ID per entry: the tables' records come first and a later mention
 * of an ID the entry has recorded adds nothing (it is counted, not repeated). A list item
 * or a table cell that gives a Material ID and no offer ID is a record with `offerId:
 * null`, once per Material ID; in a list that describes one offer (one item with its
 * offer ID, another with its Material ID) the Material ID joins that offer's record.
 */

/** What became of the GUID-shaped strings of the units read. */
export interface GuidCounts {
  guids: number
  guidOffers: number
  guidLinks: number
  guidsReported: number
}

const idRoles = new Set(['offer-id', 'promo-offer-id', 'standard-offer-id'])

interface Candidate {
  offer: Offer
  list: List | null
}

/** A table of the entry: its node in the tree and its record. */
export interface EntryTable {
  node: TableNode
  record: Table
}

/** The identifiers of a string: GUID-shaped strings, URLs and Material IDs outside both. */
interface Scanned {
  guids: OfferIdMatch[]
  urls: Array<[number, number]>
  materials: MaterialIdMatch[]
}

function scan(text: string): Scanned {
  const guids = findOfferIds(text)
  const urls = urlRanges(text)
  const guidRanges = guids.map((match): [number, number] => [match.start, match.end])
  const materials = findMaterialIds(text).filter(
    (match) =>
      !insideRanges(urls, match.start, match.end) &&
      !insideRanges(guidRanges, match.start, match.end)
  )
  return {guids, urls, materials}
}

/** The valid IDs of a scanned string that are not inside a URL, in order. */
function offerIdsOf(scanned: Scanned): OfferIdMatch[] {
  return scanned.guids.filter(
    (match) => match.offerId !== null && !insideRanges(scanned.urls, match.start, match.end)
  )
}

/** Index of the first match of each identifier. */
function firstIndexes<T>(matches: readonly T[], id: (match: T) => string): Map<string, number> {
  const indexes = new Map<string, number>()
  matches.forEach((match, index) => {
    if (!indexes.has(id(match))) indexes.set(id(match), index)
  })
  return indexes
}

/** The label of the `index`-th match of a string: before it, or in the parenthesis after it. */
function labelOf(
  text: string,
  matches: ReadonlyArray<{start: number; end: number}>,
  index: number
): string | null {
  const match = matches[index]!
  const from = index > 0 ? matches[index - 1]!.end : 0
  return labelBefore(text, from, match.start) ?? labelAfter(text, match.end)
}

/** `{text, en}` of a name from the translated and English labels. */
function nameOf(text: string | null, en: string | null | undefined): Offer['name'] {
  if (text === null) return null
  return en === undefined || en === null ? {text} : {text, en}
}

/** The offer records of an entry's mentions, after `recorded` (its table records). */
export function offerMentions(
  page: PageView,
  entry: Entry,
  units: readonly TextUnit[],
  tables: readonly EntryTable[],
  recorded: readonly Offer[],
  report: Report
): {offers: Offer[]; counts: GuidCounts} {
  const counts: GuidCounts = {guids: 0, guidOffers: 0, guidLinks: 0, guidsReported: 0}
  const tableOf = new Map(tables.map((table) => [table.node, table.record]))
  const knownIds = new Set(recorded.flatMap((offer) => (offer.offerId ? [offer.offerId] : [])))
  const knownMaterials = new Set(
    recorded.flatMap((offer) => (offer.materialId ? [offer.materialId] : []))
  )
  const candidates: Candidate[] = []

  const record = (
    unit: TextUnit,
    offerId: string | null,
    materialId: string | null,
    name: Offer['name'],
    place: {line: number; column: number}
  ): Offer => ({
    entryKey: entry.key,
    entryId: entry.id,
    locale: entry.locale,
    flavour: entry.flavour,
    month: entry.month,
    origin: unit.origin,
    table: unit.table ? tableOf.get(unit.table.node)!.ordinal : null,
    row: unit.table?.row ?? null,
    role: 'offer',
    offerId,
    materialId,
    name,
    columns: {},
    prices: [],
    source: {file: entry.source.file, line: place.line, column: place.column}
  })

  for (const unit of units) {
    const table = unit.table ? tableOf.get(unit.table.node) : undefined
    // The offer-ID and Material-ID columns of an offers table are read row by row by the
    // table extractor; only its other cells are read here.
    const role = table?.columns[unit.table!.column]?.role
    const offersRow = table?.role === 'offers' && unit.table!.row !== null
    if (offersRow && role !== undefined && idRoles.has(role)) continue

    const shown = page.text(unit.start, unit.end)
    const english = shown.en
    const chosen = english ?? shown.text
    const scanned = scan(chosen)
    const translatedScan = english === undefined ? scanned : scan(shown.text)
    // Where an identifier is in the file: searched forward in the unit's own text, once.
    let raw: string | undefined
    let cursor = 0
    const placeOf = (needle: string): {line: number; column: number} => {
      raw ??= page.view.slice(unit.start, unit.end).toLowerCase()
      let at = raw.indexOf(needle.toLowerCase(), cursor)
      if (at === -1) at = raw.indexOf(needle.toLowerCase())
      if (at !== -1) cursor = at + needle.length
      return page.place(unit.start + Math.max(at, 0))
    }

    const ids: OfferIdMatch[] = []
    for (const match of scanned.guids) {
      counts.guids++
      if (insideRanges(scanned.urls, match.start, match.end)) counts.guidLinks++
      else if (match.offerId === null) {
        counts.guidsReported++
        report(
          'offer-id-malformed',
          `Malformed offer ID \`${match.raw}\`: expected a GUID (8-4-4-4-12 hex digits); not emitted`,
          placeOf(match.raw),
          {actual: match.raw}
        )
      } else {
        counts.guidOffers++
        ids.push(match)
      }
    }

    const translatedIds = english === undefined ? ids : offerIdsOf(translatedScan)
    if (english !== undefined) {
      const en = [...new Set(ids.map((match) => match.offerId!))]
      const tr = [...new Set(translatedIds.map((match) => match.offerId!))]
      if (en.join() !== tr.join()) {
        report(
          'offer-id-translated',
          `Offer IDs \`${tr.join(', ')}\` in the translation differ from the English \`${en.join(', ')}\`: the English wins`,
          page.place(unit.start),
          {expected: en, actual: tr.join(', ')}
        )
      }
    }

    const materials = offersRow ? [] : scanned.materials
    const translatedMaterials = offersRow ? [] : translatedScan.materials
    if (english !== undefined) {
      materials.forEach((match, index) => {
        const translated = translatedMaterials[index]
        if (translated && translated.materialId !== match.materialId) {
          report(
            'material-id-translated',
            `Material ID \`${translated.raw}\` in the translation differs from the English \`${match.raw}\`: the English wins`,
            placeOf(translated.raw),
            {expected: [match.materialId], actual: translated.raw}
          )
        }
      })
    }

    const added: Offer[] = []
    const translatedIdIndex = firstIndexes(translatedIds, (match) => match.offerId!)
    ids.forEach((match, index) => {
      const offerId = match.offerId!
      if (knownIds.has(offerId)) return
      knownIds.add(offerId)
      const translatedIndex = translatedIdIndex.get(offerId) ?? -1
      const text =
        translatedIndex === -1 ? null : labelOf(shown.text, translatedIds, translatedIndex)
      const en = english === undefined ? undefined : labelOf(english, ids, index)
      const offer = record(unit, offerId, null, nameOf(text, en), placeOf(offerId))
      added.push(offer)
      candidates.push({offer, list: unit.list})
    })

    if (materials.length === 0) continue
    const first = materials[0]!
    if (ids.length > 0) {
      // An ID and a Material ID in one item or sentence belong together.
      if (added.length === 1 && !knownMaterials.has(first.materialId)) {
        added[0]!.materialId = first.materialId
        knownMaterials.add(first.materialId)
      }

      continue
    }

    // Running text that mentions a Material ID alone says nothing about an offer record.
    if (unit.origin === 'text') continue
    const translatedMaterialIndex = firstIndexes(translatedMaterials, (match) => match.materialId)
    materials.forEach((match, index) => {
      if (knownMaterials.has(match.materialId)) return
      knownMaterials.add(match.materialId)
      const at = translatedMaterialIndex.get(match.materialId) ?? index
      const text = translatedMaterials[at] ? labelOf(shown.text, translatedMaterials, at) : null
      const en = english === undefined ? undefined : labelOf(english, materials, index)
      candidates.push({
        offer: record(unit, null, match.materialId, nameOf(text, en), placeOf(match.raw)),
        list: unit.list
      })
    })
  }

  return {offers: joinPropertyLists(candidates), counts}
}

/**
 * A list of one offer's properties (`- Offer ID: …`, `- Material ID: …`) gives one record:
 * where a list has exactly one new offer ID without a Material ID and exactly one
 * Material-ID-only item, the Material ID joins the offer's record.
 */
function joinPropertyLists(candidates: readonly Candidate[]): Offer[] {
  const byList = new Map<List, Candidate[]>()
  for (const candidate of candidates) {
    if (candidate.list)
      byList.set(candidate.list, [...(byList.get(candidate.list) ?? []), candidate])
  }

  const joined = new Set<Offer>()
  for (const members of byList.values()) {
    const withId = members.filter((member) => member.offer.offerId !== null)
    const materialOnly = members.filter((member) => member.offer.offerId === null)
    if (withId.length !== 1 || materialOnly.length !== 1) continue
    const target = withId[0]!.offer
    if (target.materialId !== null) continue
    target.materialId = materialOnly[0]!.offer.materialId
    joined.add(materialOnly[0]!.offer)
  }

  return candidates.map((candidate) => candidate.offer).filter((offer) => !joined.has(offer))
}
