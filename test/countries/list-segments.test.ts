import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {
  groupBySentence,
  isWholeItem,
  listSegments,
  segmentAt
} from '../../pipeline/extract/countries/list-segments.js'

function items(text: string): [string, number][] {
  return listSegments(text).map((segment) => [
    text.slice(segment.item.start, segment.item.end),
    segment.sentence
  ])
}

describe('listSegments', () => {
  it('splits at list separators and drops labels, bullets and closing dots', () => {
    expect(items('- Allowed Countries: Armenia, Azerbaijan; Belarus.')).toEqual([
      ['Armenia', 0],
      ['Azerbaijan', 0],
      ['Belarus', 0]
    ])
    expect(items('国家：中国、日本，韩国')).toEqual([
      ['中国', 0],
      ['日本', 0],
      ['韩国', 0]
    ])
    expect(items('• Armenia<br>* Georgia<br />Peru| Chile\nChad')).toEqual([
      ['Armenia', 0],
      ['Georgia', 0],
      ['Peru', 0],
      ['Chile', 0],
      ['Chad', 0]
    ])
    // Two separators in a row leave an empty segment between them.
    expect(items('Peru<br>|Chile')).toEqual([
      ['Peru', 0],
      ['', 0],
      ['Chile', 0]
    ])
  })

  it('counts sentences, where a full stop after a short word does not end one', () => {
    expect(items('Canada, India. St. Helena, U.S. and Peru! Chile')).toEqual([
      ['Canada', 0],
      ['India', 0],
      ['St. Helena', 1],
      ['U.S. and Peru', 1],
      ['Chile', 2]
    ])
  })

  it('covers the text with segments in order, one per separator and one more', () => {
    const text = 'a, b; c'
    const segments = listSegments(text)
    expect(segments.map((segment) => [segment.start, segment.end])).toEqual([
      [0, 1],
      [2, 4],
      [5, 7]
    ])
    expect(listSegments('')).toEqual([{start: 0, end: 0, item: {start: 0, end: 0}, sentence: 0}])
  })
})

describe('segmentAt, isWholeItem and groupBySentence', () => {
  const text = 'Armenia, (AM) Georgia. Peru'
  const segments = listSegments(text)

  it('find the segment of an offset', () => {
    expect(segmentAt(segments, 0)).toBe(segments[0])
    expect(segmentAt(segments, 7)).toBe(segments[0])
    expect(segmentAt(segments, 8)).toBe(segments[1])
    expect(segmentAt(segments, text.length)).toBe(segments[2])
  })

  it('tell a whole item from part of one', () => {
    expect(isWholeItem(segments, {start: 0, end: 7})).toBe(true)
    expect(isWholeItem(segments, {start: 9, end: 13})).toBe(false)
    expect(isWholeItem(segments, {start: 23, end: 27})).toBe(true)
  })

  it('group the segments of each sentence', () => {
    expect(groupBySentence(segments).map((list) => list.length)).toEqual([2, 1])
  })
})

describe('lists in findCountries', () => {
  it('reads <br>-joined lists', () => {
    const codes = (text: string, locale: string): [string, string][] =>
      findCountries(text, locale).countries.map((c) => [c.code, c.text])
    expect(
      codes('Armenia (AM)<br>Azerbaijan (AZ)<br/>Belarus (BY)<br />Hungary (HU)', 'en')
    ).toEqual([
      ['AM', 'Armenia (AM)'],
      ['AZ', 'Azerbaijan (AZ)'],
      ['BY', 'Belarus (BY)'],
      ['HU', 'Hungary (HU)']
    ])
  })
})
