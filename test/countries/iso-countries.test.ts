import {describe, expect, it} from 'vitest'
import {
  alpha3Of,
  isCountryCode,
  languageOf,
  listedNames,
  officialName,
  registerLanguage
} from '../../pipeline/extract/countries/iso-countries.js'

describe('isCountryCode', () => {
  it('accepts upper-case ISO 3166-1 alpha-2 codes only', () => {
    expect(isCountryCode('AM')).toBe(true)
    expect(isCountryCode('am')).toBe(false)
    expect(isCountryCode('UK')).toBe(false)
    expect(isCountryCode('EU')).toBe(false)
    expect(isCountryCode('USA')).toBe(false)
  })
})

describe('the ISO lists', () => {
  it('give alpha-3 codes, languages and listed names', () => {
    expect(alpha3Of('CD')).toBe('COD')
    expect(languageOf('pt-BR')).toBe('pt')
    expect(languageOf('zh_Hans')).toBe('zh')
    expect(registerLanguage('de')).toBe(true)
    expect(registerLanguage('xx')).toBe(false)
    expect(listedNames('de', 'AM')[0]).toBe('Armenien')
    expect(listedNames('xx', 'AM')).toEqual([])
  })

  it("name a country in the locale's language, else in English", () => {
    expect(officialName('AM', 'de-DE')).toBe('Armenien')
    expect(officialName('AM', 'xx-YY')).toBe('Armenia')
  })
})
