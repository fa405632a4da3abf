import fs from 'node:fs'
import path from 'node:path'
import {OutputError} from '../errors.js'
import {canonicalJson} from './canonical-json.js'
import type {DatasetDefinition} from './definition.js'
import {datasetsWrittenBy, heraldFileNames, schemaId} from './registry.js'

/**
 * Every output folder says which command wrote it, in `herald.json`, beside its datasets:
 * the command, and per dataset its file, the schema it follows and its record count.
 * `build`, `regenerate` and `history` each replace only their own folders (or an empty
 * one) unless `--force`: a history written where a regeneration lives, or the other way
 * round, would silently replace one set of datasets with another.
 */

/** The commands that write output folders. */
export type FolderWriter = 'build' | 'regenerate' | 'history'

/** The file that names a folder's writer. */
export const markerFile = 'herald.json'

/** The datasets a command writes: build and regenerate write the same ones. */
export function datasetsOf(writer: FolderWriter): DatasetDefinition[] {
  return datasetsWrittenBy(writer === 'history' ? 'history' : 'build')
}

/** The content of `herald.json` for a folder of these datasets. */
export function folderMarker(
  writer: FolderWriter,
  datasets: ReadonlyArray<{definition: DatasetDefinition; data: unknown}>
): string {
  return canonicalJson({
    command: `herald ${writer}`,
    datasets: Object.fromEntries(
      datasets.map(({definition, data}) => [
        definition.name,
        {
          file: definition.file,
          schema: schemaId(definition.schema),
          ...(Array.isArray(data) ? {records: data.length} : {})
        }
      ])
    )
  })
}

/** Which command wrote a folder, by its marker, or by its files where it has none. */
function ownerOf(out: string, names: string[]): FolderWriter | 'unknown' | undefined {
  if (names.includes(markerFile)) {
    try {
      const marker = JSON.parse(fs.readFileSync(path.join(out, markerFile), 'utf8')) as {
        command?: unknown
      }
      const command = typeof marker.command === 'string' ? marker.command.slice(7) : ''
      return ['build', 'regenerate', 'history'].includes(command)
        ? (command as FolderWriter)
        : 'unknown'
    } catch {
      return 'unknown'
    }
  }

  // Folders written before the marker existed: their files tell build from history.
  const datasets = names.filter((name) => heraldFileNames.has(name))
  if (datasets.length === 0) return undefined
  const built = new Set(datasetsOf('build').map((definition) => definition.file))
  return datasets.every((name) => built.has(name)) ? 'build' : 'history'
}

/**
 * Whether `writer` may replace `out`: it does not exist, or is an empty folder, or holds
 * only what the same command wrote (or `force`). Never a git repository: the swap would
 * delete its history. Throws an OutputError that says what to do.
 */
export function checkReplaceable(out: string, writer: FolderWriter, force: boolean): void {
  if (!fs.existsSync(out)) return
  if (!fs.statSync(out).isDirectory()) {
    throw new OutputError(`\`${out}\` exists and is not a folder: choose another --out`)
  }

  if (fs.existsSync(path.join(out, '.git'))) {
    throw new OutputError(`\`${out}\` is a git repository: choose a folder inside it as --out`)
  }

  if (force) return
  const names = fs.readdirSync(out)
  const foreign = names.filter((name) => !heraldFileNames.has(name) && name !== markerFile)
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 3)
      .map((name) => `\`${name}\``)
      .join(', ')
    throw new OutputError(
      `\`${out}\` holds files Herald did not write (${shown}${foreign.length > 3 ? ', …' : ''}): ` +
        'choose an empty or Herald-made --out, or pass --force to replace the folder'
    )
  }

  const owner = ownerOf(out, names)
  if (owner === undefined || owner === writer) return
  throw new OutputError(
    owner === 'unknown'
      ? `\`${out}\` has a \`${markerFile}\` Herald cannot read: choose another --out, or pass --force to replace the folder`
      : `\`${out}\` holds the datasets of \`herald ${owner}\`, which \`herald ${writer}\` would replace: ` +
          `give each command its own --out, or pass --force to replace them`
  )
}
