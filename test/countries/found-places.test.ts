import {describe, expect, it} from 'vitest'
import {FoundPlaces} from '../../pipeline/extract/countries/found-places.js'

describe('FoundPlaces', () => {
  it('takes the characters of accepted countries, ambiguous names and regions', () => {
    const places = new FoundPlaces('Armenia, Congo and the EU')
    places.addCountry({start: 0, end: 7, code: 'AM', via: 'name', problem: null})
    places.markAmbiguous({start: 9, end: 14})
    places.markRegion({start: 23, end: 25})
    expect(places.countries.map((country) => country.code)).toEqual(['AM'])
    expect(places.isFree({start: 7, end: 9})).toBe(true)
    expect(places.isFree({start: 6, end: 9})).toBe(false)
    expect(places.isFree({start: 24, end: 25})).toBe(false)
  })

  it('counts ambiguous names as countries, and regions not', () => {
    const places = new FoundPlaces('Congo, EU')
    places.markAmbiguous({start: 0, end: 5})
    places.markRegion({start: 7, end: 9})
    expect(places.hasCountry({start: 0, end: 9})).toBe(true)
    expect(places.hasCountry({start: 5, end: 9})).toBe(false)
  })

  it('finds the nearest taken character within a distance on either side', () => {
    const places = new FoundPlaces('Peru' + ' '.repeat(20) + '(XX)' + ' '.repeat(20) + 'Chile')
    const code = {start: 24, end: 28}
    expect(places.takenBefore(code, 40)).toBe(-1)
    places.addCountry({start: 0, end: 4, code: 'PE', via: 'name', problem: null})
    places.addCountry({start: 48, end: 53, code: 'CL', via: 'name', problem: null})
    expect(places.takenBefore(code, 40)).toBe(3)
    expect(places.takenBefore(code, 19)).toBe(-1)
    expect(places.takenAfter(code, 40)).toBe(48)
    expect(places.takenAfter(code, 19)).toBe(-1)
  })
})
