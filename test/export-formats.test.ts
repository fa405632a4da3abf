import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {beforeAll, describe, expect, it} from 'vitest'
import {exportDatasets, type ExportOptions} from '../pipeline/commands/export.js'
import type {JsonRecord} from '../pipeline/datasets/definition.js'
import {DatasetError, OutputError, UsageError} from '../pipeline/errors.js'
import {writeAtomFeeds} from '../pipeline/export/atom.js'
import {datasetTable, type DatasetTable} from '../pipeline/export/dataset-table.js'
import {readBuildFolder} from '../pipeline/export/read-build-folder.js'
import {
  checkAtom,
  checkCsv,
  checkNdjson,
  checkSqlite,
  folderHashes,
  sqliteRows
} from './helpers/export-checks.js'
import {fixtureFolder} from './helpers/fixtures.js'
import {root, scratchFolder} from './helpers/scratch.js'

/**
 * The exports of two small build folders: `output/` (the build of the sample `input/`,
 * French sxs and plain, Japanese plain) and `test/fixtures/export-quoting/`, whose
 * records hold what CSV, JSON and XML must quote or escape: quotes, commas, CR LF,
 * empty texts, non-ASCII, `<` and `&`, a control character. Each export is read back
 * with another program's reader (see helpers/export-checks.ts).
 */

const quoting = path.join(fixtureFolder, 'export-quoting')
const sample = path.join(root, 'output')

function tablesOf(folder: string): DatasetTable[] {
  return readBuildFolder(folder).map(({definition, records}) => datasetTable(definition, records))
}

/** A copy of a build folder to spoil, its files changed by `change` (name → new text). */
function spoiled(folder: string, change: (files: Record<string, string>) => void): string {
  const files = Object.fromEntries(
    fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')])
  )
  change(files)
  const copy = scratchFolder('herald-export-spoiled-')
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(copy, name), text)
  return copy
}

function editJson(files: Record<string, string>, name: string, edit: (data: never) => void): void {
  const data = JSON.parse(files[name]!) as never
  edit(data)
  files[name] = JSON.stringify(data)
}

for (const [label, folder] of [
  ['the quoting fixture', quoting],
  ['the sample build (output/)', sample]
] as const) {
  describe(`export of ${label}`, () => {
    let out: string
    let tables: DatasetTable[]

    beforeAll(() => {
      out = scratchFolder('herald-export-')
      tables = tablesOf(folder)
      exportDatasets({
        folder,
        sqlite: path.join(out, 'data.db'),
        ndjson: path.join(out, 'ndjson'),
        csv: path.join(out, 'csv'),
        atom: path.join(out, 'atom')
      })
    })

    it('exports every dataset of records herald.json lists, with its count', () => {
      const marker = JSON.parse(fs.readFileSync(path.join(folder, 'herald.json'), 'utf8')) as {
        datasets: Record<string, {records?: number}>
      }
      const listed = Object.entries(marker.datasets).filter(([, dataset]) => 'records' in dataset)
      expect(
        Object.fromEntries(tables.map((table) => [table.definition.name, table.records.length]))
      ).toEqual(Object.fromEntries(listed.map(([name, dataset]) => [name, dataset.records])))
    })

    it('writes SQLite rows that fold back into the records, keys holding', () => {
      checkSqlite(path.join(out, 'data.db'), tables)
    })

    it('writes NDJSON lines that fold back into the records', () => {
      for (const table of tables)
        checkNdjson(path.join(out, 'ndjson', `${table.stem}.ndjson`), table)
    })

    it('writes CSV that a CSV parser reads as the SQLite rows', () => {
      for (const table of tables) {
        checkCsv(path.join(out, 'csv', `${table.stem}.csv`), path.join(out, 'data.db'), table)
      }
    })

    it('writes valid Atom feeds, one per locale, of the dated entries newest first', () => {
      const entries = tables.find((table) => table.table === 'entries')!.records
      const locales = [...new Set(entries.map((entry) => String(entry.locale).toLowerCase()))]
      expect(fs.readdirSync(path.join(out, 'atom')).sort()).toEqual(
        locales.map((locale) => `${locale}.atom`).sort()
      )
      for (const locale of locales) {
        const feed = checkAtom(fs.readFileSync(path.join(out, 'atom', `${locale}.atom`), 'utf8'))
        const dated = new Set(
          entries
            .filter((entry) => String(entry.locale).toLowerCase() === locale && entry.date)
            .map((entry) => entry.key)
        )
        expect(feed.entries).toHaveLength(Math.min(50, dated.size))
        const dates = feed.entries.map((entry) => entry.published)
        expect(dates).toEqual([...dates].sort().reverse())
      }
    })

    it('writes the same NDJSON, CSV and Atom bytes again, from a copy elsewhere', () => {
      const copy = spoiled(folder, () => {})
      const again = scratchFolder('herald-export-again-')
      exportDatasets({
        folder: copy,
        ndjson: path.join(again, 'ndjson'),
        csv: path.join(again, 'csv'),
        atom: path.join(again, 'atom')
      })
      for (const format of ['ndjson', 'csv', 'atom']) {
        expect(folderHashes(path.join(again, format)), format).toEqual(
          folderHashes(path.join(out, format))
        )
      }
    })
  })
}

