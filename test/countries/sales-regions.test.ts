import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {foldText} from '../../pipeline/extract/countries/fold-text.js'
import {findRegions} from '../../pipeline/extract/countries/sales-regions.js'
import type {Span} from '../../pipeline/extract/countries/spans.js'

describe('findRegions', () => {
  const regions = (source: string, locale: string, nameSpans: Span[] = []): string[] =>
    findRegions(source, foldText(source), locale, nameSpans)
      .sort((left, right) => left.start - right.start)
      .map((region) => `${region.region} ${source.slice(region.start, region.end)}`)

  it('reads codes as written and names folded', () => {
    expect(regions('EU and EFTA', 'en')).toEqual(['EU EU', 'EFTA EFTA'])
    expect(regions('the eu and the european union', 'en')).toEqual(['EU european union'])
    expect(regions('Amérique latine', 'fr-FR')).toEqual(['LATAM Amérique latine'])
  })

  it('lets a longer country name over a region name win', () => {
    const source = 'Vereinigte Staaten von Amerika'
    expect(regions(source, 'de-DE')).toEqual(['Americas Amerika'])
    expect(regions(source, 'de-DE', [{start: 0, end: source.length}])).toEqual([])
  })

  it('knows no region the closed vocabulary does not list', () => {
    expect(regions('GCC and the Middle East', 'en')).toEqual([])
  })
})

describe('findCountries', () => {
  it('finds regions from the closed vocabulary and CLDR names, and not GCC', () => {
    const regions = (text: string, locale: string): string[] =>
      findCountries(text, locale).regions.map((r) => r.region)
    expect(regions('Dans la région UE/AELE et Royaume-Uni', 'fr-FR')).toEqual(['EU', 'EFTA'])
    expect(regions('в регионах ЕС, ЕАСТ и в Соединенном Королевстве', 'ru-RU')).toEqual([
      'EU',
      'EFTA'
    ])
    expect(
      regions('restringida a los mercados emergentes de LATAM, India y APAC', 'es-ES')
    ).toEqual(['LATAM', 'APAC'])
    expect(regions('ラテン アメリカ、インド、アジア太平洋', 'ja-JP')).toEqual(['LATAM'])
    expect(regions('Americas Operations Center', 'en')).toEqual(['Americas'])
    expect(regions('Greater China and Central and Eastern Europe (CEE)', 'en')).toEqual([
      'Greater China',
      'CEE',
      'CEE'
    ])
    expect(findCountries('Greater China', 'en').countries).toEqual([])
    expect(
      findCountries('Microsoft Teams in GCC is now available at USD12 per user per month.', 'en')
    ).toEqual({
      countries: [],
      regions: [],
      unresolved: []
    })
    // CLDR calls the Americas `Amerika` in German; inside a country name it is the country.
    expect(findCountries('Vereinigte Staaten von Amerika', 'de-DE')).toMatchObject({
      countries: [{code: 'US'}],
      regions: []
    })
  })
})
