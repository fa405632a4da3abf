import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {parseFeed} from '@rowanmanning/feed-parser'
import Database from 'better-sqlite3'
import {parse as parseCsv} from 'csv-parse/sync'
import {SaxesParser} from 'saxes'
import {expect} from 'vitest'
import {canonicalJson} from '../../pipeline/datasets/canonical-json.js'
import type {DatasetTable} from '../../pipeline/export/dataset-table.js'
import type {Column} from '../../pipeline/export/record-columns.js'
import {root} from './scratch.js'

/**
 * Checks shared by the fixture and corpus tests of the exports. Each reads what an
 * export wrote with a reader that is not Herald's (SQLite, csv-parse, saxes, a feed
 * parser) and compares it with the records of the build folder, folding rows back into
 * records here, independently of the export's own code.
 */

/** The fields a record of the dataset always has (its schema's `required`). */
export function requiredFields(table: DatasetTable): Set<string> {
  const schema = JSON.parse(
    fs.readFileSync(`${root}/schemas/${table.definition.schema}.schema.json`, 'utf8')
  ) as {$defs: Record<string, {required?: string[]}>}
  return new Set(schema.$defs[table.definition.recordDefinition!]!.required ?? [])
}

/**
 * A row (column name → value) folded back into a record: `<field>_text`/`_en` into
 * `{text, en}`, JSON text parsed (`json: true`, SQLite and CSV), 1/0 into booleans; a null
 * is a null where the field is required, an absent field where it is not.
 */
export function foldRow(
  row: Record<string, unknown>,
  columns: readonly Column[],
  required: ReadonlySet<string>,
  options: {json: boolean}
): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const column of columns) {
    const value = row[column.name]
    if (column.part) {
      if (value !== null) {
        record[column.field] = {...(record[column.field] as object), [column.part]: value}
      } else if (column.part === 'text' && required.has(column.field)) record[column.field] = null
    } else if (value === null) {
      if (required.has(column.field)) record[column.field] = null
    } else if (column.kind === 'json' && options.json)
      record[column.field] = JSON.parse(value as string)
    else if (column.kind === 'boolean' && options.json) record[column.field] = value === 1
    else record[column.field] = value
  }

  return record
}

/**
 * The same records, compared as canonical JSON first (fast on thousands of records),
 * then, where they differ, record by record for a readable difference.
 */
export function expectSameRecords(actual: unknown[], expected: unknown[], label: string): void {
  expect(actual.length, label).toBe(expected.length)
  if (canonicalJson(actual) === canonicalJson(expected)) return
  for (const [index, record] of actual.entries())
    expect(record, `${label} ${index}`).toEqual(expected[index])
}

/** The rows of a table in insertion order, as SQLite returns them. */
export function sqliteRows(file: string, table: string): Array<Record<string, unknown>> {
  const database = new Database(file, {readonly: true})
  try {
    return database.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Array<
      Record<string, unknown>
    >
  } finally {
    database.close()
  }
}

/**
 * The SQLite database holds every record of every dataset, as rows that fold back into
 * them; its keys hold: no two records share a primary key (NULLs compared as equal,
 * which SQLite's PRIMARY KEY does not do), and every foreign key finds its record.
 */
