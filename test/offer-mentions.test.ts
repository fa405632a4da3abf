import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {JsonRecord} from '../pipeline/datasets/definition.js'
import {diffDatasets} from '../pipeline/diff/diff-datasets.js'
import {processPage} from '../pipeline/engine/process-page.js'
import {labelAfter, labelBefore} from '../pipeline/extract/offers/offer-label.js'
import {urlRanges} from '../pipeline/extract/offers/url-ranges.js'
import {fixtureFolder, processFixture} from './helpers/fixtures.js'

const brief = (offer: {
  origin: string
  offerId: string | null
  materialId: string | null
  name: {text: string; en?: string} | null
}) => [offer.origin, offer.offerId, offer.materialId, offer.name]

describe('labels before and after an ID', () => {
  const label = (text: string) => {
    const at = text.indexOf('<ID>')
    return labelBefore(text, 0, at) ?? labelAfter(text, at + 4)
  }

  it('reads `name | ID`, `name: ID`, `name, ID` and `ID (name)`', () => {
    expect(label('Microsoft 365 A5 Compliance for faculty | <ID>')).toBe(
      'Microsoft 365 A5 Compliance for faculty'
    )
    expect(label('**Rest of world:** Business Voice: <ID>')).toBe('Business Voice')
    expect(label('as per the preview price list: Advanced Collaboration, <ID>.')).toBe(
      'Advanced Collaboration'
    )
    expect(label('<ID> (Voice without plan)')).toBe('Voice without plan')
    expect(label('<ID>')).toBeNull()
  })

  it('starts at the last colon or sentence, keeps closed parentheses, cuts at an open one', () => {
    expect(label('The original offer ID was: Microsoft 365 E3 for unattended license: <ID>')).toBe(
      'Microsoft 365 E3 for unattended license'
    )
    expect(label('Office 365 A1 for Faculty (for Device) Offer ID: <ID>')).toBe(
      'Office 365 A1 for Faculty (for Device) Offer ID'
    )
    expect(label('Buy it at the non-promo price (Offer ID: <ID>) first.')).toBe('Offer ID')
    expect(label('First sentence. Refer to the offer list <ID>.')).toBe('Refer to the offer list')
    // A full stop right before the ID ends an abbreviation, not a sentence.
    expect(label('Oferta: usuario virtual de prueba, id.: <ID>')).toBe(
      'usuario virtual de prueba, id.'
    )
  })

  it('finds link destinations, autolinks and bare addresses', () => {
    const text = 'See [x](/dashboard/a/b) or <https://a.example/q?id=1> and https://b.example/p (z)'
    const found = urlRanges(text).map(([start, end]) => text.slice(start, end))
    expect(found).toEqual(['](/dashboard/a/b', '<https://a.example/q?id=1>', 'https://b.example/p'])
  })
})

