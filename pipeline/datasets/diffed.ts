import {countryRules} from './country-rules.js'
import type {JsonRecord} from './definition.js'
import {entries} from './entries.js'
import {offers} from './offers.js'
import {tables} from './tables.js'

/**
 * The datasets `herald diff` compares — those of a build whose records have a diff spec —
 * in the order its summary lists them, and their records as read from one folder.
 */

/** The datasets a diff compares, by name, in the order the summary lists them. */
export const diffedDatasets = {entries, offers, countryRules, tables} as const

/** The name of a dataset the diff compares. */
export type DiffedDataset = keyof typeof diffedDatasets

/** The names of the datasets a diff compares, in order. */
export const diffedNames = Object.keys(diffedDatasets) as DiffedDataset[]

/** The records of the compared datasets of one folder (a missing dataset is empty). */
export type DatasetRecords = {
  /** Where they come from, for messages: a folder, `REV:PATH` or a commit. */
  label: string
} & Record<DiffedDataset, readonly JsonRecord[]>
