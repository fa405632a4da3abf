import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {foldText} from '../../pipeline/extract/countries/fold-text.js'
import {
  inflectedNameStart,
  longerInflectedName,
  sameStem
} from '../../pipeline/extract/countries/inflected-names.js'
import {longestNames} from '../../pipeline/extract/countries/name-trie.js'

describe('sameStem', () => {
  it('accepts words that differ in their last two letters only', () => {
    expect(sameStem('vereinigten', 'vereinigtes')).toBe(true)
    expect(sameStem('konigreichs', 'konigreich')).toBe(true)
    expect(sameStem('demokratischen', 'demokratische')).toBe(true)
    expect(sameStem('kongo', 'kongo')).toBe(true)
  })

  it('refuses short words, different stems and long endings', () => {
    expect(sameStem('uk', 'us')).toBe(false)
    expect(sameStem('armenia', 'bermuda')).toBe(false)
    expect(sameStem('staat', 'staaten und')).toBe(false)
  })
})

describe('longerInflectedName', () => {
  it('extends a matched tail over the inflected words of a longer name', () => {
    // de `Karibische Niederlande` is BQ; the genitive `Karibischen` leaves only NL matched.
    const index = countryIndex('de-DE')
    const folded = foldText('Gebiete der Karibischen Niederlande und Peru').text
    const [hit] = longestNames(folded, index.trie)
    expect(hit?.entry.code).toBe('NL')
    const longer = longerInflectedName(folded, hit!, index)
    expect(longer?.entry.code).toBe('BQ')
    expect(folded.slice(longer!.start, hit!.end)).toBe('karibischen niederlande')
  })

  it('leaves a name alone when the words before it are not a longer name', () => {
    const index = countryIndex('de-DE')
    const folded = foldText('in der Republik Kongo').text
    const [hit] = longestNames(folded, index.trie)
    expect(longerInflectedName(folded, hit!, index)).toBeUndefined()
  })
})

describe('inflectedNameStart', () => {
  it('finds an inflected name of the code before a parenthesis', () => {
    const index = countryIndex('de-DE')
    const source = 'und des Vereinigten Königreichs (UK)'
    const paren = source.indexOf('(')
    expect(inflectedNameStart(source, 'GB', paren, index)).toBe(source.indexOf('Vereinigten'))
    expect(inflectedNameStart(source, 'US', paren, index)).toBeUndefined()
  })
})

describe('findCountries', () => {
  it('reads an inflected name with the code after it as one mention', () => {
    // Real de 2021 page: `des Vereinigten Königreichs` is genitive; the code after it agrees.
    const text =
      'in Phase 2 der Europäischen Union (EU) bzw. der Europäischen Freihandel-Vereinigung (EFTA) und des Vereinigten Königreichs (UK).'
    const found = findCountries(text, 'de-DE')
    expect(found.regions.map((r) => [r.region, r.text])).toEqual([
      ['EU', 'EU'],
      ['EFTA', 'EFTA']
    ])
    expect(found.countries).toEqual([
      {
        code: 'GB',
        text: 'Vereinigten Königreichs (UK)',
        start: text.indexOf('Vereinigten'),
        end: text.length - 1,
        via: 'name',
        problem: null
      }
    ])
  })
})
