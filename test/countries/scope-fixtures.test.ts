import {describe, expect, it} from 'vitest'
import {processFixture} from '../helpers/fixtures.js'

/** `kind place` of every country rule of a fixture's entries, in the order emitted. */
function placesOf(fixture: string): Record<string, string[]> {
  const result = processFixture(fixture)
  const byEntry: Record<string, string[]> = {}
  for (const entry of result.entries) byEntry[entry.id] = []
  for (const rule of result.countryRules)
    byEntry[rule.entryId]!.push(`${rule.kind} ${rule.country ?? rule.region}`)
  return byEntry
}

describe('country scope on fixture pages', () => {
  it('leaves out support routing: contact sentences and Questions sections', () => {
    expect(placesOf('scope-support-routing')).toEqual({renewals: ['scope BR']})
  })

  it('leaves out currencies: currency names, codes beside a place, currency lists', () => {
    expect(placesOf('scope-currencies')).toEqual({'price-update': ['scope BR', 'scope MX']})
  })

  it('leaves out language names that hold a country name (ja 日本語, 中国語, ポルトガル語)', () => {
    expect(placesOf('scope-languages')).toEqual({'language-packs': ['scope BR', 'scope MX']})
  })

  it('reads short forms in running text, not in product names or link targets', () => {
    expect(placesOf('scope-short-forms')).toEqual({
      'business-voice': ['scope US', 'scope AE'],
      'business-voice-pricing': []
    })
  })

  it('reads every item of a list, the last one included', () => {
    expect(placesOf('scope-list-ends')).toEqual({
      'billing-currency': [
        'region EU',
        'region EFTA',
        'scope GB',
        'scope LS',
        'scope NR',
        'scope TV'
      ]
    })
  })

  it('reads names inflected in German and Russian running text', () => {
    expect(placesOf('scope-inflections')).toEqual({
      availability: ['scope CH', 'scope US', 'scope GB', 'region EU', 'region EFTA']
    })
    expect(placesOf('scope-inflections-ru')).toEqual({
      availability: ['scope RU', 'scope DE', 'scope US']
    })
  })

  it('reads exclusions: except, unsupported code lists, lists under a not-available lead-in', () => {
    expect(placesOf('scope-excluded')).toEqual({
      'self-service': [
        'region Worldwide',
        'excluded IN',
        'excluded BR',
        'excluded AE',
        'excluded AF',
        'excluded AL',
        'excluded AM',
        'excluded CU',
        'excluded IR'
      ]
    })
  })

  it('names regions without expanding them, and drops history and product names', () => {
    expect(placesOf('scope-regions')).toEqual({
      promo: ['region LATAM', 'scope IN', 'region APAC', 'region EEA', 'region Greater China']
    })
  })

  it('keeps the paragraph, item or cell each record was read in, and a list item its lead-in', () => {
    const rules = processFixture('scope-excluded').countryRules
    const cuba = rules.find((rule) => rule.country === 'CU')!
    expect(cuba.sourceText).toEqual({text: 'Cuba'})
    expect(cuba.leadIn).toEqual({text: 'The offer is not available in the following countries:'})
    const india = rules.find((rule) => rule.country === 'IN')!
    expect(india.sourceText?.text).toMatch(
      /^Individuals worldwide .* except in India and Brazil\.$/
    )
    expect(india.leadIn).toBeUndefined()
  })
})
