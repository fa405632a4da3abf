import type {DatasetDefinition, JsonRecord} from '../datasets/definition.js'
import {registry} from '../datasets/registry.js'
import {DatasetError} from '../errors.js'
import {recordColumns, type Column} from './record-columns.js'

/**
 * A dataset as every export format sees it: its records, its columns (from its schema),
 * and the names and keys its registry definition gives it. Nothing here is particular
 * to one dataset.
 */

/** A dataset of records read from a build folder, ready to export. */
export interface DatasetTable {
  definition: DatasetDefinition
  records: JsonRecord[]
  /** The file name without `.json` (`country-rules`): the NDJSON and CSV files' names. */
  stem: string
  /** The SQLite table (`country_rules`): the stem with `_`, to be written without quotes. */
  table: string
  columns: Column[]
  /** The columns of the primary key: the definition's `key`. */
  primaryKey: string[]
  /** The table and columns the records belong to: the definition's `references`. */
  foreignKey?: {columns: string[]; table: string; to: string[]}
}

/** `country-rules.json` → `country-rules`. */
function stemOf(definition: DatasetDefinition): string {
  return definition.file.replace(/\.json$/, '')
}

/** The key fields as columns: each must be a column of its own (not flattened, not JSON). */
function keyColumns(fields: readonly string[], columns: readonly Column[], what: string): string[] {
  return fields.map((field) => {
    const column = columns.find((candidate) => candidate.name === field && !candidate.part)
    if (!column || column.kind === 'json') {
      throw new DatasetError(`${what}: key field \`${field}\` is not a column of its own`)
    }

    return column.name
  })
}

/** The table of a dataset's records. */
export function datasetTable(definition: DatasetDefinition, records: JsonRecord[]): DatasetTable {
  const stem = stemOf(definition)
  const table = stem.replaceAll('-', '_')
  if (!/^[a-z][a-z0-9_]*$/.test(table)) {
    throw new DatasetError(`${definition.file}: \`${table}\` cannot be a table name`)
  }

  const columns = recordColumns(definition)
  const primaryKey = keyColumns(definition.key ?? [], columns, definition.file)
  const references = definition.references
  const target = references && registry.find((other) => other.name === references.dataset)
  return {
    definition,
    records,
    stem,
    table,
    columns,
    primaryKey,
    ...(references && target
      ? {
          foreignKey: {
            columns: keyColumns(references.fields, columns, definition.file),
            table: stemOf(target).replaceAll('-', '_'),
            to: [...references.to]
          }
        }
      : {})
  }
}
