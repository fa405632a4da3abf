import {describe, expect, it} from 'vitest'
import {repairMojibake, spanInOriginal} from '../../pipeline/extract/countries/repair-mojibake.js'

describe('repairMojibake', () => {
  it('undoes UTF-8 read as Windows-1252 and maps back to the source', () => {
    const source = 'SÃ£o TomÃ© and PrÃ­ncipe, CÃ´te dâ€™Ivoire'
    const repaired = repairMojibake(source)
    expect(repaired.text).toBe('São Tomé and Príncipe, Côte d’Ivoire')
    const at = repaired.text.indexOf('Côte')
    expect(source.slice(repaired.start[at], repaired.end[at + 'Côte d’Ivoire'.length - 1])).toBe(
      'CÃ´te dâ€™Ivoire'
    )
  })

  it('reads the ellipsis a normalizer spelled out (real de 2020-december: `Ã...landinseln`)', () => {
    expect(repairMojibake('Ã...landinseln, Ã…land Islands').text).toBe('Ålandinseln, Åland Islands')
  })

  it('leaves correct text and lone lead characters alone', () => {
    const text = 'São Tomé, Ãx, Â, Ã, 50 €'
    expect(repairMojibake(text).text).toBe(text)
  })

  it('maps every unit of a repaired character to all the bytes that made it', () => {
    // `Ã©` is the two bytes of `é`; `â€™` the three bytes of `’`.
    const repaired = repairMojibake('Ã©â€™x')
    expect(repaired.text).toBe('é’x')
    expect(repaired.start).toEqual([0, 2, 5])
    expect(repaired.end).toEqual([2, 5, 6])
  })
})

describe('spanInOriginal', () => {
  it('widens a span of the repaired text to the mojibake it came from', () => {
    const original = 'in CuraÃ§ao.'
    const repaired = repairMojibake(original)
    const start = repaired.text.indexOf('Curaçao')
    const span = spanInOriginal(repaired, {start, end: start + 'Curaçao'.length}, original.length)
    expect(original.slice(span.start, span.end)).toBe('CuraÃ§ao')
  })

  it('maps an empty span, also at the very end, to an empty span', () => {
    const original = 'Ã©t'
    const repaired = repairMojibake(original)
    expect(spanInOriginal(repaired, {start: 1, end: 1}, original.length)).toEqual({
      start: 2,
      end: 2
    })
    expect(spanInOriginal(repaired, {start: 2, end: 2}, original.length)).toEqual({
      start: 3,
      end: 3
    })
  })
})
