import type {Nodes, Paragraph, RootContent, Table as TableNode} from 'mdast'
import {visit} from 'unist-util-visit'
import type {KeyedSection} from '../entries/section-text.js'
import type {PageView} from '../../page/page-view.js'
import type {Entry} from '../../types/entries.js'
import type {Table} from '../../types/tables.js'
import {headerText} from './cell-text.js'
import {columnRoles, tableRole} from './column-roles.js'
import {readTable} from './read-table.js'

/**
 * Every table of an entry, in page order, wherever it stands (3,000-odd real tables are
 * indented inside list items). The short paragraph right before a table — a bold
 * "New offer" / "Old offer" label between two tables with the same header — is its
 * caption.
 */

const maxCaptionLength = 200

function captionOf(page: PageView, previous: RootContent | undefined): Table['caption'] {
  if (previous?.type !== 'paragraph') return null
  const paragraph = previous as Paragraph
  const start = paragraph.position!.start.offset!
  const end = paragraph.position!.end.offset!
  const text = page.text(start, end)
  if (text.text.length > maxCaptionLength || text.text.includes('\n')) return null
  return text.en === undefined
    ? {text: headerText(text.text)}
    : {text: headerText(text.text), en: headerText(text.en)}
}

/** A table of an entry: its node, the section it stands in, and its caption. */
export interface FoundTable {
  node: TableNode
  section: string
  caption: Table['caption']
}

/**
 * Every table of an entry's sections, wherever it stands (inside list items too), in
 * page order, with the short label right before it as caption.
 */
export function findTables(page: PageView, sections: KeyedSection[]): FoundTable[] {
  const found: FoundTable[] = []
  for (const section of sections) {
    section.nodes.forEach((node, index) => {
      if (node.type === 'table') {
        found.push({node, section: section.key, caption: captionOf(page, section.nodes[index - 1])})
        return
      }

      visit(node as Nodes, 'table', (table, position, parent) => {
        const previous =
          parent && position !== undefined
            ? (parent.children[position - 1] as RootContent | undefined)
            : undefined
        found.push({node: table, section: section.key, caption: captionOf(page, previous)})
      })
    })
  }

  return found
}

/**
 * The tables dataset's records of an entry's tables: cells, column keys and roles,
 * table role, place.
 */
export function tableRecords(page: PageView, entry: Entry, tables: FoundTable[]): Table[] {
  return tables.map((found, index) => {
    const read = readTable(page, found.node)
    const columns = columnRoles(read, entry.locale)
    const ordinal = index + 1
    return {
      key: `${entry.key}#${ordinal}`,
      entryKey: entry.key,
      entryId: entry.id,
      locale: entry.locale,
      flavour: entry.flavour,
      month: entry.month,
      ordinal,
      section: found.section,
      caption: found.caption,
      header: read.header,
      columns,
      role: tableRole(columns),
      rows: read.rows,
      source: {file: entry.source.file, line: read.line, column: read.column}
    }
  })
}
