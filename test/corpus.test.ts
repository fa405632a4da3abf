import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build as runBuild} from '../pipeline/commands/build.js'
import type {BuildDatasets as Datasets} from '../pipeline/engine/assemble-datasets.js'
import {canonicalJson} from '../pipeline/datasets/canonical-json.js'
import {findOfferIds} from '../pipeline/extract/identifiers/offer-id.js'
import type {Entry} from '../pipeline/types/entries.js'
import {hasCorpus, headFolder} from './helpers/corpus.js'

/**
 * The whole real corpus (6 locales × both flavours), built once. Facts asserted here
 * are cross-checks the pages give us for free: the flavours of a locale, the locales
 * of a month, and the two sides of every sxs date must agree.
 */
describe.runIf(hasCorpus)('corpus: ../shared/corpus/head', () => {
  let build: Datasets

  beforeAll(async () => {
    build = (await runBuild({inputs: [headFolder], threads: 1})).datasets!
  })

  /** entries grouped by `locale flavour` (the folder) → key → entry. */
  function byFolder(): Map<string, Map<string, Entry>> {
    const folders = new Map<string, Map<string, Entry>>()
    for (const entry of build.entries) {
      const folder = path.posix.dirname(entry.source.file)
      if (!folders.has(folder)) folders.set(folder, new Map())
      folders.get(folder)!.set(entry.key, entry)
    }

    return folders
  }

  it('finds every H2 of every month page, and the ledger balances per file', () => {
    for (const file of build.report.files) {
      if (file.status === 'skipped') continue
      expect(file.status, file.file).toBe('processed')
      const text = fs.readFileSync(path.join(headFolder, '..', file.file), 'utf8')
      const h2 = text.split('\n').filter((line) => /^ {0,3}## /.test(line)).length
      expect(file.headings, file.file).toBe(h2)
      expect(file.entries + file.merged + file.reported, file.file).toBe(file.headings)
    }

    expect(build.report.totals.reported).toBe(0)
    expect(build.report.totals.entries).toBeGreaterThan(2000)
  })

  it('skips index.md and TOC.md with an info, and crashes on nothing', () => {
    const skipped = build.report.files
      .filter((file) => file.status === 'skipped')
      .map((file) => path.posix.basename(file.file))
    expect(new Set(skipped)).toEqual(new Set(['index.md', 'TOC.md']))
    expect(build.report.messages.filter((message) => message.severity === 'error')).toEqual([])
  })

  it('dates every entry that has a date line; the translated date equals the English', () => {
    const undated = build.entries.filter((entry) => entry.date === null)
    // One real entry (2021-01, in all 12 folders) has no categories and no date at all.
    expect(new Set(undated.map((entry) => entry.key))).toEqual(
      new Set([
        '2021-01/deprecation-and-retirement-of-existing-get-and-put-qualification-apis-for-the-education-customer-validation-process-by-the-end-of-february-2021'
      ])
    )
    expect(undated).toHaveLength(12)
    const rules = build.report.totals.diagnostics
    expect(rules['date-mismatch'] ?? 0).toBe(0)
    expect(rules['date-unparsed'] ?? 0).toBe(0)
    expect(rules['date-invalid'] ?? 0).toBe(0)
  })

  it('gives the same keys and dates in the sxs and plain flavours of a locale', () => {
    const folders = byFolder()
    for (const [folder, sxs] of folders) {
      if (!folder.endsWith('/live-sxs')) continue
      const plain = folders.get(folder.replace(/-sxs$/, ''))!
      expect([...plain.keys()], folder).toEqual([...sxs.keys()])
      for (const [key, entry] of sxs) {
        expect(plain.get(key)!.date, `${folder} ${key}`).toBe(entry.date)
        expect(plain.get(key)!.updated, `${folder} ${key}`).toBe(entry.updated)
      }
    }
  })

  it("gives plain pages their twin's English: category keys, status, titles, offer names", () => {
    const folders = byFolder()
    let compared = 0
    for (const [folder, sxs] of folders) {
      if (!folder.endsWith('/live-sxs')) continue
      const plain = folders.get(folder.replace(/-sxs$/, ''))!
      for (const [key, entry] of sxs) {
        const twin = plain.get(key)!
        expect(twin.source.twin, `${folder} ${key}`).toBe(entry.source.file)
        expect(twin.categories.map((category) => [category.key, category.en])).toEqual(
          entry.categories.map((category) => [category.key, category.en])
        )
        expect(twin.status?.key ?? null, `${folder} ${key}`).toBe(entry.status?.key ?? null)
        expect(twin.title.en, `${folder} ${key}`).toBe(entry.title.en)
        compared++
      }
    }

    expect(compared).toBeGreaterThan(1200)
    const names = (flavour: string) =>
      build.offers
        .filter((offer) => offer.flavour === flavour)
        .map((offer) => `${offer.locale} ${offer.entryKey} ${offer.offerId} ${offer.name?.en}`)
    expect(names('plain')).toEqual(names('sxs'))
  })

  it('gives the same keys and dates across locales for months whose entry sets agree', () => {
    const months = new Map<string, Map<string, string[]>>()
    for (const entry of build.entries) {
      if (entry.flavour !== 'sxs') continue
      const perLocale = months.get(entry.month) ?? new Map<string, string[]>()
      months.set(entry.month, perLocale)
      const list = perLocale.get(entry.locale) ?? []
      perLocale.set(entry.locale, list)
      list.push(`${entry.key} ${entry.date} ${entry.updated}`)
    }

    let compared = 0
    for (const [month, perLocale] of months) {
      const lists = [...perLocale.values()]
      const keySets = lists.map((list) => list.map((line) => line.split(' ')[0]).join('\n'))
      const reference = keySets[0]
      for (const [index, list] of lists.entries()) {
        if (keySets[index] !== reference) continue
        expect(list, month).toEqual(lists[0])
        compared++
      }
    }

    expect(compared).toBeGreaterThan(60)
  })

  it('extracts or reports every table, row and offer row (the ledger balances per file)', () => {
    for (const file of build.report.files) {
      expect(file.tablesExtracted + file.tablesReported, file.file).toBe(file.tables)
      expect(file.rowsExtracted + file.rowsReported, file.file).toBe(file.rows)
      expect(file.offerRowsExtracted + file.offerRowsReported, file.file).toBe(file.offerRows)
      const text = fs.readFileSync(path.join(headFolder, '..', file.file), 'utf8')
      // A delimiter row (`|---|---|`) starts every GFM table.
      const delimiters = text
        .split('\n')
        .filter((line) => line.includes('|') && /^[\s|:-]+$/.test(line) && line.includes('---'))
      if (file.status === 'processed') expect(file.tables, file.file).toBe(delimiters.length)
    }

    expect(build.report.totals.tables).toBe(
      build.tables.length + build.report.totals.tablesReported
    )
    expect(build.report.totals.offers).toBe(build.offers.length)
  })

  it('gives the same offer IDs in the sxs and plain flavours of a locale', () => {
    const ids = (locale: string, flavour: string) =>
      build.offers
        .filter((offer) => offer.locale === locale && offer.flavour === flavour)
        .map((offer) => `${offer.entryKey} ${offer.offerId} ${offer.materialId} ${offer.origin}`)
    const locales = new Set(build.offers.map((offer) => offer.locale))
    expect(locales.size).toBe(6)
    for (const locale of locales) expect(ids(locale, 'plain'), locale).toEqual(ids(locale, 'sxs'))
    // Lists and text name offers too, in every locale.
    const origins = new Set(build.offers.map((offer) => offer.origin))
    expect(origins).toEqual(new Set(['table', 'list', 'text']))
  })

  it('accounts for every GUID-shaped string of an entry: offer, link parameter or reported', () => {
    const offersOf = new Map<string, Set<string>>()
    for (const offer of build.offers) {
      const key = `${offer.source.file} ${offer.entryKey}`
      if (offer.offerId) offersOf.set(key, (offersOf.get(key) ?? new Set()).add(offer.offerId))
    }

    const reportedRaw = new Set(
      build.report.messages
        .filter((message) => message.ruleId === 'offer-id-malformed')
        .map((message) => `${message.file} ${message.actual}`)
    )
    let offers = 0
    let links = 0
    let reported = 0
    for (const entry of build.entries) {
      const english = [
        entry.title.en ?? entry.title.text,
        ...Object.values(entry.sections).flatMap((section) => [
          section.heading.en ?? section.heading.text,
          section.en ?? section.text
        ])
      ].join('\n')
      const urls = entry.links.map((link) => link.url.toLowerCase())
      const recorded = offersOf.get(`${entry.source.file} ${entry.key}`) ?? new Set()
      for (const match of findOfferIds(english)) {
        const where = `${entry.source.file} ${entry.key} ${match.raw}`
        if (urls.some((url) => url.includes(match.raw.toLowerCase()))) links++
        else if (match.offerId === null) {
          expect(reportedRaw.has(`${entry.source.file} ${match.raw}`), where).toBe(true)
          reported++
        } else {
          expect(recorded.has(match.offerId), where).toBe(true)
          offers++
        }
      }
    }

    const totals = build.report.totals
    expect(totals.guids).toBe(totals.guidOffers + totals.guidLinks + totals.guidsReported)
    for (const file of build.report.files) {
      expect(file.guids, file.file).toBe(file.guidOffers + file.guidLinks + file.guidsReported)
    }

    expect(links).toBeGreaterThan(100)
    expect(offers).toBeGreaterThan(2000)
    expect(reported).toBeGreaterThan(0)
  })

  it('reads the customer-screening country table of 2020-11 in every locale and flavour', () => {
    const requirements = build.countryRules.filter((rule) => rule.kind === 'requirement')
    const perFolder = new Map<string, string[]>()
    for (const rule of requirements) {
      const folder = path.posix.dirname(rule.source.file)
      perFolder.set(folder, [
        ...(perFolder.get(folder) ?? []),
        `${rule.country} ${rule.digits?.join(',')}`
      ])
    }

    expect(perFolder.size).toBe(12)
    const expected = [
      'AM 8,10',
      'AZ 7,10',
      'BY 9',
      'HU 10,11',
      'KZ 12',
      'KG 14',
      'MD 6,7,8,13',
      'RU 9,10,12',
      'TJ 9,10,12',
      'UZ 9',
      'UA 8,10,12'
    ]
    for (const [folder, rules] of perFolder) expect(rules, folder).toEqual(expected)
  })

  it('catalogs every announcement, each with the locales that have it, stale pages counted', () => {
    const {announcements, entries, report} = build
    expect(announcements).toHaveLength(new Set(entries.map((item) => item.key)).size)
    for (const item of announcements) {
      const locales = new Set(
        entries.filter((entry) => entry.key === item.key).map((entry) => entry.locale)
      )
      expect(Object.keys(item.locales).sort(), item.key).toEqual([...locales].sort())
    }

    for (const row of report.coverage) {
      const stale = announcements.filter((item) => item.locales[row.locale]?.stale === true)
      expect(row.stale, row.locale).toBe(stale.length)
      expect(row.present + row.missing, row.locale).toBe(announcements.length)
      // A stale page was translated from another English commit than the newest one.
      for (const item of stale) {
        const fresh = Object.values(item.locales).find((locale) => locale.stale === false)!
        expect(item.locales[row.locale]!.sourceCommit).not.toBe(fresh.sourceCommit)
      }
    }

    // ja-JP's 2021 pages were translated from older English than the other locales'.
    expect(report.coverage.find((row) => row.locale === 'ja-JP')!.stale).toBeGreaterThan(0)
  })

  it('is deterministic: two builds give the same bytes', async () => {
    const again = (await runBuild({inputs: [headFolder], threads: 1})).datasets!
    for (const name of Object.keys(build) as Array<keyof Datasets>)
      expect(canonicalJson(again[name])).toBe(canonicalJson(build[name]))
  })
})
