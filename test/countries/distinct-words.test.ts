import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {countryByDistinctWords} from '../../pipeline/extract/countries/distinct-words.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {processPage} from '../../pipeline/engine/process-page.js'
import {englishPage} from '../helpers/english-page.js'

describe('countryByDistinctWords', () => {
  it('reads old and variant names by a word only one country holds', () => {
    const en = countryIndex('en')
    expect(countryByDistinctWords('Macedonia', en)).toBe('MK')
    expect(countryByDistinctWords('Heard And Mc Donald Islands', en)).toBe('HM')
    expect(countryByDistinctWords('Occupied Palestinian Territory', en)).toBe('PS')
    const de = countryIndex('de-DE')
    expect(countryByDistinctWords('Mazedonien (ehemalige jugoslawische Republik)', de)).toBe('MK')
    expect(countryByDistinctWords('Palästinensische Gebiete', de)).toBe('PS')
  })

  it('names no country where the words are shared, short, or point two ways', () => {
    const en = countryIndex('en')
    // `islands`, `saint`, `guinea`, `korea` belong to several countries' names.
    expect(countryByDistinctWords('Islands', en)).toBeNull()
    expect(countryByDistinctWords('Saint Something', en)).toBeNull()
    expect(countryByDistinctWords('Guinea', en)).toBeNull()
    expect(countryByDistinctWords('Korea', en)).toBeNull()
    // Two distinctive words of two countries: no guess.
    expect(countryByDistinctWords('Macedonia Palestinian', en)).toBeNull()
    expect(countryByDistinctWords('Swaziland', en)).toBeNull()
  })

  it('reads only the items of country lists, never running text', () => {
    const listed = findCountries('Available in France, Germany, Macedonia, FYRO and Spain.', 'en')
    expect(listed.countries.map((c) => c.code)).toEqual(['FR', 'DE', 'MK', 'ES'])
    const prose = findCountries('Our Macedonia team wrote this.', 'en')
    expect(prose.countries).toEqual([])
  })
})

describe('a list item that names no known place', () => {
  it('is reported at its line, not dropped', () => {
    const page = englishPage([
      '### <a name="categories"></a>Categories',
      '',
      '- Date: 2020-11-24',
      '- Offers',
      '',
      '### <a name="summary"></a>Summary',
      '',
      'The offer is available in France, Swaziland, Germany and Spain.',
      ''
    ])
    const result = processPage('en-us/2020-november.md', page)
    expect(result.countryRules.map((rule) => [rule.kind, rule.country])).toEqual([
      ['scope', 'FR'],
      ['scope', 'DE'],
      ['scope', 'ES']
    ])
    expect(result.messages).toEqual([
      expect.objectContaining({
        ruleId: 'place-unresolved',
        severity: 'info',
        line: 13,
        reason: expect.stringMatching(/^`Swaziland` in a list of places/)
      })
    ])
  })
})
