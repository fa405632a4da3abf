import {describe, expect, it} from 'vitest'
import {processFixture} from './helpers/fixtures.js'

const texts = (cells: Array<{text: string}>) => cells.map((cell) => cell.text)

describe('table variants', () => {
  const result = processFixture('tables-variants')
  const [inList, first, second] = result.tables

  it('finds tables indented in list items and at top level, in page order', () => {
    expect(result.tables.map((table) => [table.ordinal, table.section, table.source.line])).toEqual(
      [
        [1, 'details', 15],
        [2, 'details', 24],
        [3, 'details', 31]
      ]
    )
    expect(result.tables.map((table) => table.key)).toEqual([
      '2020-12/table-variants#1',
      '2020-12/table-variants#2',
      '2020-12/table-variants#3'
    ])
  })

  it('keeps rows without closing or leading pipes, lone pipes and extra cells', () => {
    expect(inList!.rows.map((row) => texts(row.cells))).toEqual([
      [
        'Microsoft 365 Business Voice (미국)',
        '86713EC1-AD33-42CF-A1CE-8397D4D875FE를',
        '1uc – 00006'
      ],
      ['Teams Rooms', '31c03289-47ab-4ab0-8df1-03742c127ac6', 'AAD — 28929'],
      ['Dynamics', '67e1e4d-9338-4d2c-a3b4-5e6d7f8a9b0c', 'PZX-00006'],
      ['']
    ])
    expect(texts(first!.rows[1]!.cells)).toEqual(['', '추가', '셀', '넘침'])
  })

  it('empties `****` and `&nbsp;`, turns every <br> spelling into a line break, unwraps no-loc', () => {
    expect(texts(first!.header)).toEqual(['', '이름', '값'])
    expect(texts(first!.rows[0]!.cells)).toEqual([
      '',
      '[링크](https://example.com/a)',
      '한 줄\n두 줄\n세 줄\n끝'
    ])
    expect(second!.rows[0]!.cells[0]!.text).toBe('EGRPOU/"EDRPOU"')
  })

  it('separates same-header tables and captions them with the label before them', () => {
    expect(first!.caption).toEqual({text: '새 제품'})
    expect(second!.caption).toEqual({text: '이전 제품'})
    expect(texts(first!.header)).toEqual(texts(second!.header))
  })

  it('finds column roles from the cells where there is no English header', () => {
    expect(inList!.role).toBe('offers')
    expect(inList!.columns).toEqual([
      {key: 'offer-name', role: 'offer-name'},
      {key: 'offer-id', role: 'offer-id'},
      {key: 'material-id', role: 'material-id'}
    ])
    expect(first!.role).toBe('other')
  })

  it('validates identifiers: case and glued particles, dashes in Material IDs, malformed GUIDs', () => {
    expect(result.offers.map((offer) => [offer.row, offer.offerId, offer.materialId])).toEqual([
      [1, '86713ec1-ad33-42cf-a1ce-8397d4d875fe', '1UC-00006'],
      [2, '31c03289-47ab-4ab0-8df1-03742c127ac6', 'AAD-28929']
    ])
    const malformed = result.messages.filter((message) => message.ruleId === 'offer-id-malformed')
    expect(malformed.map((message) => [message.line, message.actual])).toEqual([
      [19, '67e1e4d-9338-4d2c-a3b4-5e6d7f8a9b0c']
    ])
    expect(
      result.messages.filter((message) => message.ruleId === 'material-id-normalized')
    ).toHaveLength(2)
  })

  it('balances the table, row and offer-row ledger', () => {
    expect(result.report).toMatchObject({
      tables: 3,
      tablesExtracted: 3,
      tablesReported: 0,
      rows: 7,
      rowsExtracted: 7,
      offerRows: 4,
      offerRowsExtracted: 2,
      offerRowsReported: 2,
      offers: 2
    })
  })
})

describe('offers in sxs', () => {
  const result = processFixture('offers-sxs')

  it('takes the English ID where translation damaged it, and says so', () => {
    const [offer] = result.offers
    expect(offer).toMatchObject({
      entryKey: '2021-02/offers-entry',
      entryId: 'offers-entry',
      locale: 'fr-FR',
      month: '2021-02',
      table: 1,
      row: 1,
      role: 'offer',
      offerId: 'd0a5f6c3-1234-4321-abcd-37ebacbe8ff6',
      materialId: '6XB-00007',
      name: {text: 'Offre en libre-service', en: 'Self-Service offer'}
    })
    const warning = result.messages.find((message) => message.ruleId === 'offer-id-translated')!
    expect(warning.reason).toContain('37efonebe8ff6')
    expect(warning.reason).toContain('37ebacbe8ff6')
  })

  it('reads prices from a price column', () => {
    expect(result.offers[0]!.prices).toEqual([
      {column: 'price', amount: 15, currency: 'USD', unit: 'per device per month'}
    ])
  })

  it('models promo and standard offer GUIDs of one row with their roles', () => {
    expect(result.offers.slice(1).map((offer) => [offer.role, offer.offerId])).toEqual([
      ['promo', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
      ['standard', '11111111-2222-3333-4444-555555555555']
    ])
  })
})

describe('country rules', () => {
  const result = processFixture('country-rules')
  const requirements = result.countryRules.filter((rule) => rule.kind === 'requirement')

  it('reads one rule per row of a country table, with sorted digit lengths and a pattern', () => {
    expect(requirements.map((rule) => [rule.country, rule.digits, rule.region])).toEqual([
      ['AM', [8, 10], 'CEE'],
      ['AZ', [7, 10], 'CEE'],
      ['KZ', [6, 7, 8, 13], 'CEE']
    ])
    const pattern = new RegExp(requirements[2]!.pattern!)
    expect(['123456', '1234567890123'].map((value) => pattern.test(value))).toEqual([true, true])
    expect(['12345', '123456789', '12345a'].map((value) => pattern.test(value))).toEqual([
      false,
      false,
      false
    ])
  })

  it('keeps the native field name of `:::no-loc` cells untouched, even without an English header', () => {
    expect(requirements.map((rule) => rule.fieldName)).toEqual(['УНН/NZOU', 'ИНН/VOEN/ПИК', 'БИН'])
  })

  it('repairs a code damaged by translation from the name, and reports what it cannot identify', () => {
    const repaired = result.messages.find((message) => message.ruleId === 'country-code-repaired')!
    expect([repaired.line, repaired.actual, repaired.expected]).toEqual([12, '(Har)', ['AM']])
    expect(
      result.messages
        .filter((message) => message.ruleId === 'country-unresolved')
        .map((message) => message.line)
    ).toEqual([15])
  })

  it('reads scope lists: inline with codes, and bullets after a lead-in', () => {
    const scopes = result.countryRules.filter((rule) => rule.kind === 'scope')
    expect(scopes.map((rule) => rule.country)).toEqual(['AM', 'AZ', 'BY', 'CA', 'GB', 'US'])
    expect(scopes[3]!.leadIn).toEqual({text: 'Disponible dans les pays suivants :'})
  })

  it('names regions, but not GCC (Government Community Cloud) nor (EA) as countries', () => {
    const regions = result.countryRules
      .filter((rule) => rule.kind === 'region')
      .map((rule) => rule.region)
    expect(regions).toEqual(['EU', 'EFTA'])
    expect(result.countryRules.some((rule) => rule.country === 'EA' || rule.region === 'GCC')).toBe(
      false
    )
  })
})
