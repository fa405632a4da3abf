import fs from 'node:fs'
import {DatasetError} from '../errors.js'
import type {DatasetDefinition, JsonRecord} from '../datasets/definition.js'

/**
 * The flat columns of a dataset's records, derived from the JSON Schema of one record
 * (`$defs[recordDefinition]` of `schemas/<schema>.schema.json`), never written by hand:
 * a dataset added to the registry exports with no code of its own, and a field added to
 * a schema becomes a column. SQLite, CSV and NDJSON all use these columns, in this order
 * (the schema's property order).
 *
 * - a string, integer, number or boolean field is one column of that kind;
 * - a `{text, en}` object (a text and its English) is two: `<field>_text`, `<field>_en`;
 * - anything else (other objects, arrays, a field of several types) is one JSON column.
 */

/** What a column holds. */
export type ColumnKind = 'text' | 'integer' | 'real' | 'boolean' | 'json'

/** One column of a dataset's table. */
export interface Column {
  /** The column's name in SQLite, CSV and NDJSON: the field, or `<field>_text`/`_en`. */
  name: string
  /** The record's field the column is read from. */
  field: string
  /** For a `{text, en}` field: which of the two the column holds. */
  part?: 'text' | 'en'
  kind: ColumnKind
  /** Whether a record may have no value (null, or an optional field left out). */
  nullable: boolean
}

/** A JSON Schema, as far as columns need it. */
interface Schema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: unknown
}

type SchemaNode = Schema | boolean

/** What one field's schema allows, reduced to how it is stored. */
interface Shape {
  kind: ColumnKind | 'textPair'
  nullable: boolean
  /** For a text pair: whether `en` may be absent. */
  optionalEnglish?: boolean
}

const schemaFolder = new URL('../../schemas/', import.meta.url)

/** The schema at a local JSON Pointer (`#/$defs/commitPoint/properties/commit`). */
function resolvePointer(document: Schema, ref: string, where: string): SchemaNode {
  if (!ref.startsWith('#/')) {
    throw new DatasetError(`${where}: only local \`$ref\`s can be exported, found \`${ref}\``)
  }

  let node: unknown = document
  for (const raw of ref.slice(2).split('/')) {
    const step = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node =
      node !== null && typeof node === 'object' && Object.hasOwn(node, step)
        ? (node as Record<string, unknown>)[step]
        : undefined
  }

  if (node === undefined) throw new DatasetError(`${where}: \`$ref\` \`${ref}\` points nowhere`)
  return node as SchemaNode
}

function kindOfValue(value: unknown): ColumnKind | 'null' {
  if (value === null) return 'null'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'real'
  return 'json'
}

const kindOfType: Record<string, ColumnKind | 'null'> = {
  string: 'text',
  integer: 'integer',
  number: 'real',
  boolean: 'boolean',
  null: 'null',
  array: 'json',
  object: 'json'
}

/**
 * One kind for several: null makes the rest nullable; integers and numbers are numbers;
 * any other mix is JSON, which holds every value.
 */
function unite(shapes: ReadonlyArray<Shape | 'null'>): Shape | 'null' {
  const values = shapes.filter((shape): shape is Shape => shape !== 'null')
  if (values.length === 0) return 'null'
  const nullable = values.length < shapes.length || values.some((shape) => shape.nullable)
  const kinds = new Set(values.map((shape) => shape.kind))
  if (kinds.size === 1) return {...values[0]!, nullable}
  if (kinds.size === 2 && kinds.has('integer') && kinds.has('real')) {
    return {kind: 'real', nullable}
  }

  return {kind: 'json', nullable: true}
}

/** A `{text, en}` object with nothing else: stored as two text columns. */
function isTextPair(schema: Schema, document: Schema, where: string): boolean {
  const properties = schema.properties
  if (!properties || schema.additionalProperties !== false) return false
  const names = Object.keys(properties).sort()
  if (names.join(',') !== 'en,text' || !schema.required?.includes('text')) return false
  return names.every((name) => {
    const shape = shapeOf(properties[name]!, document, where)
    return shape !== 'null' && shape.kind === 'text' && !shape.nullable
  })
}

