import type {DatasetDefinition, Writer} from './definition.js'
import {announcements} from './catalog.js'
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
  announcements,
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

/**
 * The major version of the contract: the datasets' shapes. It is in the path of every
 * schema's `$id`, and every file states its schema, so a consumer can tell which contract
 * a file follows; the README's changelog says what changed between versions.
 */
export const contractVersion = 2

/** The `$id` of a schema in `schemas/` by its name (`country-rules`): a test holds them. */
export function schemaId(schema: string): string {
  return `https://herald.dev/schemas/v${contractVersion}/${schema}.schema.json`
}

/**
 * What a dataset's file holds: a list of records is `{$schema, records}`; a document (the
 * report) carries its `$schema` itself.
 */
export function fileContent(definition: DatasetDefinition, data: unknown): unknown {
  return definition.recordDefinition ? {$schema: schemaId(definition.schema), records: data} : data
}
