import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findMaterialIds} from '../pipeline/extract/identifiers/material-id.js'
import {findOfferIds} from '../pipeline/extract/identifiers/offer-id.js'
import {parsePrice} from '../pipeline/extract/identifiers/price.js'
import {expectLinear} from './helpers/growth.js'

const corpus = fileURLToPath(new URL('../../shared/corpus/head/', import.meta.url))
const hasCorpus = existsSync(corpus)

function corpusPages(): {path: string; text: string}[] {
  const pages: {path: string; text: string}[] = []
  for (const locale of readdirSync(corpus)) {
    for (const flavour of ['live', 'live-sxs']) {
      for (const file of readdirSync(`${corpus}/${locale}/${flavour}`)) {
        pages.push({
          path: `${locale}/${flavour}/${file}`,
          text: readFileSync(`${corpus}/${locale}/${flavour}/${file}`, 'utf8')
        })
      }
    }
  }
  return pages
}

describe('findOfferIds', () => {
  it('finds GUIDs in a real offer table row, lower-cased, with offsets', () => {
    const row =
      '   |Microsoft 365 Domestic Calling Plan für Lehrkräfte für USA und Kanada|602e7548-375b-4e01-bf79-a9a8b8ff16d4|LM7-00006|'
    const [match, ...rest] = findOfferIds(row)
    expect(rest).toEqual([])
    expect(match).toEqual({
      raw: '602e7548-375b-4e01-bf79-a9a8b8ff16d4',
      start: row.indexOf('602e7548'),
      end: row.indexOf('602e7548') + 36,
      offerId: '602e7548-375b-4e01-bf79-a9a8b8ff16d4',
      problem: null
    })
  })

  it('lower-cases mixed-case GUIDs (real: es 2020 page, glued to `Buy_MSP_`)', () => {
    const text =
      '- Equivio Analytics para eDiscovery de Office 365, Buy_MSP_6b648c1e-F472-46c0-8379-09f50a3315e0'
    expect(findOfferIds(text).map((m) => [m.raw, m.offerId])).toEqual([
      ['6b648c1e-F472-46c0-8379-09f50a3315e0', '6b648c1e-f472-46c0-8379-09f50a3315e0']
    ])
    expect(findOfferIds('4C6B1E5A-0F2D-4A7B-9E8C-3D2F1A0B5E6D')[0]?.offerId).toBe(
      '4c6b1e5a-0f2d-4a7b-9e8c-3d2f1a0b5e6d'
    )
  })

  it('keeps a Korean particle glued to a GUID out of it', () => {
    const text = '오퍼 ID 4c6b1e5a-0f2d-4a7b-9e8c-3d2f1a0b5e6d를 사용하세요'
    expect(findOfferIds(text)).toEqual([
      {
        raw: '4c6b1e5a-0f2d-4a7b-9e8c-3d2f1a0b5e6d',
        start: 6,
        end: 42,
        offerId: '4c6b1e5a-0f2d-4a7b-9e8c-3d2f1a0b5e6d',
        problem: null
      }
    ])
  })

  it('finds a GUID at the end of a URL slug and inside percent-encoded JSON', () => {
    const slug =
      'https://support.microsoft.com/office/admin-center-overview-fa715fa8-6eda-456d-b177-d1c156edd1b3'
    expect(findOfferIds(slug).map((m) => m.offerId)).toEqual([
      'fa715fa8-6eda-456d-b177-d1c156edd1b3'
    ])
    // Real Teams link (2020-september): `%22` is an escaped quote, so the first group reads
    // `2272f988bf` unless the escape is set aside.
    const teams =
      'context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%227014dada-1df3-405c-93ee-588d8ae65a53%22%2c'
    expect(findOfferIds(teams).map((m) => [m.offerId, teams.slice(m.start, m.end)])).toEqual([
      ['72f988bf-86f1-41af-91ab-2d7cd011db47', '72f988bf-86f1-41af-91ab-2d7cd011db47'],
      ['7014dada-1df3-405c-93ee-588d8ae65a53', '7014dada-1df3-405c-93ee-588d8ae65a53']
    ])
  })

  it('reports the real malformed GUIDs of the corpus, never as offer IDs', () => {
    const cases: [string, string][] = [
      // 2020-july: first group lost its leading `8` (867e1e4d-… elsewhere in the corpus).
      [
        '   |Dynamics 365 Fraud Protection – zusätzliche Bewertungen (Preise für gemeinnützige Mitarbeiter)|67e1e4d-9338-41e8-9b6b-65ee01f3db8d|',
        '67e1e4d-9338-41e8-9b6b-65ee01f3db8d'
      ],
      // 2020-september: last group cut to 11 (2020-august has c7b9ab7e-…-dcad61f28995).
      ['- Angebots-ID: c7b9ab7e-8f80-4b4b-8aed-dcad61f2899', 'c7b9ab7e-8f80-4b4b-8aed-dcad61f2899'],
      // 2021-march: last group 11 characters.
      [
        '|   Office 365 E5 (Preise für Mitarbeiter gemeinnütziger Organisationen)| ce139fe5-8bd5-47ed-a5be-07c286f8b9e    |',
        'ce139fe5-8bd5-47ed-a5be-07c286f8b9e'
      ],
      // 2020-may: the last hyphen is a space.
      [
        '- オファー ID: e6b0a7bb-b33b-41b9-91df 1d31f182ab41',
        'e6b0a7bb-b33b-41b9-91df 1d31f182ab41'
      ]
    ]
    for (const [text, raw] of cases) {
      expect(findOfferIds(text)).toEqual([
        {
          raw,
          start: text.indexOf(raw),
          end: text.indexOf(raw) + raw.length,
          offerId: null,
          problem: 'malformed'
        }
      ])
    }
  })

  it('reports letters injected by machine translation and dropped groups', () => {
    expect(findOfferIds('Offer ID: 5c9fd4cc-edce-44a8-8e9d-37efonebe8ff6.')).toMatchObject([
      {raw: '5c9fd4cc-edce-44a8-8e9d-37efonebe8ff6', offerId: null, problem: 'malformed'}
    ])
    expect(findOfferIds('ID 5c9fd4cc-44a8-8e9d-37efbe8ff6a1')).toMatchObject([
      {raw: '5c9fd4cc-44a8-8e9d-37efbe8ff6a1', offerId: null, problem: 'malformed'}
    ])
    expect(findOfferIds('5c9fd4cc\u20134a8e\u20134e9d\u20138a2b\u201337efbe8ff6a1')).toMatchObject([
      {offerId: null, problem: 'malformed'}
    ])
  })

  it('ignores hyphenated words, slugs and Material IDs', () => {
    const text = [
      'microsoft-365-firstline-offer-updates',
      '2021-license-based-services-price-list',
      'Partner-Center-DotNet-Samples',
      'active-customers-can-renew-their-enhancement-plan-ep-through-the-cloud-solution-provider-csp-program',
      '|AAA-51201|PZW-00020|1UC-00006|',
      'Saint-Vincent-et-les-Grenadines'
    ].join(' ')
    expect(findOfferIds(text)).toEqual([])
  })

  it('runs in linear time on hostile input', () => {
    // Sizes at which one run takes milliseconds: below, noise rules the ratio.
    const shapes: Array<[(size: number) => string, number]> = [
      [(size) => 'a'.repeat(size * 2), 400_000],
      [(size) => 'a-'.repeat(size), 100_000],
      [(size) => '%22'.repeat(size / 2) + 'ab'.repeat(size / 2), 400_000]
    ]
    for (const [shape, size] of shapes) {
      expectLinear((larger) => {
        const text = shape(larger)
        return () => findOfferIds(text)
      }, size)
    }
  })

  it.skipIf(!hasCorpus)(
    'finds exactly four malformed GUIDs in the corpus, each in every locale and flavour',
    () => {
      const malformed = new Map<string, Set<string>>()
      let valid = 0
      for (const {path, text} of corpusPages()) {
        for (const match of findOfferIds(text)) {
          if (match.offerId) valid++
          else malformed.set(match.raw, (malformed.get(match.raw) ?? new Set()).add(path))
        }
      }
      expect(valid).toBeGreaterThan(4000)
      expect(Object.fromEntries([...malformed].map(([raw, paths]) => [raw, paths.size]))).toEqual({
        '67e1e4d-9338-41e8-9b6b-65ee01f3db8d': 12,
        'c7b9ab7e-8f80-4b4b-8aed-dcad61f2899': 12,
        'ce139fe5-8bd5-47ed-a5be-07c286f8b9e': 12,
        'e6b0a7bb-b33b-41b9-91df 1d31f182ab41': 12
      })
    }
  )
})

