import {describe, expect, it} from 'vitest'
import {foldText, nameKey, spanInSource} from '../../pipeline/extract/countries/fold-text.js'

describe('foldText', () => {
  it('folds away the differences between name sources', () => {
    expect(foldText('Côte d’Ivoire').text).toBe("cote d'ivoire")
    expect(foldText('St. Helena').text).toBe('st helena')
    expect(foldText('Guinea-Bissau').text).toBe('guinea bissau')
    expect(foldText('ÖSTERREICH').text).toBe('osterreich')
    expect(foldText('Großbritannien').text).toBe('grossbritannien')
  })

  it('drops leading spaces and collapses runs of spaces and dashes', () => {
    expect(foldText('  Sint  -  Maarten').text).toBe('sint maarten')
  })

  it('joins katakana words that Japanese pages space apart, but not Latin ones', () => {
    expect(foldText('ラテン アメリカ').text).toBe('ラテンアメリカ')
    expect(foldText('New Zealand').text).toBe('new zealand')
  })

  it('keeps, for every folded unit, the span of the character it came from', () => {
    const folded = foldText('Aß.b')
    expect(folded.text).toBe('assb')
    expect(folded.start).toEqual([0, 1, 1, 3])
    expect(folded.end).toEqual([1, 2, 2, 4])
    // A character outside the BMP is two UTF-16 units wide in the source.
    const astral = foldText('𝐀x')
    expect(astral.end[astral.end.length - 1]).toBe(3)
  })
})

describe('nameKey and spanInSource', () => {
  it('keys a name by its folded, trimmed text', () => {
    expect(nameKey(' The  Gambia ')).toBe('the gambia')
    expect(nameKey('Côte d’Ivoire')).toBe(nameKey("COTE D'IVOIRE"))
  })

  it('points a folded match back at the source, across dropped dots', () => {
    const source = 'St. Helena'
    const folded = foldText(source)
    const at = folded.text.indexOf('helena')
    const span = spanInSource(folded, at, at + 'helena'.length)
    expect(source.slice(span.start, span.end)).toBe('Helena')
    expect(spanInSource(folded, 0, folded.text.length)).toEqual({start: 0, end: source.length})
  })
})