describe('offers named in lists and text (sxs)', () => {
  const result = processFixture('offers-mentions')
  const lists = result.offers.filter((offer) => offer.entryId === 'offer-lists')

  it('records each offer ID once, tables first, then lists and text in page order', () => {
    expect(lists.map(brief)).toEqual([
      [
        'table',
        'ec3ac2d1-dd66-475a-95c8-59c32c472778',
        'AAA-35638',
        {text: 'Visio Plan 1', en: 'Visio Plan 1'}
      ],
      ['table', null, 'AAA-35639', {text: 'Visio Plan 2', en: 'Visio Plan 2'}],
      [
        'list',
        '9f8f1756-f56f-421e-901a-e80e857cadb8',
        null,
        {
          text: 'Microsoft 365 A5 Conformité pour le corps enseignant',
          en: 'Microsoft 365 A5 Compliance for faculty'
        }
      ],
      [
        'list',
        'c01a89e5-d246-42d6-b21a-f4a1e9b04f56',
        null,
        {text: 'Voix Entreprise', en: 'Business Voice'}
      ],
      [
        'list',
        '39d77d0f-eb8f-4ebc-b618-692e1cc59c8f',
        null,
        {text: 'Voix sans forfait', en: 'Voice without plan'}
      ],
      // A GUID alone under a lead-in: no name of its own.
      ['list', 'cc69a07c-8c51-457f-bb2a-f21a62d6bede', null, null],
      [
        'list',
        'c0c1386f-4a95-466b-8974-cefd71414def',
        null,
        {text: 'ID de l’offre d’essai', en: 'Trial offer ID'}
      ],
      [
        'list',
        '0757d14e-7c57-456f-8dab-47d164f2ff1f',
        null,
        {
          text: 'Voix Entreprise (pour appareil) ID d’offre',
          en: 'Business Voice (for Device) Offer ID'
        }
      ],
      // A list item with a Material ID and no offer ID is a record.
      ['list', null, 'AAD-28929', {text: 'ID de contenu', en: 'Material ID'}]
    ])
    // ec3ac2d1 is in the table, c01a89e5 in a list: the sentence that names them again adds nothing.
    expect(lists.filter((offer) => offer.origin === 'text')).toEqual([])
  })

  it('says where each record comes from', () => {
    const voice = lists.find((offer) => offer.offerId === 'c01a89e5-d246-42d6-b21a-f4a1e9b04f56')!
    expect(voice).toMatchObject({table: null, row: null, role: 'offer', columns: {}, prices: []})
    expect(voice.source).toEqual({file: 'offers-mentions/2021-february.md', line: 17, column: 45})
    const row = lists.find((offer) => offer.materialId === 'AAA-35639')!
    expect([row.table, row.row, row.source.line]).toEqual([1, 2, 29])
  })

  it('joins a list of one offer’s properties into one record', () => {
    const one = result.offers.filter((offer) => offer.entryId === 'one-offer-properties')
    expect(one.map(brief)).toEqual([
      [
        'list',
        '988b7b06-e034-4b3e-89ea-51198cb2723e',
        'SEQ-00016',
        {text: 'ID de l’offre', en: 'Offer ID'}
      ]
    ])
  })

  it('keeps GUIDs of URLs as link parameters and reports damaged ones: the ledger balances', () => {
    const ids = result.offers.flatMap((offer) => (offer.offerId ? [offer.offerId] : []))
    expect(ids).not.toContain('aa679372-d996-73df-e244-cb28bbbf28e8')
    expect(ids).not.toContain('2da4e1c7-3b4b-5672-6227-56bc75a936b4')
    const entry = result.entries.find((item) => item.id === 'offer-lists')!
    expect(entry.links.map((link) => link.url)).toContain(
      'https://partner.microsoft.com/dashboard/support/servicerequests/create?stage=2&topicid=aa679372-d996-73df-e244-cb28bbbf28e8'
    )
    const report = result.report
    expect(report).toMatchObject({guids: 13, guidLinks: 2, guidsReported: 1, guidOffers: 10})
    expect(report.guids).toBe(report.guidOffers + report.guidLinks + report.guidsReported)
    expect(
      result.messages.filter((message) => message.ruleId === 'offer-id-malformed')
    ).toHaveLength(1)
  })
})

describe('a plain page without twin', () => {
  const result = processFixture('offers-plain')
  const [priced, untranslated, skus] = result.tables

  it('never takes a product name for digits nor a currency for a name', () => {
    expect(priced!.columns.map((column) => column.role)).toEqual([
      'offer-name',
      'currency',
      'offer-id',
      'material-id'
    ])
    expect(untranslated!.columns.map((column) => column.role)).toEqual(['offer-name', 'offer-id'])
    expect(
      result.offers.filter((offer) => offer.origin === 'table').map((offer) => offer.name)
    ).toEqual([
      {text: 'Microsoft 365 F1'},
      {text: 'Microsoft 365 F3'},
      {text: 'Visio Plan 1'},
      {text: 'Visio Plan 2'},
      {text: 'Microsoft Kaizala Pro'},
      {text: 'Microsoft Kaizala Pro (secteur public)'}
    ])
  })

  it('makes records of Material-ID-only rows, lists and text without English', () => {
    expect(skus!.role).toBe('offers')
    expect(result.offers.slice(4).map(brief)).toEqual([
      ['table', null, 'AAA-51195', {text: 'Microsoft Kaizala Pro'}],
      ['table', null, 'AAA-51196', {text: 'Microsoft Kaizala Pro (secteur public)'}],
      ['list', '9f8f1756-f56f-421e-901a-e80e857cadb8', null, {text: 'Microsoft 365 A5 Conformité'}],
      ['list', 'c01a89e5-d246-42d6-b21a-f4a1e9b04f56', null, {text: 'Voix Entreprise'}]
    ])
    expect(result.report).toMatchObject({guids: 7, guidOffers: 6, guidLinks: 1, guidsReported: 0})
  })
})