/** What a schema allows, reduced to how it is stored; `'null'` when it allows only null. */
function shapeOf(node: SchemaNode, document: Schema, where: string): Shape | 'null' {
  if (typeof node === 'boolean' || Object.keys(node).length === 0) {
    return {kind: 'json', nullable: true}
  }

  if (node.$ref !== undefined) {
    return shapeOf(resolvePointer(document, node.$ref, where), document, where)
  }

  const alternatives = node.anyOf ?? node.oneOf
  if (alternatives) {
    return unite(alternatives.map((alternative) => shapeOf(alternative, document, where)))
  }

  const values = node.const !== undefined ? [node.const] : node.enum
  if (values) {
    return unite(
      values.map((value) => {
        const kind = kindOfValue(value)
        return kind === 'null' ? 'null' : {kind, nullable: false}
      })
    )
  }

  const types = node.type === undefined ? (node.properties ? ['object'] : []) : [node.type].flat()
  if (types.length === 0) return {kind: 'json', nullable: true}
  return unite(
    types.map((type) => {
      if (type === 'object' && isTextPair(node, document, where)) {
        return {kind: 'textPair', nullable: false, optionalEnglish: !node.required?.includes('en')}
      }

      const kind = kindOfType[type]
      if (kind === undefined)
        throw new DatasetError(`${where}: unknown JSON Schema type \`${type}\``)
      return kind === 'null' ? 'null' : {kind, nullable: false}
    })
  )
}

/** The columns of the records of `definitionName` (in `$defs`) of a JSON Schema document. */
export function columnsOfSchema(schemaDocument: object, definitionName: string): Column[] {
  const document = schemaDocument as Schema
  const where = `schema definition \`${definitionName}\``
  const record = resolvePointer(document, `#/$defs/${definitionName}`, where)
  if (typeof record === 'boolean' || !record.properties) {
    throw new DatasetError(`${where} is not an object with properties: it cannot be a table`)
  }

  const required = new Set(record.required ?? [])
  const columns: Column[] = []
  for (const [field, node] of Object.entries(record.properties)) {
    const found = shapeOf(node, document, `${where}, \`${field}\``)
    // A field that can only be null still gets its column, always empty.
    const shape: Shape = found === 'null' ? {kind: 'json', nullable: true} : found
    const absent = shape.nullable || !required.has(field)
    if (shape.kind === 'textPair') {
      columns.push({name: `${field}_text`, field, part: 'text', kind: 'text', nullable: absent})
      columns.push({
        name: `${field}_en`,
        field,
        part: 'en',
        kind: 'text',
        nullable: absent || shape.optionalEnglish === true
      })
    } else columns.push({name: field, field, kind: shape.kind, nullable: absent})
  }

  const seen = new Set<string>()
  for (const column of columns) {
    if (seen.has(column.name)) {
      throw new DatasetError(`${where}: two columns would be named \`${column.name}\``)
    }

    seen.add(column.name)
  }

  return columns
}

/** The columns of a dataset's records, from its schema in `schemas/`. */
export function recordColumns(definition: DatasetDefinition): Column[] {
  if (!definition.recordDefinition) {
    throw new DatasetError(`${definition.file} is one document, not records: it has no columns`)
  }

  const file = new URL(`${definition.schema}.schema.json`, schemaFolder)
  return columnsOfSchema(
    JSON.parse(fs.readFileSync(file, 'utf8')) as object,
    definition.recordDefinition
  )
}

/** A value as SQLite and CSV store it: nested values as JSON text, booleans as 1 or 0. */
export type Cell = string | number | null

/** The value of a record's field for one column, as JSON has it (undefined: absent). */
function valueOf(record: JsonRecord, column: Column): unknown {
  const value = Object.hasOwn(record, column.field) ? record[column.field] : undefined
  if (column.part === undefined) return value
  return value !== null && typeof value === 'object' && Object.hasOwn(value, column.part)
    ? (value as Record<string, unknown>)[column.part]
    : undefined
}

/** A record's row for SQLite and CSV: one cell per column, in column order. */
export function cellsOf(record: JsonRecord, columns: readonly Column[]): Cell[] {
  return columns.map((column) => {
    const value = valueOf(record, column)
    if (value === undefined || value === null) return null
    if (column.kind === 'json') return JSON.stringify(value)
    if (column.kind === 'boolean') return value === true ? 1 : 0
    return value as string | number
  })
}

/**
 * A record's row for NDJSON: every column, in column order, with its JSON value (nested
 * values stay JSON, not text in JSON), null where the record has none.
 */
export function jsonRowOf(record: JsonRecord, columns: readonly Column[]): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const column of columns) row[column.name] = valueOf(record, column) ?? null
  return row
}
