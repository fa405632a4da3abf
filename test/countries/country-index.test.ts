import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {nameKey} from '../../pipeline/extract/countries/fold-text.js'
import {collectClaims, Rank} from '../../pipeline/extract/countries/name-claims.js'

describe('countryIndex', () => {
  it('builds one index per canonical locale, English for a malformed tag', () => {
    expect(countryIndex('de-de')).toBe(countryIndex('de-DE'))
    expect(countryIndex('de-DE').locale).toBe('de-DE')
    expect(countryIndex('not a locale!').locale).toBe('en')
  })

  it('keeps the names that stay ambiguous, with every candidate', () => {
    // zh CLDR names the two Congos 刚果（布） and 刚果（金）: the bare name is either.
    expect(countryIndex('zh-CN').entries.get(nameKey('刚果'))).toMatchObject({
      code: null,
      candidates: ['CD', 'CG']
    })
  })

  it('marks upper-case short forms, which are words when written in lower case', () => {
    expect(countryIndex('en').entries.get('uk')).toMatchObject({code: 'GB', abbrev: true})
    expect(countryIndex('en').entries.get('armenia')).toMatchObject({
      code: 'AM',
      via: 'name',
      abbrev: false
    })
  })

  it('keeps the unfolded names per country in the locale and in English', () => {
    const names = countryIndex('de-DE').names.get('AM')
    expect(names).toContain('Armenien')
    expect(names).toContain('Armenia')
  })

  it('scans with a trie holding every entry', () => {
    const {entries, trie} = countryIndex('fr-FR')
    let node = trie
    for (const unit of 'kirghizistan') node = node.next.get(unit)!
    expect(node.entry).toBe(entries.get('kirghizistan'))
  })
})

describe('collectClaims', () => {
  it('ranks the locale name above the English one, and claims the shorter forms inside names', () => {
    const {byKey} = collectClaims('de-DE')
    expect(byKey.get('armenien')).toContainEqual(
      expect.objectContaining({code: 'AM', rank: Rank.LocalName})
    )
    expect(byKey.get('armenia')).toContainEqual(
      expect.objectContaining({code: 'AM', rank: Rank.EnglishName})
    )
    // `Korea, Republic of` in the English ISO list gives `Korea`.
    const english = collectClaims('en').byKey
    expect(english.get('korea')).toContainEqual(
      expect.objectContaining({code: 'KR', rank: Rank.DerivedAlias})
    )
  })

  it('claims no one-character key: a lone Han character is part of other words', () => {
    for (const key of collectClaims('zh-CN').byKey.keys()) expect(key.length).toBeGreaterThan(1)
  })
})