describe('a plain page with its twin', () => {
  const folder = path.join(fixtureFolder, 'offers-mentions')
  const sxsBytes = fs.readFileSync(path.join(folder, '2021-february.md'))
  // The plain flavour of the fixture: the translated side of every segment, with the
  // Material ID of a list item damaged as machine translation damages them.
  const plainText = sxsBytes
    .toString('utf8')
    .replace(
      /<span data-ttu-id="[^"]*">(.*?)<\/span><span class="sxs-lookup"><span data-stu-id="[^"]*">.*?<\/span><\/span>/g,
      '$1'
    )
    .replace('ID de contenu AAD-28929', 'ID de contenu HRE-28929')
  const twin = {name: 'offers-mentions/2021-february.md', bytes: sxsBytes}
  const plain = processPage('offers-plain-twin/2021-february.md', Buffer.from(plainText), {twin})
  const sxs = processFixture('offers-mentions')

  it('gives the same records as its twin, the English identifier where translation damaged it', () => {
    const facts = (offers: typeof sxs.offers) =>
      offers.map((offer) => [
        offer.entryKey,
        offer.offerId,
        offer.materialId,
        offer.origin,
        offer.name
      ])
    expect(plainText).not.toContain('sxs-lookup')
    expect(facts(plain.offers)).toEqual(facts(sxs.offers))
    const warning = plain.messages.find((message) => message.ruleId === 'material-id-translated')!
    expect(warning.reason).toContain('HRE-28929')
    expect(warning.reason).toContain('AAD-28929')
  })
})

describe('the diff key of an offer', () => {
  const sxs = processFixture('offers-mentions')
  const records = (offers: typeof sxs.offers, label: string) => ({
    label,
    entries: sxs.entries as unknown as JsonRecord[],
    offers: offers as unknown as JsonRecord[],
    countryRules: [],
    tables: []
  })

  it('keeps an offer when it moves from a list to a table, and keys a Material ID alone', () => {
    const moved = sxs.offers.map((offer) =>
      offer.offerId === 'cc69a07c-8c51-457f-bb2a-f21a62d6bede'
        ? {...offer, origin: 'table' as const, table: 1, row: 3}
        : offer
    )
    const diff = diffDatasets(records(sxs.offers, 'old'), records(moved, 'new'))
    expect(diff.offers.added).toEqual([])
    expect(diff.offers.removed).toEqual([])
    expect(diff.offers.changed.map((item) => [item.key, item.changes.map((c) => c.path)])).toEqual([
      // Table and row are incidental: listed because the origin changed too.
      [
        '2021-02/offer-lists#cc69a07c-8c51-457f-bb2a-f21a62d6bede#offer',
        ['/origin', '/row', '/table']
      ]
    ])

    const withoutMaterial = sxs.offers.filter((offer) => offer.materialId !== 'AAA-35639')
    const removed = diffDatasets(records(sxs.offers, 'old'), records(withoutMaterial, 'new'))
    expect(removed.offers.removed.map((item) => [item.key, item.offerId, item.materialId])).toEqual(
      [['2021-02/offer-lists#material:AAA-35639#offer', null, 'AAA-35639']]
    )
  })
})
