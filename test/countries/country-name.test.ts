import {describe, expect, it} from 'vitest'
import {countryName} from '../../pipeline/extract/countries/country-name.js'

describe('countryName', () => {
  it('names a country in any locale', () => {
    expect(countryName('AM', 'de-DE')).toBe('Armenien')
    expect(countryName('IT', 'it-IT')).toBe('Italia')
    expect(countryName('BR', 'pt-BR')).toBe('Brasil')
    expect(countryName('DE', 'ko-KR')).toBe('독일')
    expect(countryName('PL', 'pl-PL')).toBe('Polska')
    expect(countryName('XX', 'en')).toBeUndefined()
  })

  it('names nothing that is not an upper-case alpha-2 code', () => {
    expect(countryName('am', 'de-DE')).toBeUndefined()
    expect(countryName('EU', 'en')).toBeUndefined()
  })
})
