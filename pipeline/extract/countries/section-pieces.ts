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
 * it: a bullet that is one country says little without the sentence above the list. A list
 * nested in an item is introduced by that item (`2. customers in the following countries:`
 * over `- Thailand`), and the item's later paragraphs are pieces of their own.
 */
export function sectionPieces(page: PageView, nodes: RootContent[]): Piece[] {
  const found: Piece[] = []
  const visitList = (list: List, leadIn: Text | undefined): void => {
    for (const item of list.children as ListItem[]) {
      const [first, ...rest] = item.children
      const itemText = first?.type === 'paragraph' ? textOf(page, first) : undefined
      if (first?.type === 'paragraph') {
        found.push({
          text: itemText!,
          line: page.place(first.position!.start.offset!).line,
          leadIn
        })
      }

      walk(first?.type === 'paragraph' ? rest : item.children, itemText ?? leadIn)
    }
  }

  const walk = (children: Nodes[], outerLeadIn: Text | undefined): void => {
    children.forEach((node, index) => {
      const previous = children[index - 1]
      const leadIn = previous?.type === 'paragraph' ? textOf(page, previous) : outerLeadIn
      visit(node, (child, position, parent) => {
        if (child.type === 'paragraph' && parent?.type !== 'listItem') {
          found.push({
            text: textOf(page, child as Paragraph),
            line: page.place(child.position!.start.offset!).line
          })
        }

        if (child.type === 'list') {
          const parentLead =
            parent && position !== undefined && parent.children[position - 1]?.type === 'paragraph'
              ? textOf(page, parent.children[position - 1] as Paragraph)
              : leadIn
          visitList(child as List, parentLead)
          return 'skip'
        }

        return undefined
      })
    })
  }

  walk(nodes as Nodes[], undefined)
  return found
}