export function checkSqlite(file: string, tables: readonly DatasetTable[]): void {
  const database = new Database(file, {readonly: true})
  try {
    expect(database.pragma('user_version', {simple: true})).toBe(2)
    expect(database.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(database.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok'])
    for (const table of tables) {
      const count = database.prepare(`SELECT count(*) FROM "${table.table}"`).pluck().get()
      expect(count, table.table).toBe(table.records.length)
      const key = table.primaryKey.map((name) => `"${name}"`).join(', ')
      const distinct = database
        .prepare(`SELECT count(*) FROM (SELECT DISTINCT ${key} FROM "${table.table}")`)
        .pluck()
        .get()
      expect(distinct, `${table.table} primary key`).toBe(table.records.length)
    }
  } finally {
    database.close()
  }

  for (const table of tables) {
    const required = requiredFields(table)
    const rows = sqliteRows(file, table.table)
    const folded = rows.map((row) => foldRow(row, table.columns, required, {json: true}))
    expectSameRecords(folded, table.records, table.table)
  }
}

/** NDJSON: one line per record, keys in column order, folding back into the records. */
export function checkNdjson(file: string, table: DatasetTable): void {
  const text = fs.readFileSync(file, 'utf8')
  expect(text.endsWith('\n') || text === '').toBe(true)
  const lines = text.split('\n').slice(0, -1)
  expect(lines).toHaveLength(table.records.length)
  const required = requiredFields(table)
  const names = table.columns.map((column) => column.name).join()
  const folded = lines.map((line) => {
    const row = JSON.parse(line) as Record<string, unknown>
    expect(Object.keys(row).join()).toBe(names)
    return foldRow(row, table.columns, required, {json: false})
  })
  expectSameRecords(folded, table.records, table.stem)
}

/**
 * CSV, read by csv-parse with CRLF as the only record delimiter and strict quoting: a
 * header of the column names, then exactly the SQLite table's rows (an unquoted empty
 * field is a null, a quoted one an empty text).
 */
export function checkCsv(file: string, database: string, table: DatasetTable): void {
  const text = fs.readFileSync(file, 'utf8')
  expect(text.endsWith('\r\n')).toBe(true)
  const records = parseCsv(text, {
    record_delimiter: '\r\n',
    cast: (value, context) => (value === '' && !context.quoting ? null : value)
  }) as Array<Array<string | null>>
  const [header, ...rows] = records
  expect(header).toEqual(table.columns.map((column) => column.name))
  const expected = sqliteRows(database, table.table).map((row) =>
    table.columns.map((column) => {
      const value = row[column.name]
      return value === null ? null : String(value)
    })
  )
  expectSameRecords(rows, expected, table.stem)
}

/** An XML element as saxes reports it: Atom's elements by local name. */
export interface XmlElement {
  name: string
  namespace: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

/** Parses XML with saxes, which refuses anything not well-formed XML 1.0 (with namespaces). */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({xmlns: true})
  const stack: XmlElement[] = []
  let top: XmlElement | undefined
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value])
      ),
      children: [],
      text: ''
    }
    stack.at(-1)?.children.push(element)
    stack.push(element)
    top ??= element
  })
  parser.on('text', (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(xml).close()
  return top!
}

const atomNamespace = 'http://www.w3.org/2005/Atom'
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

function only(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((child) => child.name === name)
  expect(found, `one <${name}> in <${element.name}>`).toHaveLength(1)
  return found[0]!
}

/** The one `<link rel="alternate">` of an element (rel defaults to alternate). */
function alternate(element: XmlElement): string {
  const links = element.children.filter(
    (child) => child.name === 'link' && (child.attributes.rel ?? 'alternate') === 'alternate'
  )
  expect(links).toHaveLength(1)
  return links[0]!.attributes.href!
}

/** A feed entry as the checks read it from the XML. */
export interface ReadEntry {
  id: string
  title: string
  link: string
  published: string
  updated: string
  summary?: string
}

/**
 * What RFC 4287 requires of a feed, checked on the XML as saxes reads it: an Atom `feed`
 * with one id, title, updated and an author; entries with one id, title, updated and
 * an alternate link each, ids unique, dates RFC 3339, none after the feed's `updated`.
 * Then @rowanmanning/feed-parser must read the same feed and report the same values.
 */
export function checkAtom(xml: string): {updated: string; entries: ReadEntry[]} {
  const feed = parseXml(xml)
  expect(feed.name).toBe('feed')
  expect(feed.namespace).toBe(atomNamespace)
  for (const element of [feed, ...feed.children]) expect(element.namespace).toBe(atomNamespace)
  only(feed, 'id')
  only(feed, 'title')
  expect(only(only(feed, 'author'), 'name').text).not.toBe('')
  const updated = only(feed, 'updated').text
  expect(updated).toMatch(rfc3339)
  const entries = feed.children
    .filter((child) => child.name === 'entry')
    .map((entry): ReadEntry => {
      const summaries = entry.children.filter((child) => child.name === 'summary')
      expect(summaries.length).toBeLessThanOrEqual(1)
      const read: ReadEntry = {
        id: only(entry, 'id').text,
        title: only(entry, 'title').text,
        link: alternate(entry),
        published: only(entry, 'published').text,
        updated: only(entry, 'updated').text,
        ...(summaries[0] ? {summary: summaries[0].text} : {})
      }
      expect(read.id).toMatch(/^(?:tag|urn):/)
      expect(read.published).toMatch(rfc3339)
      expect(read.updated).toMatch(rfc3339)
      expect(read.updated <= updated).toBe(true)
      return read
    })
  expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length)

  const parsed = parseFeed(xml).toJSON()
  expect(parsed.meta).toEqual({type: 'atom', version: '1.0'})
  expect(parsed.updated).toBe(new Date(updated).toISOString())
  expect(parsed.items.map((item) => ({id: item.id, title: item.title, url: item.url}))).toEqual(
    entries.map((entry) => ({id: entry.id, title: entry.title, url: entry.link}))
  )
  expect(parsed.items.map((item) => item.published)).toEqual(
    entries.map((entry) => new Date(entry.published).toISOString())
  )
  return {updated, entries}
}

/** Every file of a folder (name → SHA-256 of its bytes), to compare two exports. */
export function folderHashes(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(`${folder}/${name}`))
          .digest('hex')
      ])
  )
}
