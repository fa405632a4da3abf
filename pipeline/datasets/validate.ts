import type {ErrorObject} from 'ajv'
import * as compiled from '../types/validators.js'
import type {Validator} from '../types/validators.js'

/**
 * Every dataset is validated against its schema before anything is written, and every
 * page's records before they join a dataset. The validators are ajv's standalone code,
 * compiled from `schemas/` once by `npm run types`: no process or worker compiles a
 * schema at run time.
 */

const validators: Record<string, Validator | undefined> = compiled

/** What can be validated: a dataset or the diff by name, or `<name>Record` for one record. */
export type SchemaName =
  | 'entries'
  | 'tables'
  | 'offers'
  | 'countryRules'
  | 'report'
  | 'announcements'
  | 'diff'
  | 'entryHistory'
  | 'offerHistory'
  | 'commits'

/** Undefined when valid; otherwise a message naming the record and the problem. */
export function validateDataset(name: SchemaName, data: unknown): string | undefined {
  return check(name, name, data)
}

/** Undefined when every record is valid; otherwise a message naming the first bad one. */
export function validateRecords(name: SchemaName, records: readonly unknown[]): string | undefined {
  const validate = validators[`${name}Record`]
  if (!validate) throw new Error(`No record schema for \`${name}\``)
  for (const [index, record] of records.entries()) {
    if (validate(record)) continue
    return messageOf(name, validate.errors![0]!, `/${index}`, record)
  }

  return undefined
}

function check(name: SchemaName, exported: string, data: unknown): string | undefined {
  const validate = validators[exported]
  if (!validate) throw new Error(`No schema for \`${name}\``)
  if (validate(data)) return undefined
  const error = validate.errors![0]!
  const index = /^\/(\d+)/.exec(error.instancePath)
  const record = index && Array.isArray(data) ? data[Number(index[1])] : undefined
  return messageOf(name, error, '', record)
}

function messageOf(name: string, error: ErrorObject, prefix: string, record: unknown): string {
  const pointer = prefix + error.instancePath || '/'
  const key = (record as {key?: unknown} | undefined)?.key
  const which = typeof key === 'string' ? ` (record \`${key}\`)` : ''
  return `${name}.json${which} at \`${pointer}\` ${error.message ?? 'is invalid'}`
}