describe('findMaterialIds', () => {
  it('finds Material IDs in real table rows', () => {
    const row =
      '   |Microsoft 365 Business Voice (US)|86713ec1-ad33-42cf-a1ce-8397d4d875fe|PZW-00023|'
    expect(findMaterialIds(row)).toEqual([
      {
        raw: 'PZW-00023',
        start: row.indexOf('PZW'),
        end: row.indexOf('PZW') + 9,
        materialId: 'PZW-00023',
        normalized: false
      }
    ])
    expect(
      findMaterialIds('|6XB-00007|1UC-00006|2P8-00005|AAA-51201|').map((m) => m.materialId)
    ).toEqual(['6XB-00007', '1UC-00006', '2P8-00005', 'AAA-51201'])
  })

  it('normalizes translated dashes, spacing and case', () => {
    expect(findMaterialIds('Material: 1UC – 00006')).toEqual([
      {raw: '1UC – 00006', start: 10, end: 21, materialId: '1UC-00006', normalized: true}
    ])
    expect(findMaterialIds('AAD — 28929')).toMatchObject([
      {materialId: 'AAD-28929', normalized: true}
    ])
    expect(findMaterialIds('6xB-00007')).toMatchObject([
      {materialId: '6XB-00007', normalized: true}
    ])
    expect(findMaterialIds('PZX\u201100006')).toMatchObject([
      {materialId: 'PZX-00006', normalized: true}
    ])
  })

  it('does not read pieces of GUIDs, dates or ZIP codes as Material IDs', () => {
    // `b55e-41854…` contains `55e-41854`.
    expect(findMaterialIds('3137b0d0-cdf7-4a34-b55e-41854689789b')).toEqual([])
    expect(findMaterialIds('Reno, NV 89511')).toEqual([])
    expect(findMaterialIds('may-2021 mai 2020 123-45678 PZX-000061')).toEqual([])
  })

  it.skipIf(!hasCorpus)('finds only clean Material IDs in the corpus', () => {
    let count = 0
    for (const {text} of corpusPages()) {
      for (const match of findMaterialIds(text)) {
        count++
        expect(match.normalized, match.raw).toBe(false)
      }
    }
    expect(count).toBeGreaterThan(2000)
  })
})

