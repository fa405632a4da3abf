import fs from 'node:fs'
import {Ajv2020, type ValidateFunction} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/**
 * Every dataset is validated against its schema before anything is written. The
 * schemas are compiled once per process, on first use.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020
const schemaFolder = new URL('../../schemas/', import.meta.url)
let ajv: Ajv2020 | undefined
const validators = new Map<string, ValidateFunction>()

export type DatasetName =
  | 'entries'
  | 'tables'
  | 'offers'
  | 'countryRules'
  | 'report'
  | 'diff'
  | 'entryHistory'
  | 'offerHistory'
  | 'commits'

/** Schema file names are kebab-case (`country-rules.schema.json`). */
function schemaFile(name: DatasetName): string {
  return `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.schema.json`
}

function validatorFor(name: DatasetName): ValidateFunction {
  let validate = validators.get(name)
  if (!validate) {
    ajv ??= addFormats(new Ajv2020({strict: true, allErrors: false}))
    const schema = JSON.parse(fs.readFileSync(new URL(schemaFile(name), schemaFolder), 'utf8'))
    validate = ajv.compile(schema)
    validators.set(name, validate)
  }

  return validate
}

/** Undefined when valid; otherwise a message naming the record and the problem. */
export function validateDataset(name: DatasetName, data: unknown): string | undefined {
  const validate = validatorFor(name)
  if (validate(data)) return undefined
  const error = validate.errors![0]!
  const pointer = error.instancePath || '/'
  const index = /^\/(\d+)/.exec(pointer)
  const record =
    index && Array.isArray(data)
      ? (data[Number(index[1])] as {key?: string} | undefined)
      : undefined
  const which = record?.key ? ` (record \`${record.key}\`)` : ''
  return `${name}.json${which} at \`${pointer}\` ${error.message ?? 'is invalid'}`
}
