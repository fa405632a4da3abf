import type {Table, TableCell} from 'mdast'
import type {PageView} from '../../page/page-view.js'
import type {Text} from '../../types/entries.js'
import {cellText, headerText} from './cell-text.js'

/**
 * A GFM table as text cells in both languages. Rows keep the cells they were
 * written with — a row with an extra cell keeps it, a short row stays short — so that
 * nothing the page says is dropped; column roles are decided elsewhere.
 */

/** A body row: its line in the file and its cells. */
export interface ReadRow {
  line: number
  cells: Text[]
}

/** A GFM table read into header and rows of `{text, en}` cells, with its place. */
export interface ReadTable {
  header: Text[]
  rows: ReadRow[]
  /** Columns whose cells are mostly `:::no-loc` text: names kept untranslated on purpose. */
  noLocColumns: Set<number>
  line: number
  column: number
}

function cellOf(page: PageView, cell: TableCell, clean: (raw: string) => string): Text {
  const first = cell.children[0]
  const last = cell.children.at(-1)
  if (!first || !last) return page.hasEnglish ? {text: '', en: ''} : {text: ''}
  const text = page.text(first.position!.start.offset!, last.position!.end.offset!)
  return text.en === undefined
    ? {text: clean(text.text)}
    : {text: clean(text.text), en: clean(text.en)}
}

/**
 * Reads a GFM table node: header and body cells with their English, rows as written,
 * and the columns kept untranslated with `:::no-loc`.
 */
export function readTable(page: PageView, table: Table): ReadTable {
  const [head, ...body] = table.children
  const place = page.place(table.position!.start.offset!)
  const noLoc = new Map<number, number>()
  for (const row of body) {
    row.children.forEach((cell, index) => {
      const start = cell.position!.start.offset!
      if (page.view.slice(start, cell.position!.end.offset!).includes(':::no-loc')) {
        noLoc.set(index, (noLoc.get(index) ?? 0) + 1)
      }
    })
  }

  return {
    noLocColumns: new Set(
      [...noLoc].filter(([, count]) => count * 2 >= body.length).map(([index]) => index)
    ),
    header: head ? head.children.map((cell) => cellOf(page, cell, headerText)) : [],
    rows: body.map((row) => ({
      line: page.place(row.position!.start.offset!).line,
      cells: row.children.map((cell) => cellOf(page, cell, cellText))
    })),
    line: place.line,
    column: place.column
  }
}
