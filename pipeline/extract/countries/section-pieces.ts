import type {List, ListItem, Nodes, Paragraph, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import type {PageView} from '../../page/page-view.js'
import type {Text} from '../../types/entries.js'

/** A paragraph or list item of a section, the unit places are looked for in. */
export interface Piece {
  text: Text
  line: number
  /** The sentence before a list of one-country bullets. */
  leadIn?: Text
}

function textOf(page: PageView, node: {position?: Nodes['position']}): Text {
  return page.text(node.position!.start.offset!, node.position!.end.offset!)
}

/**
 * Paragraphs and list items of a section, each list item with the paragraph that introduces
 * it: a bullet that is one country says little without the sentence above the list.
 */
export function sectionPieces(page: PageView, nodes: RootContent[]): Piece[] {
  const found: Piece[] = []
  nodes.forEach((node, index) => {
    const previous = nodes[index - 1]
    const leadIn = previous?.type === 'paragraph' ? textOf(page, previous) : undefined
    visit(node as Nodes, (child, position, parent) => {
      if (child.type === 'paragraph' && parent?.type !== 'listItem') {
        found.push({
          text: textOf(page, child as Paragraph),
          line: page.place(child.position!.start.offset!).line
        })
      }

      if (child.type === 'list') {
        for (const item of (child as List).children as ListItem[]) {
          const first = item.children[0]
          if (first?.type !== 'paragraph') continue
          const parentLead =
            parent && position !== undefined && parent.children[position - 1]?.type === 'paragraph'
              ? textOf(page, parent.children[position - 1] as Paragraph)
              : leadIn
          found.push({
            text: textOf(page, first),
            line: page.place(first.position!.start.offset!).line,
            leadIn: parentLead
          })
        }

        return 'skip'
      }

      return undefined
    })
  })
  return found
}
