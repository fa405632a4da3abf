import {readDatasets, type ReadOptions} from '../diff/read-datasets.js'
import {validateDataset} from '../datasets/validate.js'
import {diffDatasets} from '../diff/diff-datasets.js'
import type {Diff} from '../types/diff.js'

/**
 * `herald diff`, as a function: read two dataset locations (folders, or `REV:PATH` in a
 * git repository), diff them by key, and hold the result to `schemas/diff.schema.json`.
 */

/** Where `REV:PATH` locations are read from, and whether only English changes count. */
export interface DiffCommandOptions extends ReadOptions {
  /** Only changes of English values and language-independent facts count. */
  english?: boolean
}

/** The diff, and what the reader should know about its sides. */
export interface DiffCommandResult {
  diff: Diff
  /** The sides (as named in messages) that hold no dataset file: read as empty. */
  empty: string[]
}

/**
 * The diff from `oldLocation` to `newLocation`. Throws a DatasetError for a side that
 * cannot be read; a diff that fails its schema is a bug, thrown as a plain Error.
 */
export async function diff(
  oldLocation: string,
  newLocation: string,
  options: DiffCommandOptions = {}
): Promise<DiffCommandResult> {
  const old = await readDatasets(oldLocation, options)
  const current = await readDatasets(newLocation, options)
  const result = diffDatasets(old, current, {english: options.english})
  const invalid = validateDataset('diff', result)
  if (invalid) throw new Error(`The diff does not match schemas/diff.schema.json: ${invalid}`)
  return {
    diff: result,
    empty: [old, current].filter((side) => side.files.length === 0).map((side) => side.label)
  }
}
