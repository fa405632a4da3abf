import {describe, expect, it} from 'vitest'
import {
  nearOtherPlace,
  placeBareCodes,
  readCode
} from '../../pipeline/extract/countries/bare-codes.js'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {FoundPlaces} from '../../pipeline/extract/countries/found-places.js'
import {listSegments} from '../../pipeline/extract/countries/list-segments.js'

describe('readCode', () => {
  it('reads ISO codes and upper-case short forms, nothing else', () => {
    const index = countryIndex('en')
    expect(readCode('AM', index)).toEqual({code: 'AM', via: 'code'})
    expect(readCode('USA', index)).toEqual({code: 'US', via: 'alias'})
    expect(readCode('EA', index)).toBeUndefined()
    expect(readCode('Armenia', index)).toBeUndefined()
  })
})

describe('nearOtherPlace', () => {
  const withPeru = (source: string): FoundPlaces => {
    const places = new FoundPlaces(source)
    places.addCountry({start: 0, end: 4, code: 'PE', via: 'name', problem: null})
    return places
  }
  const codeSpan = (source: string) => ({start: source.indexOf('('), end: source.indexOf(')') + 1})

  it('asks for another place in the same sentence within 40 characters', () => {
    const near = 'Peru, (AM)'
    expect(nearOtherPlace(withPeru(near), codeSpan(near))).toBe(true)
    const far = 'Peru, ' + 'x'.repeat(40) + ' (AM)'
    expect(nearOtherPlace(withPeru(far), codeSpan(far))).toBe(false)
    const otherSentence = 'Peru. (AM)'
    expect(nearOtherPlace(withPeru(otherSentence), codeSpan(otherSentence))).toBe(false)
  })
})

describe('placeBareCodes', () => {
  it('chains codes that each stand beside the next, whichever end the anchor is at', () => {
    const source = '(GB), ' + 'y'.repeat(30) + ', (US), ' + 'z'.repeat(30) + ', Canada'
    const index = countryIndex('en')
    const places = new FoundPlaces(source)
    const canada = source.indexOf('Canada')
    places.addCountry({start: canada, end: canada + 6, code: 'CA', via: 'name', problem: null})
    placeBareCodes(index, places, listSegments(source), [])
    expect(
      places.countries.map((country) => [country.code, source.slice(country.start, country.end)])
    ).toEqual([
      ['CA', 'Canada'],
      ['US', '(US)'],
      ['GB', '(GB)']
    ])
  })

  it('accepts nothing without a place to stand beside', () => {
    const source = '(GB), (US)'
    const places = new FoundPlaces(source)
    placeBareCodes(countryIndex('en'), places, listSegments(source), [])
    expect(places.countries).toEqual([])
  })

  it('takes a short form that is a whole list item, and a short lead before a code', () => {
    // `Swaziland` is the old name of SZ, in no name list: the code names it.
    const source = 'USA; Swaziland (SZ), Peru'
    const index = countryIndex('en')
    const places = new FoundPlaces(source)
    const peru = source.indexOf('Peru')
    places.addCountry({start: peru, end: peru + 4, code: 'PE', via: 'name', problem: null})
    placeBareCodes(index, places, listSegments(source), [{start: 0, end: 3, code: 'US'}])
    expect(
      places.countries.map((country) => [country.code, source.slice(country.start, country.end)])
    ).toEqual([
      ['PE', 'Peru'],
      ['US', 'USA'],
      ['SZ', 'Swaziland (SZ)']
    ])
  })
})

describe('findCountries', () => {
  it('does not take abbreviations in product names for countries', () => {
    const texts: [string, string][] = [
      [
        '   |Microsoft 365 Business Voice (US)|86713ec1-ad33-42cf-a1ce-8397d4d875fe|PZW-00023|',
        'en'
      ],
      [
        'Enterprise Agreement (EA), Software Assurance (SA), user interface (UI), Azure Operator (AO)',
        'en'
      ],
      [
        'Microsoft Viva Topics nutzt künstliche Intelligenz (KI) zum Identifizieren von Wissen',
        'de-DE'
      ],
      [
        'Microsoft は、2021 年 1 月 1 日から 2021 年 6 月 30 日までの間に契約応当日 (AD) を迎えるパートナー',
        'ja-JP'
      ],
      ['Microsoft Viva 主题应用人工智能 (AI) 来识别组织中的知识', 'zh-CN'],
      ['ms.translationtype: HT', 'en'],
      ['Les participants à la réunion de lundi', 'fr-FR']
    ]
    for (const [text, locale] of texts)
      expect(findCountries(text, locale), text).toEqual({
        countries: [],
        regions: [],
        unresolved: []
      })
  })
})
