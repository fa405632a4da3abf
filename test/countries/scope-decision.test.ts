import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {decideScope} from '../../pipeline/extract/countries/scope-decision.js'

function scoped(text: string, isListItem = false): [string[], string[]] {
  const places = decideScope(findCountries(text, 'en'), text, isListItem)
  return [places.countries.map((country) => country.code), places.regions.map((r) => r.region)]
}

describe('decideScope', () => {
  it('takes the countries of a sentence that names several', () => {
    expect(scoped('Available in Canada, the United Kingdom and the United States.')).toEqual([
      ['CA', 'GB', 'US'],
      []
    ])
  })

  it('leaves one country in a sentence as a mention', () => {
    expect(scoped('Partners in Canada can now sign up.')).toEqual([[], []])
  })

  it('takes a list item that is one short country', () => {
    expect(scoped('Canada', true)).toEqual([['CA'], []])
    const long = 'Canada, where the program runs through the distributor network first'
    expect(scoped(long, true)).toEqual([[], []])
  })

  it('always takes sales regions', () => {
    expect(scoped('Partners in the EU and Canada can now sign up.')).toEqual([[], ['EU']])
  })
})
