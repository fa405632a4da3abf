import {describe, expect, it} from 'vitest'
import {commitMessage, commitMessageCap} from '../pipeline/commands/commit-message.js'
import type {JsonRecord} from '../pipeline/datasets/definition.js'
import type {DatasetRecords} from '../pipeline/datasets/diffed.js'
import {diffDatasets} from '../pipeline/diff/diff-datasets.js'
import {formatSummary} from '../pipeline/diff/format-summary.js'

/**
 * The commit message of `herald regenerate --commit`: the summary with its trailers, and
 * at most 20 KB whatever the month brought (messages reached 80–110 KB): the headline
 * with every count, the first changes of each dataset, then "… and N more".
 */

const docs = {ref: 'live', commit: 'a'.repeat(40)}
const trailers = `\n\nDocs-Ref: live\nDocs-Commit: ${'a'.repeat(40)}\n`
const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

function entry(index: number, fields: JsonRecord = {}): JsonRecord {
  return {
    key: `2021-05/announcement-number-${index}`,
    id: `announcement-number-${index}`,
    locale: 'fr-FR',
    flavour: 'sxs',
    month: '2021-05',
    // Accented text: the cap counts bytes of UTF-8, not characters.
    title: {text: `Annonce n° ${index} : la référence évolue à nouveau, détails à venir`},
    ...fields
  }
}

function offer(index: number): JsonRecord {
  return {
    key: `2021-05/announcement-number-${index}/offer/${index}`,
    entryKey: `2021-05/announcement-number-${index}`,
    offerId: `offer-${index}`,
    role: 'offer',
    locale: 'fr-FR',
    flavour: 'sxs',
    month: '2021-05',
    name: {text: `Offre ${index}`}
  }
}

function datasets(label: string, parts: Partial<DatasetRecords>): DatasetRecords {
  return {label, entries: [], offers: [], countryRules: [], tables: [], ...parts}
}

describe('commitMessage', () => {
  it('is the summary and the trailers when it fits', () => {
    const diff = diffDatasets(datasets('old', {}), datasets('new', {entries: [entry(1)]}))
    expect(commitMessage(diff, docs)).toBe(formatSummary(diff).trimEnd() + trailers)
  })

  it('says that no record changed when only positions or the report did', () => {
    const diff = diffDatasets(datasets('old', {}), datasets('new', {}))
    expect(commitMessage(diff, docs)).toBe(
      'herald: no record changed (source positions or report only)' + trailers
    )
  })

  it('keeps every count and the first changes of each dataset under the cap', () => {
    const added = Array.from({length: 1500}, (_, index) => entry(index))
    const offers = Array.from({length: 800}, (_, index) => offer(index))
    const diff = diffDatasets(datasets('old', {}), datasets('new', {entries: added, offers}))
    const whole = formatSummary(diff, {maxLines: Number.POSITIVE_INFINITY})
    expect(bytes(whole)).toBeGreaterThan(5 * commitMessageCap)

    const message = commitMessage(diff, docs)
    expect(bytes(message)).toBeLessThanOrEqual(commitMessageCap)
    expect(message.split('\n')[0]).toBe('herald: 1500 entries added; 800 offers added')
    expect(message.endsWith(trailers)).toBe(true)

    // Per dataset: the lines shown and "… and N more" add up to every change.
    const sections = message.slice(0, -trailers.length).split(/^## /m).slice(1)
    expect(sections.map((section) => section.split('\n')[0])).toEqual(['Entries', 'Offers'])
    const shown = sections.map(
      (section) => section.split('\n').filter((line) => /^- (?!…)/.test(line)).length
    )
    const more = sections.map((section) => Number(/^- … and (\d+) more/m.exec(section)?.[1]))
    expect(shown[0]).toBeGreaterThan(10)
    expect(shown[1]).toBe(shown[0])
    expect([shown[0]! + more[0]!, shown[1]! + more[1]!]).toEqual([1500, 800])

    // The most that fits: one more line per dataset would not.
    const longer = formatSummary(diff, {maxLines: shown[0]! + 1}).trimEnd() + trailers
    expect(bytes(longer)).toBeGreaterThan(commitMessageCap)
  })

  it('cuts even one change too large to fit, and says where the rest is', () => {
    const many = Object.fromEntries(
      Array.from({length: 3000}, (_, index) => [`field${index}`, `valeur ${index}`])
    )
    const changed = Object.fromEntries(
      Array.from({length: 3000}, (_, index) => [`field${index}`, `nouvelle valeur ${index}`])
    )
    const diff = diffDatasets(
      datasets('old', {entries: [entry(1, many)]}),
      datasets('new', {entries: [entry(1, changed)]})
    )
    const message = commitMessage(diff, docs)
    expect(bytes(formatSummary(diff))).toBeGreaterThan(commitMessageCap)
    expect(bytes(message)).toBeLessThanOrEqual(commitMessageCap)
    expect(message).toMatch(/^herald: 1 entry changed\n\n## Entries\n\n- 2021-05 fr-FR/)
    expect(message).toContain('\n- … and more: see `herald diff --json`' + trailers)
  })

  it('takes a smaller cap', () => {
    const added = Array.from({length: 100}, (_, index) => entry(index))
    const diff = diffDatasets(datasets('old', {}), datasets('new', {entries: added}))
    expect(bytes(commitMessage(diff, docs, {maxBytes: 2000}))).toBeLessThanOrEqual(2000)
  })
})
