import path from 'node:path'
import {OutputError, UsageError} from '../errors.js'
import {writeAtomFeeds, type WrittenFeed} from '../export/atom.js'
import {writeCsv} from '../export/csv.js'
import {datasetTable} from '../export/dataset-table.js'
import {feedDataset} from '../export/feed-entries.js'
import {writeNdjson} from '../export/ndjson.js'
import {readBuildFolder} from '../export/read-build-folder.js'
import {writeSqlite} from '../export/sqlite.js'

/**
 * `herald export`, as a function: read a folder `herald build` wrote (checked, see
 * `read-build-folder.ts`), then write it in the formats asked for, any combination in
 * one call: a SQLite database, NDJSON and CSV files, Atom feeds. Every dataset of records
 * the folder holds is exported, whichever it is: columns come from its schema, keys from
 * the registry. Each file is written atomically; NDJSON, CSV and Atom are deterministic
 * to the byte.
 */

/** What to export, and where. */
export interface ExportOptions {
  /** A folder `herald build` (or `herald regenerate`) wrote. */
  folder: string
  /** The SQLite database to write (replaced whole). */
  sqlite?: string
  /** The folder to write `<dataset>.ndjson` into. */
  ndjson?: string
  /** The folder to write `<dataset>.csv` into. */
  csv?: string
  /** The folder to write `<locale>.atom` into, one feed per locale. */
  atom?: string
}

/** What an export wrote. */
export interface ExportResult {
  /** Each dataset exported: its name, its SQLite table, its number of records. */
  datasets: Array<{name: string; table: string; records: number}>
  /** Every file written, in the order written. */
  files: string[]
  /** The Atom feeds written, by locale. */
  feeds: WrittenFeed[]
}

/**
 * Files written into the build folder would make it a folder Herald did not write alone,
 * and the next build would refuse to replace it.
 */
function checkOutside(folder: string, target: string, what: string): void {
  if (path.resolve(target) === path.resolve(folder)) {
    throw new OutputError(
      `The ${what} would be written into the dataset folder \`${folder}\`: choose another folder`
    )
  }
}

/** Exports a build folder; throws a HeraldError that says what to do when it cannot. */
export function exportDatasets(options: ExportOptions): ExportResult {
  const {folder} = options
  if (!options.sqlite && !options.ndjson && !options.csv && !options.atom) {
    throw new UsageError(
      'Nothing to export to: give a SQLite file, or an NDJSON, CSV or Atom folder'
    )
  }

  if (options.sqlite) checkOutside(folder, path.dirname(path.resolve(options.sqlite)), 'database')
  if (options.ndjson) checkOutside(folder, options.ndjson, 'NDJSON files')
  if (options.csv) checkOutside(folder, options.csv, 'CSV files')
  if (options.atom) checkOutside(folder, options.atom, 'Atom feeds')

  const tables = readBuildFolder(folder).map(({definition, records}) =>
    datasetTable(definition, records)
  )
  const files: string[] = []
  let feeds: WrittenFeed[] = []
  if (options.sqlite) {
    writeSqlite(options.sqlite, tables)
    files.push(options.sqlite)
  }

  if (options.ndjson) files.push(...writeNdjson(options.ndjson, tables))
  if (options.csv) files.push(...writeCsv(options.csv, tables))
  if (options.atom) {
    const entries = tables.find((table) => table.definition.name === feedDataset)
    feeds = writeAtomFeeds(options.atom, entries?.records ?? [])
    files.push(...feeds.map((feed) => feed.file))
  }

  return {
    datasets: tables.map((table) => ({
      name: table.definition.name,
      table: table.table,
      records: table.records.length
    })),
    files,
    feeds
  }
}