describe('parsePrice', () => {
  it.each([
    ['USD15', 'en-US', {amount: 15, currency: 'USD', unit: null}],
    ['15 USD', 'en-US', {amount: 15, currency: 'USD', unit: null}],
    [
      'USD50 per device per month',
      'en-US',
      {amount: 50, currency: 'USD', unit: 'per device per month'}
    ],
    ['$5/OSE/month.', 'en-US', {amount: 5, currency: 'USD', unit: '/OSE/month'}],
    [
      'The commercial ERP is USD $12 per user/per month.',
      'en-US',
      {amount: 12, currency: 'USD', unit: 'per user/per month'}
    ],
    [
      'at least USD300K in Cloud Solution Provider program revenue',
      'en-US',
      {amount: 300_000, currency: 'USD', unit: 'in Cloud Solution Provider program revenue'}
    ],
    ['€12,50', 'en-US', {amount: 12.5, currency: 'EUR', unit: null}],
    ['€12,50', 'de-DE', {amount: 12.5, currency: 'EUR', unit: null}],
    ['$1,500', 'en-US', {amount: 1500, currency: 'USD', unit: null}],
    ['1,500 €', 'de-DE', {amount: 1.5, currency: 'EUR', unit: null}],
    ['1.500 €', 'de-DE', {amount: 1500, currency: 'EUR', unit: null}],
    // Real translated forms from the corpus.
    [
      'einen Umsatz von mindestens 300.000 USD im Rahmen',
      'de-DE',
      {amount: 300_000, currency: 'USD', unit: 'im Rahmen'}
    ],
    [
      '(15 USD pro Gerät und Monat)',
      'de-DE',
      {amount: 15, currency: 'USD', unit: 'pro Gerät und Monat'}
    ],
    ['12 $ por usuario/mes.', 'es-ES', {amount: 12, currency: 'USD', unit: 'por usuario/mes'}],
    [
      '5 $/environnement de système d’exploitation',
      'fr-FR',
      {amount: 5, currency: 'USD', unit: '/environnement de système d’exploitation'}
    ],
    [
      '5 долл. США за среду серверной ОС в месяц.',
      'ru-RU',
      {amount: 5, currency: 'USD', unit: 'за среду серверной ОС в месяц'}
    ],
    [
      '**Microsoft Teams Rooms Standard 15 米国ドル/デバイス/月**',
      'ja-JP',
      {amount: 15, currency: 'USD', unit: '/デバイス/月'}
    ],
    [
      '1 か月あたり $15/サーバー オペレーティング システム環境です。',
      'ja-JP',
      {amount: 15, currency: 'USD', unit: '/サーバー オペレーティング システム環境です'}
    ],
    ['每台设备每月 50 美元', 'zh-CN', {amount: 50, currency: 'USD', unit: null}],
    // Locales without pages in the corpus.
    ['R$ 10,90 por mês', 'pt-BR', {amount: 10.9, currency: 'BRL', unit: 'por mês'}],
    ['1 000,50 zł miesięcznie', 'pl-PL', {amount: 1000.5, currency: 'PLN', unit: 'miesięcznie'}],
    ['¥500', 'zh-CN', {amount: 500, currency: 'CNY', unit: null}],
    ['¥500', 'ja-JP', {amount: 500, currency: 'JPY', unit: null}]
  ])('%s (%s)', (text, locale, expected) => {
    expect(parsePrice(text, locale)).toEqual(expected)
  })

  it('returns null without a currency next to a number', () => {
    expect(parsePrice('for all 15 users', 'en-US')).toBeNull()
    expect(parsePrice('Am 1. April 2020', 'de-DE')).toBeNull()
    expect(parsePrice('', 'en-US')).toBeNull()
  })

  it('runs in linear time on hostile input', () => {
    expectLinear((size) => {
      const text = '1,'.repeat(size)
      return () => parsePrice(text, 'en-US')
    }, 500_000)
    expectLinear((size) => {
      const text = '1 000 '.repeat(size)
      return () => parsePrice(text, 'fr-FR')
    }, 60_000)
  })
})
