import {describe, expect, it} from 'vitest'
import {countryIndex} from '../../pipeline/extract/countries/country-index.js'
import {
  countryLists,
  listItems,
  placeItemCodes,
  unresolvedItems
} from '../../pipeline/extract/countries/country-lists.js'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {FoundPlaces} from '../../pipeline/extract/countries/found-places.js'
import {listSegments} from '../../pipeline/extract/countries/list-segments.js'
import type {Span} from '../../pipeline/extract/countries/spans.js'

/** Country codes with their matched text, the shape most assertions need. */
function codes(text: string, locale: string): [string, string][] {
  return findCountries(text, locale).countries.map((c) => [c.code, c.text])
}

describe('country lists', () => {
  const setUp = (source: string, countries: string[]) => {
    const places = new FoundPlaces(source)
    for (const name of countries) {
      const start = source.indexOf(name)
      places.addCountry({start, end: start + name.length, code: 'XX', via: 'name', problem: null})
    }
    const items = listItems(source, listSegments(source))
    return {places, items, lists: countryLists(items, places)}
  }
  const texts = (source: string, spans: Span[]): string[] =>
    spans.map((span) => source.slice(span.start, span.end))

  it('are sentences where at least two, and at least half, of the items are countries', () => {
    expect(setUp('Armenia, Swaziland, Georgia', ['Armenia', 'Georgia']).lists).toHaveLength(1)
    expect(setUp('Armenia, apples, pears', ['Armenia']).lists).toHaveLength(0)
    expect(setUp('Armenia, Georgia, a, b, c', ['Armenia', 'Georgia']).lists).toHaveLength(0)
    expect(setUp('Armenia, Georgia. a, b', ['Armenia', 'Georgia']).lists).toHaveLength(1)
  })

  it('hold only items with a letter or digit', () => {
    const source = 'Armenia, , Georgia'
    expect(
      texts(
        source,
        setUp(source, []).items.map((item) => item.item)
      )
    ).toEqual(['Armenia', 'Georgia'])
  })

  it('report the short items between the first and last country that name nothing', () => {
    const source =
      'Intro, Armenia, Swaziland, a long sentence of more than six words here, Georgia, Peru, Chile, Tail'
    const {places, lists} = setUp(source, ['Armenia', 'Georgia', 'Peru', 'Chile'])
    expect(texts(source, unresolvedItems(lists, places))).toEqual(['Swaziland'])
  })

  it('take their items that are codes, and a text that is one code', () => {
    const index = countryIndex('en')
    const list = 'Armenia, USA, Georgia'
    const inList = setUp(list, ['Armenia', 'Georgia'])
    placeItemCodes(inList.items, inList.lists, index, inList.places)
    expect(inList.places.countries.map((country) => country.code)).toEqual(['XX', 'XX', 'US'])
    const cell = setUp(' KG ', [])
    placeItemCodes(cell.items, cell.lists, index, cell.places)
    expect(cell.places.countries).toEqual([
      {start: 1, end: 3, code: 'KG', via: 'code', problem: null}
    ])
    const prose = setUp('Code: KG', [])
    placeItemCodes(prose.items, prose.lists, index, prose.places)
    expect(prose.places.countries).toEqual([])
  })
})

describe('findCountries', () => {
  it('reads a table cell that is only a code, but not a labelled code in prose', () => {
    expect(findCountries('KG', 'ja-JP').countries).toEqual([
      {code: 'KG', text: 'KG', start: 0, end: 2, via: 'code', problem: null}
    ])
    expect(findCountries('ms.translationtype: HT', 'en').countries).toEqual([])
  })

  it('reports unidentified items only inside a country list', () => {
    expect(findCountries('Armenia, Swaziland, Georgia', 'en').unresolved).toEqual([
      {text: 'Swaziland', start: 9, end: 18}
    ])
    // Real zh 2021-january: two countries in a sentence about customer segments is not a list.
    const segments =
      '这些产品/服务将提供给美国、波多黎各和加拿大的商业客户、学生、教职员工、政府社区云 (GCC) 和非营利客户。'
    expect(findCountries(segments, 'zh-CN')).toMatchObject({unresolved: [], regions: []})
    expect(codes(segments, 'zh-CN').map(([c]) => c)).toEqual(['US', 'PR', 'CA'])
  })
})
