import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {nameKey} from '../../pipeline/extract/countries/fold-text.js'
import {readParenthesisAfterName} from '../../pipeline/extract/countries/parenthesis-after-name.js'

/** Country codes with their matched text, the shape most assertions need. */
function codes(text: string, locale: string): [string, string][] {
  return findCountries(text, locale).countries.map((c) => [c.code, c.text])
}

describe('readParenthesisAfterName', () => {
  const read = (source: string, name: string, locale: string) => {
    const index = countryIndex(locale)
    const start = source.indexOf(name)
    const entry = index.entries.get(nameKey(name))!
    return readParenthesisAfterName(source, {start, end: start + name.length}, name, entry, index)
  }

  it('takes a code that confirms the name into the mention', () => {
    expect(read('Armenia (AM), Peru', 'Armenia', 'en')).toEqual({
      code: 'AM',
      end: 12,
      problem: null
    })
    expect(read('Armenia', 'Armenia', 'en')).toEqual({code: 'AM', end: 7, problem: null})
  })

  it('trusts the name over a damaged or contradicting code', () => {
    expect(read('Armenia (Har)', 'Armenia', 'en')).toEqual({
      code: 'AM',
      end: 13,
      problem: 'code-repaired'
    })
    expect(read('Austria (AU)', 'Austria', 'en')).toEqual({
      code: 'AT',
      end: 12,
      problem: 'code-name-mismatch'
    })
  })

  it('lets a code or a second name decide an ambiguous name', () => {
    expect(read('刚果 (CD)', '刚果', 'zh-CN')).toEqual({code: 'CD', end: 7, problem: null})
    expect(read('刚果 (ZW)', '刚果', 'zh-CN')).toEqual({code: null, end: 7, problem: null})
    expect(read('Armenien (Armenia)', 'Armenien', 'de-DE')).toEqual({
      code: 'AM',
      end: 18,
      problem: null
    })
  })

  it('reads an upper-case qualifier by alpha-3 code or initials', () => {
    expect(read('Congo (DRC)', 'Congo', 'en')).toEqual({code: 'CD', end: 11, problem: null})
    expect(read('Congo (COD)', 'Congo', 'en')).toEqual({code: 'CD', end: 11, problem: null})
  })

  it('leaves a parenthesis that says something else out of the mention', () => {
    expect(read('Armenia (Europe)', 'Armenia', 'en')).toEqual({code: 'AM', end: 7, problem: null})
  })
})

describe('findCountries', () => {
  it('reads a bullet with its code', () => {
    expect(findCountries('- Armenien (AM)', 'de-DE')).toEqual({
      countries: [
        {code: 'AM', text: 'Armenien (AM)', start: 2, end: 15, via: 'name', problem: null}
      ],
      regions: [],
      unresolved: []
    })
  })

  it('repairs damaged codes from the name', () => {
    expect(findCountries('Armenia (Har), Azerbaijan (AZ)', 'en').countries).toEqual([
      {code: 'AM', text: 'Armenia (Har)', start: 0, end: 13, via: 'name', problem: 'code-repaired'},
      {code: 'AZ', text: 'Azerbaijan (AZ)', start: 15, end: 30, via: 'name', problem: null}
    ])
    expect(findCountries('- Republik Moldau (Md)', 'de-DE').countries).toMatchObject([
      {code: 'MD', problem: 'code-repaired'}
    ])
    expect(findCountries('Tadjikistan (Tj.)', 'fr-FR').countries).toMatchObject([
      {code: 'TJ', text: 'Tadjikistan (Tj.)', problem: 'code-repaired'}
    ])
    expect(findCountries('Austria (AU)', 'en').countries).toMatchObject([
      {code: 'AT', problem: 'code-name-mismatch'}
    ])
  })

  it('uses a qualifier to tell the Congos apart', () => {
    expect(codes('Congo, Congo (DRC), Zimbabwe', 'en')).toEqual([
      ['CG', 'Congo'],
      ['CD', 'Congo (DRC)'],
      ['ZW', 'Zimbabwe']
    ])
    // Real de 2020-september: the inflected `der Demokratischen Republik Kongo (DRC)` only
    // matches `Republik Kongo` (CG) by name; the qualifier says DR Congo.
    expect(
      codes(
        'sind in Indien, Brasilien, der Demokratischen Republik Kongo (DRC) oder für Kunden',
        'de-DE'
      )
    ).toEqual([
      ['IN', 'Indien'],
      ['BR', 'Brasilien'],
      ['CD', 'Republik Kongo (DRC)']
    ])
    expect(findCountries('吉布提、刚果、刚果（金）、津巴布韦', 'zh-CN')).toEqual({
      countries: [
        {code: 'DJ', text: '吉布提', start: 0, end: 3, via: 'name', problem: null},
        {code: 'CD', text: '刚果（金）', start: 7, end: 12, via: 'name', problem: null},
        {code: 'ZW', text: '津巴布韦', start: 13, end: 17, via: 'name', problem: null}
      ],
      regions: [],
      unresolved: [{text: '刚果', start: 4, end: 6}]
    })
  })
})
