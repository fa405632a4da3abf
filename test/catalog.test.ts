import {describe, expect, it} from 'vitest'
import {buildCatalog} from '../pipeline/catalog/build-catalog.js'
import {majority} from '../pipeline/catalog/majority.js'
import {build} from '../pipeline/commands/build.js'
import type {Entry} from '../pipeline/types/entries.js'
import type {Offer} from '../pipeline/types/offers.js'
import {fixtureFolder} from './helpers/fixtures.js'

/** An entry as a page of `locale` gives it; `english` false for a plain page without twin. */
function entry(
  locale: string,
  flavour: 'sxs' | 'plain',
  facts: {date?: string; title?: string; handoff?: string; commit?: string; english?: boolean} = {}
): Entry {
  const english = facts.english ?? true
  return {
    key: '2021-02/new-offers',
    id: 'new-offers',
    number: 1,
    anchors: ['new-offers', '1'],
    month: '2021-02',
    locale,
    flavour,
    date: facts.date ?? '2021-02-02',
    updated: null,
    dateText: null,
    title: english
      ? {text: `Titre ${locale}`, en: facts.title ?? 'New offers'}
      : {text: `Titre ${locale}`},
    categories: [english ? {key: 'offers', text: 'Offres', en: 'Offers'} : {key: null, text: 'x'}],
    status: null,
    sections: {},
    links: [],
    source: {
      file: `${locale.toLowerCase()}/${flavour}/2021-february.md`,
      line: 10,
      column: 1,
      sourceCommit: facts.commit ?? 'new',
      translationType: 'HT',
      twin: null,
      handoff: facts.handoff ?? '2021-06-25'
    }
  }
}

function offer(locale: string, flavour: 'sxs' | 'plain', offerId: string): Offer {
  return {
    entryKey: '2021-02/new-offers',
    entryId: 'new-offers',
    locale,
    flavour,
    month: '2021-02',
    origin: 'table',
    table: 1,
    row: 1,
    role: 'offer',
    offerId,
    materialId: null,
    name: null,
    columns: {},
    prices: [],
    source: {file: `${locale.toLowerCase()}/${flavour}/2021-february.md`, line: 12, column: 1}
  } as Offer
}

describe('the value most locales give', () => {
  it('wins, and the others are named', () => {
    const agreed = majority([
      {locale: 'fr-FR', value: 'a', handoff: null},
      {locale: 'de-DE', value: 'b', handoff: null},
      {locale: 'es-ES', value: 'a', handoff: null}
    ])
    expect(agreed).toEqual({value: 'a', dissenters: [{locale: 'de-DE', value: 'b'}]})
  })

  it('goes, in a tie, to the newest English, then to code point order', () => {
    const newest = majority([
      {locale: 'fr-FR', value: 'old', handoff: '2021-01-01'},
      {locale: 'de-DE', value: 'new', handoff: '2021-06-01'}
    ])
    expect(newest?.value).toBe('new')
    expect(
      majority([
        {locale: 'x', value: 'b', handoff: null},
        {locale: 'y', value: 'a', handoff: null}
      ])?.value
    ).toBe('a')
  })
})

describe('the catalog', () => {
  const entries = [
    entry('fr-FR', 'sxs'),
    entry('fr-FR', 'plain'),
    entry('de-DE', 'sxs'),
    // Translated from an older English commit, whose date was another.
    entry('ja-JP', 'sxs', {date: '2021-01-30', handoff: '2021-05-06', commit: 'old'}),
    entry('es-ES', 'plain', {english: false})
  ]
  const offers = [
    offer('fr-FR', 'sxs', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'),
    offer('de-DE', 'sxs', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'),
    offer('ja-JP', 'sxs', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'),
    offer('es-ES', 'plain', '11111111-2222-3333-4444-555555555555')
  ]
  const catalog = buildCatalog({entries, offers, countryRules: []})
  const [announcement] = catalog.announcements

  it('gives one record per announcement with the facts most locales agree on', () => {
    expect(catalog.announcements).toHaveLength(1)
    expect(announcement).toMatchObject({
      key: '2021-02/new-offers',
      title: 'New offers',
      date: '2021-02-02',
      categories: ['offers'],
      offerIds: ['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']
    })
  })

  it('says per locale its flavours, title, source commit, and whether it is stale', () => {
    expect(announcement!.locales['fr-FR']).toEqual({
      flavours: ['plain', 'sxs'],
      title: 'Titre fr-FR',
      file: 'fr-fr/sxs/2021-february.md',
      sourceCommit: 'new',
      handoff: '2021-06-25',
      stale: false
    })
    expect(announcement!.locales['ja-JP']!.stale).toBe(true)
    expect(Object.keys(announcement!.locales).sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ja-JP'])
  })

  it('names each dissenting page in a diagnostic', () => {
    expect(catalog.messages.map((message) => [message.file, message.ruleId]).sort()).toEqual(
      [
        ['ja-jp/sxs/2021-february.md', 'catalog-disagreement'],
        ['es-es/plain/2021-february.md', 'catalog-disagreement']
      ].sort()
    )
    const date = catalog.messages.find((message) => message.file.startsWith('ja-jp'))!
    expect(date.reason).toContain('the date here is "2021-01-30"')
    expect(date.reason).toContain('3 locales (de-DE, es-ES, fr-FR) say "2021-02-02"')
  })

  it('counts, per locale, the announcements present, missing and stale', () => {
    expect(catalog.coverage).toEqual([
      {locale: 'de-DE', announcements: 1, present: 1, missing: 0, stale: 0},
      {locale: 'es-ES', announcements: 1, present: 1, missing: 0, stale: 0},
      {locale: 'fr-FR', announcements: 1, present: 1, missing: 0, stale: 0},
      {locale: 'ja-JP', announcements: 1, present: 1, missing: 0, stale: 1}
    ])
  })
})

describe('the catalog of a build', () => {
  it('joins the locales of the twins fixtures, and writes announcements.json', async () => {
    const result = await build({inputs: [`${fixtureFolder}/twins`], threads: 1})
    const keys = result.datasets!.announcements.map((item) => item.key)
    expect(keys).toEqual([
      '2021-02/new-voice-offers',
      '2021-02/only-in-plain',
      '2021-02/second-entry'
    ])
    const voice = result.datasets!.announcements[0]!
    expect(Object.keys(voice.locales)).toEqual(['de-DE', 'fr-FR'])
    expect(voice.locales['fr-FR']!.flavours).toEqual(['plain', 'sxs'])
    expect(voice).toMatchObject({
      title: 'New voice offers',
      status: 'now-available',
      categories: ['offers']
    })
  })
})
