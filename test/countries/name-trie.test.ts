import {describe, expect, it} from 'vitest'
import {addToTrie, emptyTrie, longestNames} from '../../pipeline/extract/countries/name-trie.js'
import {endsWord, startsWord} from '../../pipeline/extract/countries/word-boundaries.js'

function trieOf(names: string[]) {
  const trie = emptyTrie<string>()
  for (const name of names) addToTrie(trie, name, name)
  return trie
}

function found(text: string, names: string[]): [string, number, number][] {
  return longestNames(text, trieOf(names)).map((hit) => [hit.entry, hit.start, hit.end])
}

describe('longestNames', () => {
  it('takes the longest name at a place and goes on after it', () => {
    const names = ['congo', 'republic of the congo', 'niger']
    expect(found('the republic of the congo and niger', names)).toEqual([
      ['republic of the congo', 4, 25],
      ['niger', 30, 35]
    ])
  })

  it('finds names only at word boundaries of Latin text', () => {
    expect(found('nigeria', ['niger'])).toEqual([])
    expect(found('anniger', ['niger'])).toEqual([])
    expect(found('niger, chad', ['niger', 'chad'])).toEqual([
      ['niger', 0, 5],
      ['chad', 7, 11]
    ])
  })

  it('lets Korean particles follow a name but not precede it', () => {
    expect(found('미국에서', ['미국'])).toEqual([['미국', 0, 2]])
    expect(found('영미국', ['미국'])).toEqual([])
  })

  it('finds Han names inside running text, katakana names only between script changes', () => {
    expect(found('在英国提供', ['英国'])).toEqual([['英国', 1, 3]])
    expect(found('ラテンアメリカ', ['アメリカ'])).toEqual([])
    expect(found('アメリカ人', ['アメリカ'])).toEqual([['アメリカ', 0, 4]])
  })

  it('files a later entry under the same key over the earlier one', () => {
    const trie = emptyTrie<number>()
    addToTrie(trie, 'peru', 1)
    addToTrie(trie, 'peru', 2)
    expect(longestNames('peru', trie).map((hit) => hit.entry)).toEqual([2])
  })
})

describe('startsWord and endsWord', () => {
  it('compare the scripts on both sides of the edge', () => {
    expect(startsWord('a b', 2)).toBe(true)
    expect(startsWord('ab', 1)).toBe(false)
    expect(endsWord('ab', 1)).toBe(false)
    expect(endsWord('a.', 1)).toBe(true)
    // Hangul needs a boundary at the start only.
    expect(endsWord('미국에서', 2)).toBe(true)
    expect(startsWord('영미국', 1)).toBe(false)
  })
})
