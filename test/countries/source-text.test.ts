import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'
import {englishPage} from '../helpers/english-page.js'

// A paragraph listing 240 countries gave each of its 240 records the whole list: 15 MB of
// the corpus's 26 MB of country rules. A record keeps the beginning, where the lead-in says
// what the list is for; `name` holds the place itself.
it('keeps at most 600 characters of a long source text, cut at a space', () => {
  const countries = ['France', 'Germany', 'Spain', 'Italy', 'Portugal', 'Belgium', 'Austria']
  const list = Array.from({length: 20}, () => countries.join(', ')).join(', ')
  const page = englishPage([
    '### <a name="summary"></a>Summary',
    '',
    `Allowed countries: ${list}, Japan.`,
    ''
  ])
  const result = processPage('en-us/2020-november.md', page)
  const japan = result.countryRules.find((rule) => rule.country === 'JP')!
  expect(japan.kind).toBe('scope')
  expect(japan.name).toEqual({text: 'Japan'})
  const text = japan.sourceText!.text
  expect(text.startsWith('Allowed countries: France, Germany')).toBe(true)
  expect(text.endsWith(' …')).toBe(true)
  expect(text.length).toBeLessThanOrEqual(602)
  expect(`Allowed countries: ${list}`.startsWith(text.slice(0, -2))).toBe(true)
  const short = result.countryRules.find((rule) => rule.country === 'FR')!
  expect(short.sourceText).toEqual(japan.sourceText)
})
