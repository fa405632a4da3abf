import {DatasetError} from '../errors.js'
import type {JsonRecord} from './definition.js'
import {contractVersion} from './registry.js'

/**
 * The records of a dataset file read back — by `herald diff`, by `herald export` — from
 * a folder or a git revision whose JSON may be hostile: keys that could reach a prototype
 * are dropped while parsing, and records are only read through `Object.hasOwn`.
 */

const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype'])

function dropUnsafeKeys(key: string, value: unknown): unknown {
  return unsafeKeys.has(key) ? undefined : value
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** The records of one dataset file; `label` names it in messages. */
export function parseDataset(bytes: Uint8Array, label: string): JsonRecord[] {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new DatasetError(`${label} is not UTF-8 text`)
  }

  let data: unknown
  try {
    data = JSON.parse(text, dropUnsafeKeys)
  } catch (error) {
    throw new DatasetError(`${label} is not valid JSON: ${(error as Error).message}`)
  }

  const records = recordsOf(data, label)
  for (const [index, record] of records.entries()) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new DatasetError(`${label}, record ${index + 1}: expected an object`)
    }
  }

  return records as JsonRecord[]
}

/**
 * The records of a dataset file: `{$schema, records}` since contract 2, a bare array
 * before. A file of a later contract is refused: its records may not mean what this
 * version of Herald reads them as.
 */
function recordsOf(data: unknown, label: string): unknown[] {
  if (Array.isArray(data)) return data
  if (
    data !== null &&
    typeof data === 'object' &&
    Array.isArray((data as {records?: unknown}).records)
  ) {
    const schema = (data as {$schema?: unknown}).$schema
    const major = typeof schema === 'string' ? /\/v(\d+)\//.exec(schema)?.[1] : undefined
    if (major !== undefined && Number(major) > contractVersion) {
      throw new DatasetError(
        `${label} follows contract ${major} (${String(schema)}), newer than this Herald's ` +
          `${contractVersion}: upgrade Herald to read it`
      )
    }

    return (data as {records: unknown[]}).records
  }

  throw new DatasetError(`${label} should hold the records of a dataset: is it a Herald dataset?`)
}
