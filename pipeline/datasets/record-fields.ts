import {DatasetError} from '../errors.js'
import type {Identity, JsonRecord, Rename} from './definition.js'

/**
 * Reading the fields of records that may come from any file (an old dataset, a hostile
 * one): only own properties, with a DatasetError that says which record and field is
 * wrong.
 */

/** An own field of a record, or undefined. */
export function own(record: JsonRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** What a value is, for messages: `an array`, `null`, `a number`… */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : `a ${typeof value}`
}

/** A string field that must be there. */
export function text(record: JsonRecord, name: string, where: () => string): string {
  const value = own(record, name)
  if (typeof value === 'string') return value
  throw new DatasetError(
    `${where()}: \`${name}\` should be a string, found ${describeValue(value)}`
  )
}

/** A string field that may be absent or null. */
export function optionalText(
  record: JsonRecord,
  name: string,
  where: () => string
): string | undefined {
  const value = own(record, name)
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  throw new DatasetError(
    `${where()}: \`${name}\` should be a string or absent, found ${describeValue(value)}`
  )
}

/** The month of an entry key (`2020-11/slug` → `2020-11`). */
function monthOf(key: string): string {
  const slash = key.indexOf('/')
  return slash === -1 ? '' : key.slice(0, slash)
}

/** Locale, flavour (`''` when the record has none) and month, common to every dataset. */
export function placeOf(
  record: JsonRecord,
  entryKey: string,
  where: () => string
): Omit<Identity, 'key'> {
  return {
    locale: text(record, 'locale', where),
    flavour: optionalText(record, 'flavour', where) ?? '',
    month: optionalText(record, 'month', where) ?? monthOf(entryKey)
  }
}

/** For the datasets whose records belong to an entry: `entryKey` and `entryId` follow. */
export function followEntry(record: JsonRecord, rename: Rename): JsonRecord {
  const copy: JsonRecord = {...record, entryKey: rename.to.key}
  if (Object.hasOwn(record, 'entryId')) copy.entryId = rename.to.id
  return copy
}
