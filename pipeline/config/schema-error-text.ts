import fs from 'node:fs'
import type {ErrorObject} from 'ajv'

/**
 * An ajv error on a file the user writes (`herald.config.json`), said in words: where
 * (`sources[1].locale`), what is wrong, and what the schema expects there, taken from
 * the schema's own field descriptions so that the message and the schema never differ.
 */

/** The part of a JSON Schema this module reads. */
interface SchemaNode {
  $ref?: string
  description?: string
  type?: string | string[]
  const?: unknown
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  required?: string[]
  $defs?: Record<string, SchemaNode>
}

/** A schema file of `schemas/`: beside `pipeline/` in the sources, beside `dist/` in the package. */
export function readSchema(name: string): SchemaNode {
  const file = new URL(`../../schemas/${name}.schema.json`, import.meta.url)
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaNode
}

/** `#/$defs/source` followed to its node; other nodes as they are. */
function follow(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  const name = node?.$ref?.startsWith('#/$defs/') ? node.$ref.slice('#/$defs/'.length) : undefined
  return name === undefined ? node : root.$defs?.[name]
}

/** The schema node that describes the value at `pointer` (`/sources/1/locale`). */
function nodeAt(root: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root
  for (const part of pointer.split('/').slice(1)) {
    node = follow(root, node)
    node = /^\d+$/.test(part) ? node?.items : node?.properties?.[decodePart(part)]
  }

  return follow(root, node)
}

function decodePart(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** `/sources/1/locale` → `sources[1].locale`; the whole file is `the file`. */
export function fieldName(pointer: string): string {
  if (pointer === '') return 'the file'
  return pointer
    .split('/')
    .slice(1)
    .map((part, index) =>
      /^\d+$/.test(part) ? `[${part}]` : `${index === 0 ? '' : '.'}${decodePart(part)}`
    )
    .join('')
}

/** The JSON type of a value, as the schema names types. */
function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (Number.isInteger(value)) return 'integer'
  return typeof value
}

/** The value at `pointer` in `data`. */
function valueAt(data: unknown, pointer: string): unknown {
  let value = data
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[decodePart(part)]
  }

  return value
}

/** ` (what the field is)`, from the schema; nothing where it has no description. */
function described(node: SchemaNode | undefined): string {
  return node?.description ? `: ${node.description}` : ''
}

/** The message of the first ajv error of `data` against `root`: where, what, what to do. */
export function schemaErrorText(root: SchemaNode, error: ErrorObject, data: unknown): string {
  const where = fieldName(error.instancePath)
  const node = nodeAt(root, error.instancePath)
  const value = valueAt(data, error.instancePath)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty)
      const field = fieldName(`${error.instancePath}/${missing}`)
      return `${field} is missing: add it${described(follow(root, node?.properties?.[missing]))}`
    }

    case 'additionalProperties': {
      const known = Object.keys(node?.properties ?? {})
      return (
        `${where} has a field \`${String(params.additionalProperty)}\` that Herald does not know ` +
        `(a typo?): the fields are ${known.map((name) => `\`${name}\``).join(', ')}`
      )
    }

    case 'type':
      return `${where} is ${typeOf(value)}: it should be ${String(params.type)}${described(node)}`
    case 'const':
      return `${where} should be ${JSON.stringify(params.allowedValue)}, or left out`
    case 'minItems':
      return `${where} is empty: list at least ${String(params.limit)}${described(node)}`
    case 'minLength':
      return `${where} is empty${described(node)}`
    case 'pattern':
      return `${where} is ${JSON.stringify(value)}, which is not what it should be${described(node)}`
    default:
      return `${where} ${error.message ?? 'is invalid'}${described(node)}`
  }
}
