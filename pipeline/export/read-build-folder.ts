import fs from 'node:fs'
import path from 'node:path'
import type {DatasetDefinition, JsonRecord} from '../datasets/definition.js'
import {markerFile} from '../datasets/folder-owner.js'
import {parseDataset} from '../datasets/parse-dataset.js'
import {registry, schemaId} from '../datasets/registry.js'
import {validateRecords, type SchemaName} from '../datasets/validate.js'
import {DatasetError} from '../errors.js'

/**
 * Reads every dataset of records in a folder `herald build` (or `herald regenerate`)
 * wrote, as its `herald.json` lists them, and checks that the folder is as that command
 * left it: each file follows the schema of this Herald, holds the number of records
 * `herald.json` states, and its records are valid. An export of anything else could
 * silently be wrong (a column missing, a key that is not one), so it is refused.
 */

/** The commands whose folders can be exported: both write the datasets of a build. */
const exportableWriters = ['herald build', 'herald regenerate']

/** One dataset of records of a build folder. */
export interface FolderDataset {
  definition: DatasetDefinition
  records: JsonRecord[]
}

interface Marker {
  command?: unknown
  datasets?: Record<string, {file?: unknown; schema?: unknown; records?: unknown}>
}

function readMarker(folder: string): Marker {
  const file = path.join(folder, markerFile)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DatasetError(`Cannot read ${file}: ${(error as Error).message}`)
    }

    throw new DatasetError(
      `\`${folder}\` has no ${markerFile}, so it is not a folder \`herald build\` wrote: ` +
        `give the --out folder of a build, or build it again with this Herald`
    )
  }

  try {
    const marker = JSON.parse(text) as unknown
    if (marker !== null && typeof marker === 'object' && !Array.isArray(marker)) {
      return marker as Marker
    }
  } catch {
    // Said below, with the same advice as any other unreadable marker.
  }

  throw new DatasetError(`${file} is not Herald's: build the folder again with \`herald build\``)
}

/** Reads and checks the datasets of records of a build folder, in registry order. */
export function readBuildFolder(folder: string): FolderDataset[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new DatasetError(`No folder \`${folder}\`: give a folder \`herald build\` wrote`)
  }

  const marker = readMarker(folder)
  if (typeof marker.command !== 'string' || !exportableWriters.includes(marker.command)) {
    throw new DatasetError(
      `\`${folder}\` was written by \`${String(marker.command)}\`, not \`herald build\`: ` +
        'export reads the datasets of `herald build` or `herald regenerate`'
    )
  }

  const listed = marker.datasets ?? {}
  for (const name of Object.keys(listed)) {
    if (!registry.some((definition) => definition.name === name)) {
      throw new DatasetError(
        `${markerFile} of \`${folder}\` lists a dataset this Herald does not know ` +
          `(\`${name}\`): export it with the Herald that built it, or a later one`
      )
    }
  }

  const datasets: FolderDataset[] = []
  for (const definition of registry) {
    const stated = Object.hasOwn(listed, definition.name) ? listed[definition.name] : undefined
    if (!stated || !definition.recordDefinition) continue
    const file = path.join(folder, definition.file)
    if (stated.schema !== schemaId(definition.schema)) {
      throw new DatasetError(
        `${file} follows ${String(stated.schema)}, not ${schemaId(definition.schema)} as this ` +
          `Herald does: build the folder again with this Herald, or export it with the one that built it`
      )
    }

    let bytes: Buffer
    try {
      bytes = fs.readFileSync(file)
    } catch (error) {
      throw new DatasetError(
        `${markerFile} lists ${definition.file}, which cannot be read (${(error as Error).message}): ` +
          'build the folder again'
      )
    }

    const records = parseDataset(bytes, file)
    if (records.length !== stated.records) {
      throw new DatasetError(
        `${file} holds ${records.length} records where ${markerFile} says ${String(stated.records)}: ` +
          'it was changed after the build; build the folder again'
      )
    }

    const invalid = validateRecords(definition.name as SchemaName, records)
    if (invalid) {
      throw new DatasetError(`${folder}: ${invalid}; build the folder again`)
    }

    datasets.push({definition, records})
  }

  return datasets
}
