import {readDatasets, type ReadOptions} from './read-datasets.js'
import type {Diff} from '../types/diff.js'
import {diffDatasets, type DiffOptions} from './diff-datasets.js'

/** The diff between two dataset folders, or revisions of one (`REV:PATH`). */
export async function diffDatasetFolders(
  oldLocation: string,
  newLocation: string,
  options: ReadOptions & DiffOptions = {}
): Promise<Diff> {
  return diffDatasets(
    await readDatasets(oldLocation, options),
    await readDatasets(newLocation, options),
    {english: options.english}
  )
}
