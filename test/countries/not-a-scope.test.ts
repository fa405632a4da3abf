import {describe, expect, it} from 'vitest'
import {maskLinks} from '../../pipeline/extract/countries/mask-links.js'
import {
  isCurrencyName,
  isInProductName,
  isLanguageName
} from '../../pipeline/extract/countries/not-a-scope.js'
import {
  exclusionStart,
  isHistory,
  isSupportRouting
} from '../../pipeline/extract/countries/scope-cues.js'

/** The span of the first `word` in `text`. */
function at(text: string, word: string) {
  const start = text.indexOf(word)
  return {start, end: start + word.length}
}

describe('maskLinks', () => {
  it('blanks link targets and bare URLs, keeping every offset', () => {
    const text = 'See [the guide](https://x.com/Canada/Brazil) or https://y.com/Peru now.'
    const masked = maskLinks(text)
    expect(masked).toHaveLength(text.length)
    expect(masked).not.toMatch(/Canada|Brazil|Peru/)
    expect(masked.slice(0, 15)).toBe('See [the guide]')
    expect(masked.endsWith(' now.')).toBe(true)
  })
})

describe('isCurrencyName', () => {
  it('knows a place beside an ISO 4217 code or inside a currency name', () => {
    const text = 'European Union (EUR), EUR (European Union), US dollars, Canada (partners)'
    expect(isCurrencyName(text, at(text, 'European Union'), 'en')).toBe(true)
    expect(isCurrencyName(text, {start: 27, end: 41}, 'en')).toBe(true)
    expect(isCurrencyName(text, at(text, 'US'), 'en')).toBe(true)
    expect(isCurrencyName(text, at(text, 'Canada'), 'en')).toBe(false)
  })
})

describe('isLanguageName', () => {
  it('knows country names inside CLDR language names, in the locale and English', () => {
    expect(isLanguageName('中国語のドキュメント', {start: 0, end: 2}, 'CN', 'ja')).toBe(true)
    const text = 'Brazilian Portuguese and Brazil'
    expect(isLanguageName(text, {start: 25, end: 31}, 'BR', 'en')).toBe(false)
    const german = 'Portugiesisch (Brasilien)'
    expect(isLanguageName(german, at(german, 'Brasilien'), 'BR', 'de')).toBe(true)
  })
})

describe('isInProductName', () => {
  const never = () => false
  it('knows a place inside a run of capitalised words', () => {
    const cloud = 'Use Microsoft Cloud Germany today.'
    expect(isInProductName(cloud, at(cloud, 'Germany'), never)).toBe(true)
    const center = 'The Americas Operations Center moved.'
    expect(isInProductName(center, at(center, 'Americas'), never)).toBe(true)
  })

  it('does not take sentence starts, lower-case neighbours, lists or capitals-only words', () => {
    const text = 'Germany and partners in Canada, France (US ONLY).'
    expect(isInProductName(text, at(text, 'Germany'), never)).toBe(false)
    expect(isInProductName(text, at(text, 'Canada'), never)).toBe(false)
    expect(isInProductName(text, at(text, 'US'), never)).toBe(false)
  })
})

describe('scope cues', () => {
  it('tells support routing, history and exclusions in English sentences', () => {
    expect(isSupportRouting('Partners in the US can contact the desk.')).toBe(true)
    expect(isSupportRouting('Partners in the US can buy it.')).toBe(false)
    expect(isHistory('It was previously made available in Spain.')).toBe(true)
    const sentence = 'Available worldwide except China.'
    expect(exclusionStart(sentence)).toBe(sentence.indexOf('except'))
    expect(exclusionStart("Self-service isn't available in India.")).toBe(13)
  })
})
