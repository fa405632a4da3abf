import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {beforeAll, describe, expect, it} from 'vitest'
import {build} from '../pipeline/commands/build.js'
import {exportDatasets, type ExportResult} from '../pipeline/commands/export.js'
import {datasetTable, type DatasetTable} from '../pipeline/export/dataset-table.js'
import {readBuildFolder} from '../pipeline/export/read-build-folder.js'
import type {Entry} from '../pipeline/types/entries.js'
import {hasCorpus, headFolder} from './helpers/corpus.js'
import {
  checkAtom,
  checkCsv,
  checkNdjson,
  checkSqlite,
  folderHashes
} from './helpers/export-checks.js'
import {scratchFolder} from './helpers/scratch.js'

/**
 * The exports of a real build: the whole corpus head (6 locales × both flavours), built
 * once, exported in every format at once, and each file read back by another program's
 * reader.
 */
describe.runIf(hasCorpus)('export of the corpus build (../shared/corpus/head)', () => {
  let folder: string
  let out: string
  let tables: DatasetTable[]
  let entries: Entry[]
  let result: ExportResult

  beforeAll(async () => {
    folder = path.join(scratchFolder('herald-export-corpus-'), 'build')
    const built = await build({inputs: [headFolder], out: folder})
    expect(built.written).toBe(true)
    out = scratchFolder('herald-export-corpus-out-')
    result = exportDatasets({
      folder,
      sqlite: path.join(out, 'data.db'),
      ndjson: path.join(out, 'ndjson'),
      csv: path.join(out, 'csv'),
      atom: path.join(out, 'atom')
    })
    tables = readBuildFolder(folder).map(({definition, records}) =>
      datasetTable(definition, records)
    )
    entries = tables.find((table) => table.table === 'entries')!.records as unknown as Entry[]
  }, 900_000)

  it('exports the five datasets of records, the catalog among them, with the counts herald.json states', () => {
    const marker = JSON.parse(fs.readFileSync(path.join(folder, 'herald.json'), 'utf8')) as {
      datasets: Record<string, {records?: number}>
    }
    expect(result.datasets).toEqual(
      ['entries', 'offers', 'countryRules', 'tables', 'announcements'].map((name) => ({
        name,
        table: name === 'countryRules' ? 'country_rules' : name,
        records: marker.datasets[name]!.records
      }))
    )
    expect(entries.length).toBeGreaterThan(2000)
  })

  it('writes a SQLite database whose rows are the records, keys holding', () => {
    checkSqlite(path.join(out, 'data.db'), tables)
  })

  describe('full-text search', () => {
    let database: Database.Database

    beforeAll(() => {
      database = new Database(path.join(out, 'data.db'), {readonly: true})
      return () => database.close()
    })

    /** The keys (`locale flavour key`) of the entries whose title matches `query`. */
    function matching(query: string): string[] {
      return database
        .prepare(
          `SELECT e.locale || ' ' || e.flavour || ' ' || e.key FROM entries e
           WHERE e.rowid IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)
           ORDER BY e.rowid`
        )
        .pluck()
        .all(query) as string[]
    }

    function titled(word: string, locale: string): string[] {
      return entries
        .filter((entry) => entry.locale === locale && entry.title.text.toLowerCase().includes(word))
        .map((entry) => `${entry.locale} ${entry.flavour} ${entry.key}`)
    }

    it('finds a French title word in the French entries that have it, both flavours', () => {
      const found = matching('title_text : "facturation"')
      expect(found).toEqual(titled('facturation', 'fr-FR'))
      expect(found).toContain(
        'fr-FR plain 2020-11/introducing-the-ability-to-purchase-saas-offers-with-metered-billing-in-partner-center'
      )
      expect(found).toContain(
        'fr-FR sxs 2020-11/introducing-the-ability-to-purchase-saas-offers-with-metered-billing-in-partner-center'
      )
    })

    it('finds a Japanese title word, which no space delimits, in the Japanese entries', () => {
      const found = matching('title_text : "共同販売"')
      expect(found).toEqual(titled('共同販売', 'ja-JP'))
      expect(found).toContain('ja-JP plain 2021-05/analytics-for-partner-led-co-sell-deals')
      expect(found.length).toBeGreaterThan(1)
    })

    it('finds an English word of the sections in every locale with English', () => {
      const found = matching('sections : "metered billing"')
      const locales = new Set(found.map((key) => key.split(' ')[0]))
      expect([...locales].sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ru-RU', 'zh-CN'])
    })
  })

  it('writes NDJSON that folds back into the records', () => {
    for (const table of tables) checkNdjson(path.join(out, 'ndjson', `${table.stem}.ndjson`), table)
  })

  it('writes CSV that csv-parse reads as the SQLite rows', () => {
    for (const table of tables) {
      checkCsv(path.join(out, 'csv', `${table.stem}.csv`), path.join(out, 'data.db'), table)
    }
  })

  it('writes one valid Atom feed per locale, of its 50 newest announcements', () => {
    expect(result.feeds.map((feed) => [path.basename(feed.file), feed.entries])).toEqual(
      ['de-de', 'es-es', 'fr-fr', 'ja-jp', 'ru-ru', 'zh-cn'].map((slug) => [`${slug}.atom`, 50])
    )
    for (const written of result.feeds) {
      const feed = checkAtom(fs.readFileSync(written.file, 'utf8'))
      expect(feed.entries).toHaveLength(50)
      const dated = entries.filter((entry) => entry.locale === written.locale && entry.date)
      const newest = dated.map((entry) => entry.date!).sort()
      expect(feed.entries[0]!.published).toBe(`${newest.at(-1)}T00:00:00Z`)
      for (const entry of feed.entries) {
        expect(entry.link).toMatch(
          /^https:\/\/learn\.microsoft\.com\/[a-z]{2}-[a-z]{2}\/partner-center\/announcements\/\d{4}-[a-z]+#[a-z0-9-]+$/
        )
      }
    }
  })

  it('writes the same NDJSON, CSV and Atom bytes again', () => {
    const again = scratchFolder('herald-export-corpus-again-')
    exportDatasets({
      folder,
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
