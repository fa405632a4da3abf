import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {contractVersion} from '../datasets/registry.js'
import {DatasetError, HeraldError} from '../errors.js'
import type {DatasetTable} from './dataset-table.js'
import {searchedColumns, searchedDataset, searchTable} from './entry-search.js'
import {cellsOf, type Column, type ColumnKind} from './record-columns.js'
import {cannotWrite, commitTemporary, removeTemporary, temporaryName} from './write-file-atomic.js'

/**
 * One SQLite database of a build folder: a table per dataset with the columns of its
 * schema (`record-columns.ts`), its key as primary key (a unique index where a key column
 * may be null), its `references` as a foreign key
 * (with an index, for joins), and `entries_fts`, a full-text index of the entries
 * (`entry-search.ts`). `PRAGMA user_version` is the contract's major version.
 *
 * It is built in a temporary file beside the target and renamed over it when complete,
 * so Datasette or any reader never opens half a database. The file is not the same to the
 * byte from one run to the next (SQLite's pages are not canonical): its rows are.
 */

const sqlTypes: Record<ColumnKind, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  real: 'REAL',
  boolean: 'INTEGER',
  json: 'TEXT'
}

/** An identifier in double quotes: names come from schemas, but a quote stays a quote. */
function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

function list(names: readonly string[]): string {
  return names.map(quoted).join(', ')
}

function columnSql(column: Column): string {
  return `${quoted(column.name)} ${sqlTypes[column.kind]}${column.nullable ? '' : ' NOT NULL'}`
}

/**
 * Whether the key can be the primary key: SQL allows no null in one (SQLite accepts them
 * by an old bug, and Datasette, which links rows by their primary key, then links to
 * nothing). A key with a nullable column (a country rule's `country` or `region`) is a
 * unique index instead, and rows are linked by rowid.
 */
function isPrimaryKey(dataset: DatasetTable): boolean {
  return (
    dataset.primaryKey.length > 0 &&
    dataset.primaryKey.every(
      (name) => !dataset.columns.find((column) => column.name === name)!.nullable
    )
  )
}

/** The `CREATE TABLE` (and index) statements of a dataset. */
export function tableSql(dataset: DatasetTable): string[] {
  const lines = dataset.columns.map(columnSql)
  const primary = isPrimaryKey(dataset)
  if (primary) lines.push(`PRIMARY KEY (${list(dataset.primaryKey)})`)
  const foreign = dataset.foreignKey
  if (foreign) {
    lines.push(
      `FOREIGN KEY (${list(foreign.columns)}) REFERENCES ${quoted(foreign.table)} (${list(foreign.to)})`
    )
  }

  const statements = [`CREATE TABLE ${quoted(dataset.table)} (\n  ${lines.join(',\n  ')}\n)`]
  if (!primary && dataset.primaryKey.length > 0) {
    statements.push(
      `CREATE UNIQUE INDEX ${quoted(`${dataset.table}_key`)} ON ${quoted(dataset.table)} (${list(dataset.primaryKey)})`
    )
  }

  if (foreign) {
    statements.push(
      `CREATE INDEX ${quoted(`${dataset.table}_${foreign.table}`)} ON ${quoted(dataset.table)} (${list(foreign.columns)})`
    )
  }

  return statements
}

/** The full-text index of a dataset's table, its content read from that table. */
function searchSql(dataset: DatasetTable): string {
  for (const name of searchedColumns) {
    if (!dataset.columns.some((column) => column.name === name)) {
      throw new Error(`The full-text index needs column \`${name}\` of \`${dataset.table}\``)
    }
  }

  return (
    `CREATE VIRTUAL TABLE ${quoted(searchTable)} USING fts5(${list(searchedColumns)}, ` +
    `content=${quoted(dataset.table)}, tokenize='trigram')`
  )
}

/** A key of a record for messages: the values of its primary key columns. */
function keyOf(dataset: DatasetTable, index: number): string {
  const record = dataset.records[index]!
  return dataset.primaryKey.map((name) => String(record[name])).join(' ')
}

function fill(database: Database.Database, dataset: DatasetTable): void {
  const insert = database.prepare(
    `INSERT INTO ${quoted(dataset.table)} (${list(dataset.columns.map((column) => column.name))}) ` +
      `VALUES (${dataset.columns.map(() => '?').join(', ')})`
  )
  for (const [position, record] of dataset.records.entries()) {
    try {
      insert.run(cellsOf(record, dataset.columns))
    } catch (error) {
      throw new DatasetError(
        `${dataset.definition.file}, record ${position + 1} (${keyOf(dataset, position)}): ` +
          `${(error as Error).message}; build the folder again`
      )
    }
  }
}

/** A failure of the file system (an errno code) or of SQLite's I/O: the target's, not a bug. */
function isWriteFailure(error: unknown): boolean {
  const code = (error as {code?: unknown}).code
  return (
    typeof code === 'string' &&
    /^(?:E[A-Z]+|SQLITE_(?:FULL|IOERR\w*|CANTOPEN\w*|READONLY\w*|PERM))$/.test(code)
  )
}

/** Every foreign key that points nowhere, said; undefined when all hold. */
function brokenReferences(database: Database.Database): string | undefined {
  const broken = database.prepare('PRAGMA foreign_key_check').all() as Array<{
    table: string
    rowid: number
    parent: string
  }>
  if (broken.length === 0) return undefined
  const shown = broken
    .slice(0, 3)
    .map((row) => `${row.table} row ${row.rowid} → ${row.parent}`)
    .join(', ')
  return `${broken.length} records belong to no record of the table they reference (${shown}${broken.length > 3 ? ', …' : ''})`
}

/** Builds the database of `datasets` and puts it at `file`, replacing any file there. */
export function writeSqlite(file: string, datasets: readonly DatasetTable[]): void {
  const temporary = temporaryName(file)
  let database: Database.Database | undefined
  try {
    fs.mkdirSync(path.dirname(file), {recursive: true})
    removeTemporary(temporary)
    database = new Database(temporary)
  } catch (error) {
    database?.close()
    removeTemporary(temporary)
    if (!isWriteFailure(error)) throw error
    throw cannotWrite(file, error)
  }

  try {
    // A temporary file needs no journal: if the run fails, the file is deleted.
    database.pragma('journal_mode = OFF')
    database.pragma('synchronous = OFF')
    // Checked once at the end, where every broken reference can be counted and named.
    database.pragma('foreign_keys = OFF')
    database.pragma(`user_version = ${contractVersion}`)
    for (const dataset of datasets) {
      for (const statement of tableSql(dataset)) database.exec(statement)
      if (dataset.definition.name === searchedDataset) database.exec(searchSql(dataset))
    }

    database.transaction(() => {
      for (const dataset of datasets) fill(database!, dataset)
    })()
    const broken = brokenReferences(database)
    if (broken) throw new DatasetError(`${broken}: build the folder again`)
    if (datasets.some((dataset) => dataset.definition.name === searchedDataset)) {
      // Indexes the content table's rows; `optimize` then merges the index into one tree.
      const command = `INSERT INTO ${quoted(searchTable)}(${quoted(searchTable)}) VALUES`
      database.exec(`${command} ('rebuild'); ${command} ('optimize')`)
    }

    database.close()
    commitTemporary(temporary, file)
  } catch (error) {
    if (database.open) database.close()
    removeTemporary(temporary)
    if (error instanceof HeraldError || !isWriteFailure(error)) throw error
    throw cannotWrite(file, error)
  }
}
