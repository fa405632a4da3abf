import type {DatasetDefinition, Writer} from './definition.js'
import {countryRules} from './country-rules.js'
import {entries} from './entries.js'
import {commits, entryHistory, offerHistory} from './history-datasets.js'
import {offers} from './offers.js'
import {report} from './report.js'
import {tables} from './tables.js'

/**
 * Every dataset Herald writes, declared once: build, validation, writing, diff, export and
 * history read this list, in this order (the order of `herald diff`'s sections).
 */
export const registry = [
  entries,
  offers,
  countryRules,
  tables,
  report,
  entryHistory,
  offerHistory,
  commits
] as const satisfies readonly DatasetDefinition[]

/** The datasets a command writes into its output folder. */
export function datasetsWrittenBy(writer: Writer): DatasetDefinition[] {
  return registry.filter((definition) => definition.writer === writer)
}

/** The datasets of `herald build`, by name, and their files. */
export const datasetFiles = {
  entries: entries.file,
  tables: tables.file,
  offers: offers.file,
  countryRules: countryRules.file,
  report: report.file
} as const

/** The names of the datasets of `herald build`. */
export type BuildDatasetName = keyof typeof datasetFiles

/** The names of the datasets of `herald build`, in the order they are written. */
export const datasetNames = Object.keys(datasetFiles) as BuildDatasetName[]

/** Every dataset file name Herald writes into an output folder, whichever command. */
export const heraldFileNames: ReadonlySet<string> = new Set(registry.map((item) => item.file))

/** Where the schemas of this contract live: `$id` of `schemas/<name>.schema.json`. */
export const schemaBase = 'https://herald.dev/schemas/'

/** The `$id` of a dataset's schema (a test holds it against `schemas/`). */
export function schemaId(definition: DatasetDefinition): string {
  return `${schemaBase}${definition.schema}.schema.json`
}
