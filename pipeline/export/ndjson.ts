import path from 'node:path'
import type {DatasetTable} from './dataset-table.js'
import {jsonRowOf} from './record-columns.js'
import {writeFileAtomic} from './write-file-atomic.js'

/**
 * NDJSON (one JSON object per line, `\n` after each, UTF-8): one line per record, in the
 * dataset's order, with the columns of its SQLite table in the same order. Nested values
 * stay JSON values (`jq '.source.line'` works); a field a record does not have is null,
 * so every line has every key.
 */

/** The NDJSON text of a dataset. */
export function ndjsonText(dataset: DatasetTable): string {
  let text = ''
  for (const record of dataset.records) {
    text += JSON.stringify(jsonRowOf(record, dataset.columns)) + '\n'
  }

  return text
}

/** Writes `<stem>.ndjson` for each dataset into `folder`; returns the files written. */
export function writeNdjson(folder: string, datasets: readonly DatasetTable[]): string[] {
  return datasets.map((dataset) => {
    const file = path.join(folder, `${dataset.stem}.ndjson`)
    writeFileAtomic(file, ndjsonText(dataset))
    return file
  })
}
