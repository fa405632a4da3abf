import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {inflects} from '../../pipeline/extract/countries/inflected-mentions.js'

const codes = (text: string, locale: string) =>
  findCountries(text, locale).countries.map((country) => `${country.code} ${country.text}`)

describe('inflects', () => {
  it('lets a word change its last letters, keeping a stem of four', () => {
    expect(inflects('россии', 'россия')).toBe(true)
    expect(inflects('штатах', 'штаты')).toBe(true)
    expect(inflects('vereinigten', 'vereinigte')).toBe(true)
    expect(inflects('koenigreichs', 'koenigreich')).toBe(true)
  })

  it('refuses short words, other stems and long endings', () => {
    expect(inflects('oman', 'omen')).toBe(false)
    expect(inflects('irak', 'iran')).toBe(false)
    expect(inflects('chinesisch', 'china')).toBe(false)
  })
})

describe('inflected names in running text', () => {
  it('finds Russian case forms of one- and two-word names', () => {
    expect(codes('Доступно в России, Франции и Соединенных Штатах.', 'ru')).toEqual([
      'RU России',
      'FR Франции',
      'US Соединенных Штатах'
    ])
  })

  it('finds German case forms, longest name first', () => {
    expect(codes('im Vereinigten Königreich und in den Vereinigten Staaten', 'de')).toEqual([
      'GB Vereinigten Königreich',
      'US Vereinigten Staaten'
    ])
  })

  it('needs a capital: common words that share a stem are not names', () => {
    expect(codes('в россии', 'ru')).toEqual([])
  })

  it('leaves English alone', () => {
    expect(codes('Frances and Spainish', 'en')).toEqual([])
  })
})
