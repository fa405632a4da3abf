import {describe, expect, it} from 'vitest'
import {registry} from '../pipeline/datasets/registry.js'
import {DatasetError} from '../pipeline/errors.js'
import {datasetTable} from '../pipeline/export/dataset-table.js'
import {
  cellsOf,
  columnsOfSchema,
  jsonRowOf,
  recordColumns
} from '../pipeline/export/record-columns.js'

/** Columns from JSON Schema: what each construct becomes, on small schemas. */

/** A schema document whose record definition `item` has these properties. */
function schemaWith(properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    $defs: {
      text: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {text: {type: 'string'}, en: {type: 'string'}}
      },
      ...extra,
      item: {type: 'object', required: ['id', 'title', 'count'], properties}
    }
  }
}

describe('columns derived from a record schema', () => {
  const document = schemaWith(
    {
      id: {type: 'string'},
      count: {type: 'integer'},
      ratio: {type: ['number', 'null']},
      done: {type: 'boolean'},
      title: {$ref: '#/$defs/text'},
      caption: {anyOf: [{$ref: '#/$defs/text'}, {type: 'null'}]},
      flavour: {enum: ['sxs', 'plain']},
      level: {enum: [1, 2, null]},
      fixed: {const: 'x'},
      tags: {type: 'array', items: {type: 'string'}},
      where: {type: 'object', properties: {line: {type: 'integer'}}},
      pair: {type: 'object', properties: {text: {type: 'string'}, en: {type: 'string'}}},
      anything: {},
      mixed: {type: ['string', 'integer']},
      amount: {anyOf: [{type: 'integer'}, {type: 'number'}]},
      commit: {$ref: '#/$defs/point/properties/commit'}
    },
    {point: {type: 'object', properties: {commit: {type: 'string'}}}}
  )

  it('maps each construct to its column kind, nullability and name, in schema order', () => {
    expect(
      columnsOfSchema(document, 'item').map(
        (column) => `${column.name}:${column.kind}${column.nullable ? '?' : ''}`
      )
    ).toEqual([
      'id:text',
      'count:integer',
      'ratio:real?',
      'done:boolean?',
      'title_text:text',
      'title_en:text?',
      'caption_text:text?',
      'caption_en:text?',
      'flavour:text?',
      'level:integer?',
      'fixed:text?',
      'tags:json?',
      'where:json?',
      // Without `additionalProperties: false` it may hold more than text and English.
      'pair:json?',
      'anything:json?',
      'mixed:json?',
      'amount:real?',
      'commit:text?'
    ])
  })

  it('gives each record its cells and its NDJSON row in column order', () => {
    const columns = columnsOfSchema(document, 'item')
    const record = {
      id: 'a,"b"',
      count: 3,
      ratio: null,
      done: true,
      title: {text: 'Titre', en: 'Title'},
      caption: null,
      tags: ['x'],
      where: {line: 4},
      anything: false
    }
    expect(cellsOf(record, columns)).toEqual([
      'a,"b"',
      3,
      null,
      1,
      'Titre',
      'Title',
      null,
      null,
      null,
      null,
      null,
      '["x"]',
      '{"line":4}',
      null,
      'false',
      null,
      null,
      null
    ])
    const row = jsonRowOf(record, columns)
    expect(Object.keys(row)).toEqual(columns.map((column) => column.name))
    expect(row).toMatchObject({done: true, tags: ['x'], where: {line: 4}, anything: false})
    expect(row.caption_text).toBeNull()
  })

  it('refuses two columns of one name, and references outside the document', () => {
    expect(() =>
      columnsOfSchema(
        schemaWith({title: {$ref: '#/$defs/text'}, title_en: {type: 'string'}}),
        'item'
      )
    ).toThrow(new DatasetError('schema definition `item`: two columns would be named `title_en`'))
    expect(() => columnsOfSchema(schemaWith({id: {$ref: 'other.json#/$defs/x'}}), 'item')).toThrow(
      /only local `\$ref`s can be exported/
    )
    expect(() => columnsOfSchema(schemaWith({id: {$ref: '#/$defs/none'}}), 'item')).toThrow(
      /points nowhere/
    )
  })
})

describe('columns of the registry datasets', () => {
  it('derives every dataset of records, with its key as columns of their own', () => {
    for (const definition of registry) {
      if (!definition.recordDefinition) continue
      const table = datasetTable(definition, [])
      const names = table.columns.map((column) => column.name)
      expect(new Set(names).size, definition.name).toBe(names.length)
      expect(table.primaryKey, definition.name).toEqual([...(definition.key ?? [])])
    }
  })

  it('flattens the texts of entries and offers and keeps nested values as JSON', () => {
    const entries = registry.find((definition) => definition.name === 'entries')!
    const kinds = Object.fromEntries(
      recordColumns(entries).map((column) => [column.name, column.kind])
    )
    expect(kinds).toMatchObject({
      number: 'integer',
      title_text: 'text',
      title_en: 'text',
      dateText_text: 'text',
      anchors: 'json',
      sections: 'json',
      status: 'json',
      source: 'json'
    })
    const offers = registry.find((definition) => definition.name === 'offers')!
    expect(datasetTable(offers, []).foreignKey).toEqual({
      columns: ['locale', 'flavour', 'entryKey'],
      table: 'entries',
      to: ['locale', 'flavour', 'key']
    })
  })
})
