import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {sectionPieces} from '../../pipeline/extract/countries/section-pieces.js'
import {createPageView} from '../../pipeline/page/page-view.js'

function piecesOf(markdown: string) {
  const page = createPageView(markdown, 0)
  return sectionPieces(page, fromMarkdown(page.view).children)
}

describe('sectionPieces', () => {
  it('gives paragraphs, and list items with the paragraph that introduces them', () => {
    const markdown = [
      'Available in these countries:',
      '',
      '- Armenia',
      '- Georgia',
      '',
      'Questions? Contact support.'
    ].join('\n')
    expect(piecesOf(markdown)).toEqual([
      {text: {text: 'Available in these countries:'}, line: 1},
      {text: {text: 'Armenia'}, line: 3, leadIn: {text: 'Available in these countries:'}},
      {text: {text: 'Georgia'}, line: 4, leadIn: {text: 'Available in these countries:'}},
      {text: {text: 'Questions? Contact support.'}, line: 6}
    ])
  })

  it('takes the lead-in of a list inside a block from the paragraph before it there', () => {
    const markdown = ['Note:', '', '> Launch markets:', '>', '> - Peru'].join('\n')
    expect(piecesOf(markdown)).toEqual([
      {text: {text: 'Note:'}, line: 1},
      {text: {text: 'Launch markets:'}, line: 3},
      {text: {text: 'Peru'}, line: 5, leadIn: {text: 'Launch markets:'}}
    ])
  })

  it('gives a list with no paragraph before it no lead-in', () => {
    expect(piecesOf('- Peru')).toEqual([{text: {text: 'Peru'}, line: 1, leadIn: undefined}])
  })
})
