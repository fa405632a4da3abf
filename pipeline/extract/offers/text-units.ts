import type {Heading, List, Nodes, RootContent, Table as TableNode} from 'mdast'
import type {KeyedSection} from '../entries/section-text.js'

/**
 * The pieces of an entry where it can name an identifier outside an offer-ID column: its
 * title, headings, paragraphs, list items, HTML and code, and the cells of its tables. Each
 * is a range of the page view with where it stands: `list` inside a list item, `table` in
 * a table cell, `text` elsewhere.
 */

/** One piece of an entry, in page order. */
export interface TextUnit {
  start: number
  end: number
  origin: 'table' | 'list' | 'text'
  /** The list the item belongs to: a list of one offer's properties is read as one. */
  list: List | null
  /** In a table: the table node and the 1-based body row (null for the header) and column. */
  table: {node: TableNode; row: number | null; column: number} | null
}

function range(node: Nodes): {start: number; end: number} | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function unitsOf(node: RootContent, list: List | null, inItem: boolean, units: TextUnit[]): void {
  const where = range(node)
  if (!where) return
  switch (node.type) {
    case 'table':
      node.children.forEach((row, rowIndex) => {
        row.children.forEach((cell, column) => {
          const cellRange = range(cell)
          if (!cellRange) return
          units.push({
            ...cellRange,
            origin: 'table',
            list: null,
            table: {node, row: rowIndex === 0 ? null : rowIndex, column}
          })
        })
      })
      return
    case 'list':
      for (const item of node.children) {
        for (const child of item.children) unitsOf(child, node, true, units)
      }
      return
    case 'blockquote':
      for (const child of node.children) unitsOf(child, list, inItem, units)
      return
    case 'thematicBreak':
      return
    default:
      units.push({
        ...where,
        origin: inItem ? 'list' : 'text',
        list,
        table: null
      })
  }
}

/** The text units of an entry: its title, then its sections in page order. */
export function textUnits(title: Heading, sections: readonly KeyedSection[]): TextUnit[] {
  const units: TextUnit[] = []
  unitsOf(title, null, false, units)
  for (const section of sections) {
    if (section.heading) unitsOf(section.heading, null, false, units)
    for (const node of section.nodes) unitsOf(node, null, false, units)
  }

  return units
}
