import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {foldText} from '../../pipeline/extract/countries/fold-text.js'
import {FoundPlaces} from '../../pipeline/extract/countries/found-places.js'
import {findNames, placeNames} from '../../pipeline/extract/countries/name-mentions.js'

describe('findNames', () => {
  it('gives source offsets, extended over a longer inflected name', () => {
    const source = 'der Karibischen Niederlande, Österreich'
    const hits = findNames(foldText(source), countryIndex('de-DE'))
    expect(hits.map((hit) => [hit.entry.code, source.slice(hit.start, hit.end)])).toEqual([
      ['BQ', 'Karibischen Niederlande'],
      ['AT', 'Österreich']
    ])
  })
})

describe('placeNames', () => {
  const place = (source: string, locale: string) => {
    const index = countryIndex(locale)
    const places = new FoundPlaces(source)
    const undecided = placeNames(findNames(foldText(source), index), index, places)
    return {places, ...undecided}
  }

  it('accepts capitalised names with the parenthesis after them', () => {
    const {places, ambiguous, shortForms} = place('Armenia (AM) and chad', 'en')
    expect(places.countries).toEqual([{start: 0, end: 12, code: 'AM', via: 'name', problem: null}])
    expect(ambiguous).toEqual([])
    expect(shortForms).toEqual([])
  })

  it('accepts short forms in capitals in running text, ignores them in lower case', () => {
    const running = place('UK and USA', 'en')
    expect(running.places.countries.map((country) => [country.code, country.via])).toEqual([
      ['GB', 'alias'],
      ['US', 'alias']
    ])
    expect(running.shortForms).toEqual([])
    const lower = place('uk and usa', 'en')
    expect(lower.places.countries).toEqual([])
    expect(lower.shortForms).toEqual([])
  })

  it('leaves a short form in parentheses (a product suffix) for the neighbourhood test', () => {
    const suffix = place('Business Voice (UK)', 'en')
    expect(suffix.places.countries).toEqual([])
    expect(suffix.shortForms).toEqual([{start: 16, end: 18, code: 'GB'}])
  })

  it('takes ambiguous names so nothing else reads them', () => {
    const {places, ambiguous} = place('刚果、日本', 'zh-CN')
    expect(ambiguous).toEqual([{start: 0, end: 2}])
    expect(places.isFree({start: 0, end: 2})).toBe(false)
    expect(places.countries.map((country) => country.code)).toEqual(['JP'])
  })

  it('skips names where a region already took the characters', () => {
    const source = 'Armenia'
    const index = countryIndex('en')
    const places = new FoundPlaces(source)
    places.markRegion({start: 0, end: source.length})
    placeNames(findNames(foldText(source), index), index, places)
    expect(places.countries).toEqual([])
  })
})

describe('findCountries', () => {
  it('reads a bullet whose code translation dropped (real fr 2020-november: `- Bélarus`)', () => {
    expect(findCountries('- Bélarus', 'fr-FR').countries).toEqual([
      {code: 'BY', text: 'Bélarus', start: 2, end: 9, via: 'name', problem: null}
    ])
  })
})
