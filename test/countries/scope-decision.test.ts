import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {decideScope, type ScopeContext} from '../../pipeline/extract/countries/scope-decision.js'

function scoped(text: string, context: Partial<ScopeContext> = {}): string[] {
  const locale = context.locale ?? 'en'
  const places = decideScope(findCountries(text, locale), text, {
    isListItem: false,
    locale,
    ...context
  })
  return places.map((place) => `${place.kind} ${place.country ?? place.region}`)
}

describe('decideScope', () => {
  it('takes the countries of a sentence that names several', () => {
    expect(scoped('Available in Canada, the United Kingdom and the United States.')).toEqual([
      'scope CA',
      'scope GB',
      'scope US'
    ])
  })

  it('takes one country when its sentence says what it is for, not one in passing', () => {
    expect(scoped('Partners in Canada can now sign up.')).toEqual(['scope CA'])
    expect(scoped('The team met in Canada last year.')).toEqual([])
  })

  it('takes a list item that is one short country', () => {
    expect(scoped('Canada', {isListItem: true})).toEqual(['scope CA'])
    const long = 'Canada, where the team met last year before the event moved elsewhere'
    expect(scoped(long, {isListItem: true})).toEqual([])
  })

  it('takes regions as regions, never expanded', () => {
    expect(scoped('Partners in the EU and Canada can now sign up.')).toEqual([
      'region EU',
      'scope CA'
    ])
  })

  it('excludes what follows an exclusion, in the sentence or the list lead-in', () => {
    expect(scoped('Available worldwide except China and Cuba.')).toEqual([
      'region Worldwide',
      'excluded CN',
      'excluded CU'
    ])
    expect(
      scoped('Iran', {isListItem: true, leadIn: 'The offer is not available in these markets:'})
    ).toEqual(['excluded IR'])
  })

  it('drops support routing and history', () => {
    expect(scoped('Partners in the US and Canada can contact the Americas team.')).toEqual([])
    expect(
      scoped('Japan', {isListItem: true, leadIn: 'For questions, email your regional desk:'})
    ).toEqual([])
    expect(scoped('Calling Plans were previously made available in France and Spain.')).toEqual([])
  })

  it('drops currencies, language names and product names', () => {
    expect(scoped('Prices in EUR (European Union) and Japan (JPY) for customers.')).toEqual([])
    expect(scoped('Prices in US dollars for partners.')).toEqual([])
    expect(scoped('Documentation in Brazilian Portuguese for partners in Mexico.')).toEqual([
      'scope MX'
    ])
    expect(scoped('Microsoft Cloud Germany customers and the Americas Operations Center.')).toEqual(
      []
    )
  })

  it('gives text without English no cues: several places are a list, one is a mention', () => {
    expect(scoped('Disponible en France et en Espagne.', {locale: 'fr'})).toEqual([
      'scope FR',
      'scope ES'
    ])
    expect(scoped('Disponible en France.', {locale: 'fr'})).toEqual([])
  })
})