describe('the SQLite export, as Datasette and its users query it', () => {
  let database: Database.Database
  let entries: JsonRecord[]
  let offers: JsonRecord[]

  beforeAll(() => {
    const file = path.join(scratchFolder('herald-export-sql-'), 'data.db')
    exportDatasets({folder: sample, sqlite: file})
    database = new Database(file, {readonly: true})
    const tables = tablesOf(sample)
    entries = tables.find((table) => table.table === 'entries')!.records
    offers = tables.find((table) => table.table === 'offers')!.records
    return () => database.close()
  })

  it('types the columns from the schema, keys from the registry', () => {
    const columns = database.prepare('PRAGMA table_info(entries)').all() as Array<{
      name: string
      type: string
      notnull: number
      pk: number
    }>
    const byName = Object.fromEntries(columns.map((column) => [column.name, column]))
    expect(byName.number).toMatchObject({type: 'INTEGER', notnull: 0})
    expect(byName.title_text).toMatchObject({type: 'TEXT', notnull: 1})
    expect(byName.title_en).toMatchObject({type: 'TEXT', notnull: 0})
    expect(byName.sections).toMatchObject({type: 'TEXT', notnull: 1})
    expect(byName.title).toBeUndefined()
    const key = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk)
    expect(key.map((column) => column.name)).toEqual(['locale', 'flavour', 'key'])

    const prices = database.prepare('PRAGMA table_info(offers)').all() as Array<{name: string}>
    expect(prices.map((column) => column.name)).toContain('name_en')
    const foreign = database.prepare('PRAGMA foreign_key_list(offers)').all() as Array<{
      table: string
      from: string
      to: string
    }>
    expect(foreign.map((row) => [row.table, row.from, row.to])).toEqual([
      ['entries', 'locale', 'locale'],
      ['entries', 'flavour', 'flavour'],
      ['entries', 'entryKey', 'key']
    ])
    // A country rule's key has nullable columns (`country`, `region`): a unique index.
    const rules = database.prepare('PRAGMA table_info(country_rules)').all() as Array<{pk: number}>
    expect(rules.every((column) => column.pk === 0)).toBe(true)
    const indexes = database.prepare('PRAGMA index_list(country_rules)').all() as Array<{
      name: string
      unique: number
    }>
    expect(indexes.find((index) => index.name === 'country_rules_key')?.unique).toBe(1)
    expect(database.prepare('PRAGMA index_info(country_rules_key)').pluck(false).all()).toEqual(
      ['locale', 'flavour', 'entryKey', 'country', 'region', 'kind'].map((name, seqno) =>
        expect.objectContaining({seqno, name})
      )
    )
    for (const table of ['country_rules', 'tables']) {
      const list = database.prepare(`PRAGMA foreign_key_list(${table})`).all() as Array<{
        table: string
      }>
      expect(list.map((row) => row.table)).toEqual(['entries', 'entries', 'entries'])
    }
  })

  it('finds a French title word with FTS5 MATCH, as many entries as contain it', () => {
    const found = database
      .prepare(
        `SELECT key, flavour FROM entries WHERE rowid IN
           (SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'title_text : "facturation"')
         ORDER BY rowid`
      )
      .all()
    const expected = entries
      .filter((entry) => (entry.title as {text: string}).text.toLowerCase().includes('facturation'))
      .map((entry) => ({key: entry.key, flavour: entry.flavour}))
    expect(expected.length).toBeGreaterThan(1)
    expect(found).toEqual(expected)
  })

  it('finds a Japanese word in titles and sections, in the query Datasette runs for a search', () => {
    // Datasette's table search: `rowid in (select rowid from <fts> where <fts> match :search)`,
    // each word of the search box quoted.
    const found = database
      .prepare(
        `SELECT key FROM entries WHERE rowid IN
           (SELECT rowid FROM entries_fts WHERE entries_fts MATCH :search) ORDER BY rowid`
      )
      .pluck()
      .all({search: '"パートナー"'})
    const expected = entries
      .filter((entry) => JSON.stringify([entry.title, entry.sections]).includes('パートナー'))
      .map((entry) => entry.key)
    expect(expected.length).toBeGreaterThan(1)
    expect(found).toEqual(expected)
  })

  it('searches English too, and highlights come from the entries table', () => {
    const snippets = database
      .prepare(
        `SELECT highlight(entries_fts, 1, '[', ']') FROM entries_fts
         WHERE entries_fts MATCH 'title_en : "metered billing"'`
      )
      .pluck()
      .all() as string[]
    expect(snippets.length).toBeGreaterThan(0)
    for (const snippet of snippets) expect(snippet.toLowerCase()).toContain('[metered billing]')
  })

  it('joins offers to their entries', () => {
    const joined = database
      .prepare(
        `SELECT o.offerId, e.title_text FROM offers o
         JOIN entries e ON e.locale = o.locale AND e.flavour = o.flavour AND e.key = o.entryKey
         ORDER BY o.rowid`
      )
      .all()
    expect(joined).toEqual(
      offers.map((offer) => ({
        offerId: offer.offerId,
        title_text: (
          entries.find(
            (entry) =>
              entry.locale === offer.locale &&
              entry.flavour === offer.flavour &&
              entry.key === offer.entryKey
          )!.title as {text: string}
        ).text
      }))
    )
  })

  it('has the FTS table Datasette looks for to put a search box on the entries page', () => {
    // Datasette's detect_fts(), with single quotes for the strings.
    const found = database
      .prepare(
        `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
           sql LIKE '%VIRTUAL TABLE%USING FTS%content="entries"%'
           OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[entries]%'
           OR (tbl_name = 'entries' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`
      )
      .pluck()
      .all()
    expect(found).toEqual(['entries_fts'])
  })

  it('answers every query the README shows', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    const exports = readme.slice(readme.indexOf('\n## Exports\n'))
    const block = /```sql\n([^`]*)```/.exec(exports)![1]!
    const statements = block.split(';').filter((statement) => statement.trim() !== '')
    expect(statements).toHaveLength(4)
    for (const statement of statements) {
      expect(database.prepare(statement).all().length, statement).toBeGreaterThan(0)
    }
  })

  it('reads JSON columns with SQLite JSON functions', () => {
    const lines = database
      .prepare(`SELECT json_extract(source, '$.line') FROM entries ORDER BY rowid`)
      .pluck()
      .all()
    expect(lines).toEqual(entries.map((entry) => (entry.source as {line: number}).line))
  })
})

describe('the quoting fixture, value by value', () => {
  let out: string

  beforeAll(() => {
    out = scratchFolder('herald-export-quoting-')
    exportDatasets({
      folder: quoting,
      sqlite: path.join(out, 'data.db'),
      csv: out,
      atom: out
    })
  })

  it('quotes CSV fields with quotes, commas and line breaks; tells null from empty', () => {
    const csv = fs.readFileSync(path.join(out, 'offers.csv'), 'utf8')
    expect(csv).toContain(
      ',"Nom, ""cité""\n2e ligne","Name, ""quoted""\n2nd line","{""price"":{""en"":""€1.5"",""text"":""1,5 €""}}",'
    )
    // materialId null: nothing between the commas; name null: both of its columns empty.
    expect(csv).toContain(',offer,0123abcd-0000-4000-8000-00000000beef,,"Nom')
    expect(csv).toContain(',AB1-00002,,,{},[],')
    const rules = fs.readFileSync(path.join(out, 'country-rules.csv'), 'utf8')
    // An empty comment text and English, quoted: they are texts, not nulls.
    expect(rules).toContain(',^(?:\\d{8}|\\d{10})$,"УНН/NZOU, ""НЗОУ""","","",,,')
  })

  it('writes the plain text of titles and summaries into the feed, escaped', () => {
    const xml = fs.readFileSync(path.join(out, 'fr-fr.atom'), 'utf8')
    expect(xml).toContain(
      '<title type="text">Prix &lt; 5 € &amp; &quot;offres&quot; &apos;spéciales&apos;, &gt; ici</title>'
    )
    const feed = checkAtom(xml)
    expect(feed.updated).toBe('2020-12-01T00:00:00Z')
    expect(feed.entries).toEqual([
      {
        id: 'tag:herald.dev,2026:announcements/fr-fr/2020-11/quoting-edge-cases',
        // Both flavours have it: the plain one's title, as the docs site publishes it.
        title: `Prix < 5 € & "offres" 'spéciales', > ici`,
        link: 'https://learn.microsoft.com/fr-fr/partner-center/announcements/2020-november#quoting-edge-cases',
        published: '2020-11-30T00:00:00Z',
        updated: '2020-12-01T00:00:00Z',
        // The CR LF of the Markdown is a paragraph break; the control character, which
        // XML cannot carry, is U+FFFD; code and HTML keep their text only.
        summary:
          'Premier paragraphe, avec une virgule ; un contrôle \uFFFD ici.\n\nSecond paragraphe : code et HTML.'
      },
      {
        id: 'tag:herald.dev,2026:announcements/fr-fr/2020-10/older-announcement',
        title: 'Une annonce plus ancienne',
        link: 'https://learn.microsoft.com/fr-fr/partner-center/announcements/2020-october#older-announcement',
        published: '2020-10-05T00:00:00Z',
        updated: '2020-10-05T00:00:00Z'
      }
    ])
  })

  it('leaves undated entries out of the feed', () => {
    const feed = checkAtom(fs.readFileSync(path.join(out, 'ja-jp.atom'), 'utf8'))
    expect(feed.entries.map((entry) => entry.title)).toEqual([
      '日本語のタイトル「引用」"二重"、パートナー センター'
    ])
  })

  it('keeps as many announcements as asked, the newest', () => {
    const folder = scratchFolder('herald-export-size-')
    const entries = readBuildFolder(quoting).find(
      (dataset) => dataset.definition.name === 'entries'
    )!
    const written = writeAtomFeeds(folder, entries.records, 1)
    expect(written.map((feed) => [feed.locale, feed.entries])).toEqual([
      ['fr-FR', 1],
      ['ja-JP', 1]
    ])
    const feed = checkAtom(fs.readFileSync(path.join(folder, 'fr-fr.atom'), 'utf8'))
    expect(feed.entries.map((entry) => entry.published)).toEqual(['2020-11-30T00:00:00Z'])
  })

  it('stores an empty text as an empty text and a missing one as NULL in SQLite', () => {
    const rules = sqliteRows(path.join(out, 'data.db'), 'country_rules')
    expect(rules.map((rule) => [rule.comment_text, rule.digits, rule.country])).toEqual([
      [null, null, null],
      ['', '[8,10]', 'AM']
    ])
  })
})

describe('what export refuses', () => {
  /** An export of `folder`, by default as NDJSON into a new folder. */
  function attempt(
    folder: string,
    targets: Omit<ExportOptions, 'folder'> = {ndjson: scratchFolder()}
  ): () => void {
    return () => exportDatasets({folder, ...targets})
  }

  it('a folder that does not exist', () => {
    expect(attempt('/nonexistent/herald')).toThrow(
      new DatasetError('No folder `/nonexistent/herald`: give a folder `herald build` wrote')
    )
  })

  it('a folder without herald.json', () => {
    const folder = spoiled(quoting, (files) => delete files['herald.json'])
    expect(attempt(folder)).toThrow(
      /has no herald\.json, so it is not a folder `herald build` wrote/
    )
  })

  it('a folder another command wrote', () => {
    const folder = spoiled(quoting, (files) =>
      editJson(files, 'herald.json', (marker: {command: string}) => {
        marker.command = 'herald history'
      })
    )
    expect(attempt(folder)).toThrow(/was written by `herald history`, not `herald build`/)
  })

  it('a dataset this Herald does not know', () => {
    const folder = spoiled(quoting, (files) =>
      editJson(files, 'herald.json', (marker: {datasets: Record<string, unknown>}) => {
        marker.datasets.future = {file: 'future.json', records: 0, schema: 'x'}
      })
    )
    expect(attempt(folder)).toThrow(/lists a dataset this Herald does not know \(`future`\)/)
  })

  it('a dataset of another contract', () => {
    const folder = spoiled(quoting, (files) =>
      editJson(files, 'herald.json', (marker: {datasets: Record<string, {schema: string}>}) => {
        marker.datasets.offers!.schema = 'https://herald.dev/schemas/v1/offers.schema.json'
      })
    )
    expect(attempt(folder)).toThrow(/offers\.json follows https:\/\/herald\.dev\/schemas\/v1\//)
  })

  it('a dataset whose records were changed after the build', () => {
    const fewer = spoiled(quoting, (files) =>
      editJson(files, 'offers.json', (file: {records: unknown[]}) => {
        file.records.pop()
      })
    )
    expect(attempt(fewer)).toThrow(/offers\.json holds 1 records where herald\.json says 2/)
    const invalid = spoiled(quoting, (files) =>
      editJson(files, 'entries.json', (file: {records: Array<{date: string}>}) => {
        file.records[0]!.date = 'yesterday'
      })
    )
    expect(attempt(invalid)).toThrow(
      /entries\.json \(record `2020-11\/quoting-edge-cases`\) at `\/0\/date`/
    )
  })

  it('records that belong to no entry, leaving the database there as it was', () => {
    const folder = spoiled(quoting, (files) => {
      editJson(files, 'entries.json', (file: {records: Array<{flavour: string}>}) => {
        file.records[0]!.flavour = 'plain'
        file.records.splice(1, 1)
      })
      editJson(files, 'herald.json', (marker: {datasets: Record<string, {records: number}>}) => {
        marker.datasets.entries!.records = 4
      })
    })
    const out = scratchFolder('herald-export-atomic-')
    const file = path.join(out, 'data.db')
    fs.writeFileSync(file, 'the previous database')
    expect(attempt(folder, {sqlite: file})).toThrow(/5 records belong to no record/)
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous database')
    expect(fs.readdirSync(out)).toEqual(['data.db'])
  })

  it('a locale that is not a language tag, which would name a feed file', () => {
    const folder = spoiled(quoting, (files) =>
      editJson(files, 'entries.json', (file: {records: Array<{locale: string}>}) => {
        file.records[3]!.locale = '../../evil'
      })
    )
    const out = scratchFolder('herald-export-locale-')
    expect(attempt(folder, {atom: path.join(out, 'feeds')})).toThrow(
      /An entry's locale `\.\.\/\.\.\/evil` is not a BCP 47 language tag/
    )
    expect(fs.readdirSync(out)).toEqual([])
  })

  it('nothing to write', () => {
    expect(() => exportDatasets({folder: quoting})).toThrow(UsageError)
  })

  it('files written into the build folder', () => {
    const folder = spoiled(quoting, () => {})
    expect(attempt(folder, {ndjson: folder})).toThrow(OutputError)
    expect(attempt(folder, {sqlite: path.join(folder, 'data.db')})).toThrow(
      /The database would be written into the dataset folder/
    )
    expect(fs.readdirSync(folder).sort()).toEqual([
      'country-rules.json',
      'entries.json',
      'herald.json',
      'offers.json',
      'tables.json'
    ])
  })

  it('a target it cannot write, saying so', () => {
    const out = scratchFolder('herald-export-blocked-')
    fs.writeFileSync(path.join(out, 'file'), '')
    expect(attempt(quoting, {ndjson: path.join(out, 'file')})).toThrow(
      /Cannot write `.*file\/entries\.ndjson` \(.*\): check the path and its permissions/
    )
    expect(attempt(quoting, {sqlite: path.join(out, 'file', 'data.db')})).toThrow(OutputError)
  })
})
