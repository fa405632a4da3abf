import path from 'node:path'
import type {DatasetTable} from './dataset-table.js'
import {cellsOf, type Cell} from './record-columns.js'
import {writeFileAtomic} from './write-file-atomic.js'

/**
 * CSV as RFC 4180 says: a header line of column names, then one line per record, fields
 * separated by commas, lines ended by CRLF, UTF-8 without a byte order mark. A field that
 * holds a quote, a comma, a CR or an LF is quoted, its quotes doubled. The cells are those
 * of the SQLite table (nested values as JSON text, booleans as 1 or 0); a null is an
 * empty field and an empty text is `""`, so a parser that sees quoting tells them apart.
 */

function csvField(cell: Cell): string {
  if (cell === null) return ''
  const text = String(cell)
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n'
}

/** The CSV text of a dataset. */
export function csvText(dataset: DatasetTable): string {
  let text = csvLine(dataset.columns.map((column) => column.name))
  for (const record of dataset.records) text += csvLine(cellsOf(record, dataset.columns))
  return text
}

/** Writes `<stem>.csv` for each dataset into `folder`; returns the files written. */
export function writeCsv(folder: string, datasets: readonly DatasetTable[]): string[] {
  return datasets.map((dataset) => {
    const file = path.join(folder, `${dataset.stem}.csv`)
    writeFileAtomic(file, csvText(dataset))
    return file
  })
}
