import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {testGitOptions} from './helpers/git.js'
import {runCli} from './helpers/run-cli.js'
import {compareCodePoints} from '../pipeline/compare.js'
import type {JsonRecord} from '../pipeline/datasets/definition.js'
import type {DatasetRecords as Datasets} from '../pipeline/datasets/diffed.js'
import {diffDatasets, hasChanges} from '../pipeline/diff/diff-datasets.js'
import {diffDatasetFolders} from '../pipeline/diff/diff-folders.js'
import {similarity} from '../pipeline/diff/find-renames.js'
import {DatasetError} from '../pipeline/errors.js'
import {formatSummary} from '../pipeline/diff/format-summary.js'
import {parseDataset} from '../pipeline/datasets/parse-dataset.js'
import {readDatasets} from '../pipeline/diff/read-datasets.js'
import {schemaId} from '../pipeline/datasets/registry.js'
import {validateDataset} from '../pipeline/datasets/validate.js'
import type {Diff} from '../pipeline/types/diff.js'

const fixtures = path.resolve(import.meta.dirname, 'fixtures/diff')
const side = (name: string, which: 'old' | 'new') => path.join(fixtures, name, which)

function diffFixture(name: string): Promise<Diff> {
  return diffDatasetFolders(side(name, 'old'), side(name, 'new'))
}

function run(...args: string[]): ReturnType<typeof runCli> {
  return runCli('diff', ...args)
}

function mapRecords(datasets: Datasets, change: (record: JsonRecord) => JsonRecord): Datasets {
  return {
    label: `${datasets.label} (edited)`,
    entries: datasets.entries.map(change),
    offers: datasets.offers.map(change),
    countryRules: datasets.countryRules.map(change),
    tables: datasets.tables.map(change)
  }
}

const noChanges = {added: [], removed: [], changed: [], renamed: []}

const changesDiff = await diffFixture('changes')
const renamesDiff = await diffFixture('renames')

describe('matching records by key', () => {
  const diff = changesDiff

  it('finds no change where only the order of records changed', async () => {
    const datasets = await readDatasets(side('changes', 'new'))
    const reversed: Datasets = {
      label: 'reversed',
      entries: datasets.entries.toReversed(),
      offers: datasets.offers.toReversed(),
      countryRules: datasets.countryRules.toReversed(),
      tables: datasets.tables.toReversed()
    }
    const result = diffDatasets(datasets, reversed)
    expect(hasChanges(result)).toBe(false)
    expect(result.entries).toEqual(noChanges)
  })

  it('finds no change where only source positions moved', async () => {
    const datasets = await readDatasets(side('changes', 'old'))
    const moved = mapRecords(datasets, (record) => ({
      ...record,
      source: {file: 'moved.md', line: 1000, column: 9}
    }))
    const shifted = mapRecords(moved, (record) => ({
      ...record,
      source: {file: 'moved.md', line: 1003, column: 2}
    }))
    expect(hasChanges(diffDatasets(moved, shifted))).toBe(false)
    // A page translated again gives each of its entries the new source commit: the
    // ja-JP entry, whose line moved too, is still not changed.
    const commit = (sourceCommit: string) => (record: JsonRecord) => ({
      ...record,
      source: {...(record.source as object), sourceCommit}
    })
    const translated = diffDatasets(
      mapRecords(datasets, commit('e5f48e3')),
      mapRecords(await readDatasets(side('changes', 'new')), commit('8101772'))
    )
    expect(
      translated.entries.changed.map((item) => item.changes.map((change) => change.path))
    ).toEqual([
      ['/date', '/source/sourceCommit'],
      ['/date', '/source/sourceCommit'],
      ['/categories', '/source/line', '/source/sourceCommit', '/title/en']
    ])
    expect(translated.entries.added).toHaveLength(1)
    expect(translated.entries.removed).toHaveLength(1)
    // A moved file is a change, though: it is not a position.
    expect(diffDatasets(datasets, moved).entries.changed).toHaveLength(5)
  })

  it('reports field changes with old and new values, objects field by field', () => {
    expect(diff.entries.changed).toEqual([
      {
        locale: 'fr-FR',
        flavour: 'plain',
        key: '2021-02/partner-center-update',
        month: '2021-02',
        id: 'partner-center-update',
        changes: [{path: '/date', old: '2021-02-25', new: '2021-04-02'}]
      },
      {
        locale: 'fr-FR',
        flavour: 'sxs',
        key: '2021-02/partner-center-update',
        month: '2021-02',
        id: 'partner-center-update',
        changes: [{path: '/date', old: '2021-02-25', new: '2021-04-02'}]
      },
      {
        locale: 'fr-FR',
        flavour: 'sxs',
        key: '2021-02/pricing-update',
        month: '2021-02',
        id: 'pricing-update',
        changes: [
          {
            path: '/categories',
            old: [{key: 'features', text: 'Fonctionnalités'}],
            new: [
              {key: 'features', text: 'Fonctionnalités'},
              {key: 'pricing', text: 'Tarifs'}
            ]
          },
          // Listed because the title changed too.
          {path: '/source/line', old: 40, new: 42},
          {path: '/title/en', old: 'Pricing update', new: 'Pricing updates'}
        ]
      }
    ])
  })

  it('does not report the ja-JP entry whose line alone moved (18 → 30)', () => {
    expect(diff.entries.changed.map((item) => item.locale)).not.toContain('ja-JP')
  })

  it('gives added and removed records their identity and the whole record', () => {
    expect(diff.entries.added).toEqual([
      {
        locale: 'fr-FR',
        flavour: 'sxs',
        key: '2021-02/new-announcement',
        month: '2021-02',
        id: 'new-announcement',
        record: expect.objectContaining({
          number: 6,
          title: {text: 'Nouvelle annonce', en: 'New announcement'}
        })
      }
    ])
    expect(diff.entries.removed).toEqual([
      expect.objectContaining({
        locale: 'fr-FR',
        flavour: 'sxs',
        key: '2021-02/old-announcement',
        month: '2021-02',
        id: 'old-announcement'
      })
    ])
  })

  it('matches offers by entry, offer ID and role: a changed name, row moves ignored alone', () => {
    expect(diff.offers).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          locale: 'fr-FR',
          flavour: 'sxs',
          key: '2021-02/pricing-update#0a1b2c3d-0000-4000-8000-000000000001#offer',
          month: '2021-02',
          entryKey: '2021-02/pricing-update',
          offerId: '0a1b2c3d-0000-4000-8000-000000000001',
          role: 'offer',
          changes: [
            {path: '/name/en', old: 'Self Service', new: 'Self-Service'},
            // The translation of a name whose English is beside it.
            {path: '/name/text', old: 'Self Service', new: 'Self-Service', translation: true},
            {path: '/row', old: 1, new: 2},
            {path: '/source/line', old: 50, new: 52}
          ]
        }
      ],
      renamed: []
    })
  })

  it('reads a dataset file missing from a folder as empty', async () => {
    expect((await readDatasets(side('changes', 'old'))).files).toEqual([
      'entries.json',
      'offers.json'
    ])
    expect(diff.tables.added).toEqual([
      expect.objectContaining({
        key: '2021-02/pricing-update#1',
        entryKey: '2021-02/pricing-update',
        ordinal: 1,
        month: '2021-02'
      })
    ])
    expect(diff.countryRules).toEqual(noChanges)
  })

  it('falls back to an empty flavour for records without one', () => {
    const old: Datasets = {label: 'old', entries: [], offers: [], countryRules: [], tables: []}
    const rule = {entryKey: '2021-02/a', locale: 'de-DE', kind: 'scope', country: 'DE'}
    const result = diffDatasets(old, {...old, countryRules: [rule]})
    expect(result.countryRules.added).toEqual([
      {
        locale: 'de-DE',
        flavour: '',
        key: '2021-02/a#DE#scope',
        month: '2021-02',
        entryKey: '2021-02/a',
        country: 'DE',
        kind: 'scope',
        record: rule
      }
    ])
  })

  it('orders by code point, not by UTF-16 code unit', () => {
    expect('\uFF01' < '\u{1F600}').toBe(false)
    expect(compareCodePoints('\uFF01', '\u{1F600}')).toBeLessThan(0)
    expect(compareCodePoints('fr-FR', 'ja-JP')).toBeLessThan(0)
    expect(compareCodePoints('plain', 'sxs')).toBeLessThan(0)
  })
})

describe('renamed entries', () => {
  const diff = renamesDiff

  it('pairs a slug typo fix under the same month and number as a rename', () => {
    expect(diff.entries.renamed).toEqual([
      {
        locale: 'fr-FR',
        flavour: 'sxs',
        month: '2021-01',
        number: 5,
        from: {
          key: '2021-01/calling-plan-and-phone-system-updates-for-february-1-20201',
          id: 'calling-plan-and-phone-system-updates-for-february-1-20201'
        },
        to: {
          key: '2021-01/calling-plan-and-phone-system-updates-for-february-1-2021',
          id: 'calling-plan-and-phone-system-updates-for-february-1-2021'
        },
        changes: [
          {path: '/source/line', old: 30, new: 31},
          {
            path: '/title/en',
            old: 'Calling Plan and Phone System updates for February 1, 20201',
            new: 'Calling Plan and Phone System updates for February 1, 2021'
          }
        ]
      }
    ])
  })

  it('reports a different number as removed and added', () => {
    expect(diff.entries.removed.map((item) => item.key)).toEqual(['2021-01/new-commerce-update'])
    expect(diff.entries.added.map((item) => item.key)).toEqual([
      '2021-01/new-commerce-experience-update'
    ])
  })

  it('reports renumbering alone as a change of /number', () => {
    expect(diff.entries.changed).toEqual([
      {
        locale: 'fr-FR',
        flavour: 'sxs',
        key: '2021-01/azure-plan-pricing',
        month: '2021-01',
        id: 'azure-plan-pricing',
        // The anchors change with the number: ['azure-plan-pricing', '2'] → […, '3'].
        changes: [{path: '/number', old: 2, new: 3}]
      }
    ])
  })

  it('lets the offers and tables of a renamed entry follow it', () => {
    expect(diff.offers).toEqual(noChanges)
    expect(diff.tables).toEqual(noChanges)
  })

  it('lists no change for a rename that only moved', async () => {
    const datasets = await readDatasets(side('renames', 'new'))
    const typo = mapRecords(datasets, (record) =>
      record.number === 5
        ? {
            ...record,
            key: '2021-01/calling-plan-and-phone-system-updates-for-february-1-20201',
            id: 'calling-plan-and-phone-system-updates-for-february-1-20201',
            anchors: ['calling-plan-and-phone-system-updates-for-february-1-20201', '5'],
            source: {file: 'fr-fr/live-sxs/2021-january.md', line: 3, column: 1}
          }
        : record
    )
    const result = diffDatasets(typo, datasets)
    expect(result.entries.renamed).toHaveLength(1)
    expect(result.entries.renamed[0]!.changes).toEqual([])
    expect(result.entries.added).toEqual([])
  })

  it('measures similarity as 1 − edit distance / longer length', () => {
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7)
    expect(similarity('same', 'same')).toBe(1)
    expect(similarity('', '')).toBe(0)
    expect(similarity('日本語', '日本')).toBeCloseTo(2 / 3)
  })
})

describe('hostile JSON', () => {
  it('drops __proto__, constructor and prototype keys without polluting', async () => {
    const datasets = await readDatasets(side('hostile', 'new'))
    const [record] = datasets.entries
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    expect(Object.keys(record!).sort()).toEqual([
      'date',
      'flavour',
      'id',
      'key',
      'locale',
      'month',
      'number',
      'source',
      'title'
    ])
    expect(Object.hasOwn(record!.title as object, '__proto__')).toBe(false)
  })

  it('sees no change where the keys it dropped were the only difference', async () => {
    expect(await diffFixture('hostile')).toEqual({
      $schema: schemaId('diff'),
      entries: noChanges,
      offers: noChanges,
      countryRules: noChanges,
      tables: noChanges
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects what is not a dataset, naming the file and record', () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    expect(() => parseDataset(bytes('{"a": 1'), 'x/entries.json')).toThrow(
      /x\/entries.json is not valid JSON/
    )
    expect(() => parseDataset(bytes('{}'), 'x/entries.json')).toThrow(
      /should hold the records of a dataset/
    )
    expect(() => parseDataset(bytes('[{}, 3]'), 'x/entries.json')).toThrow(
      'x/entries.json, record 2: expected an object'
    )
    expect(() => parseDataset(new Uint8Array([0x5b, 0xff, 0x5d]), 'x/entries.json')).toThrow(
      /not UTF-8/
    )
    const empty: Datasets = {label: 'a', entries: [], offers: [], countryRules: [], tables: []}
    expect(() => diffDatasets(empty, {...empty, label: 'b', entries: [{locale: 'fr-FR'}]})).toThrow(
      new DatasetError('b/entries.json, record 1: `key` should be a string, found nothing')
    )
  })
})

describe('git revisions', () => {
  let repo = ''
  const git = (...args: string[]) =>
    execFileSync('git', [...testGitOptions, ...args], {cwd: repo, stdio: 'pipe'})

  function commitOutput(name: string, message: string): void {
    const out = path.join(repo, 'out')
    fs.rmSync(out, {recursive: true, force: true})
    fs.cpSync(side('changes', name as 'old' | 'new'), out, {recursive: true})
    git('add', '--all')
    git('commit', '--quiet', '--no-verify', '-m', message)
  }

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-diff-'))
    git('init', '--quiet')
    commitOutput('old', 'First build')
    commitOutput('new', 'Second build')
  })

  afterAll(() => {
    if (repo) fs.rmSync(repo, {recursive: true, force: true})
  })

  it('reads REV:PATH like the folder it was committed from', async () => {
    const fromGit = await diffDatasetFolders('HEAD~1:out', 'HEAD:out', {repo})
    expect(fromGit).toEqual(changesDiff)
    // tables.json is missing from the first commit: an empty dataset.
    expect(fromGit.tables.added).toHaveLength(1)
    expect((await readDatasets('HEAD~1:out/', {repo})).files).toEqual([
      'entries.json',
      'offers.json'
    ])
  })

  it('runs through the command with --repo', async () => {
    const result = await run('HEAD~1:out', 'HEAD:out', '--repo', repo, '--exit-code')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^herald: 1 entry added, 1 removed, 3 changed;/)
    expect((await run('HEAD:out', 'HEAD:out', '--repo', repo, '--exit-code')).code).toBe(0)
  })

  it('fails with exit code 2 on a missing folder, a bad revision or an option', async () => {
    const missing = await run('HEAD:nowhere', 'HEAD:out', '--repo', repo)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('HEAD:nowhere')
    expect((await run('no-such-rev:out', 'HEAD:out', '--repo', repo)).code).toBe(2)
    // A revision could otherwise pass an option to git.
    const option = await run('--repo', repo, '--', '--output=/tmp/x:out', 'HEAD:out')
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('a revision cannot start with `-`')
    const file = await run('HEAD:out/entries.json', 'HEAD:out', '--repo', repo)
    expect(file.stderr).toContain('is a blob in git, not a folder of datasets')
  })
})

describe('herald diff', () => {
  const old = side('changes', 'old')
  const current = side('changes', 'new')

  it('exits 0 with or without changes, 1 with --exit-code and changes', async () => {
    expect((await run(old, old)).code).toBe(0)
    expect((await run(old, current)).code).toBe(0)
    expect((await run(old, current, '--exit-code')).code).toBe(1)
    expect((await run(old, old, '--exit-code')).code).toBe(0)
  })

  it('exits 2 on bad arguments and unreadable input', async () => {
    expect((await run(old)).code).toBe(2)
    expect((await run(old, current, '--colour')).code).toBe(2)
    const missing = await run(old, path.join(fixtures, 'no-such-folder'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No folder')
    const file = await run(old, path.join(current, 'entries.json'))
    expect(file.code).toBe(2)
    expect(file.stderr).toContain('is a file')

    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-diff-broken-'))
    try {
      fs.writeFileSync(path.join(broken, 'entries.json'), '[{"key": ')
      const result = await run(old, broken)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('entries.json is not valid JSON')
    } finally {
      fs.rmSync(broken, {recursive: true, force: true})
    }
  })

  it('prints its help', async () => {
    const result = await run('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: herald diff OLD NEW/)
  })

  it('prints the JSON diff, valid against schemas/diff.schema.json', async () => {
    const result = await run(old, current, '--json')
    expect(result.code).toBe(0)
    const parsed = JSON.parse(result.stdout) as Diff
    expect(validateDataset('diff', parsed)).toBeUndefined()
    const {$schema, ...datasets} = parsed
    expect($schema).toBe(schemaId('diff'))
    expect(Object.keys(datasets)).toEqual(['countryRules', 'entries', 'offers', 'tables'])
    for (const dataset of Object.values(datasets)) {
      expect(Object.keys(dataset)).toEqual(['added', 'changed', 'removed', 'renamed'])
    }

    expect(parsed.entries.changed[0]!.changes).toEqual([
      {path: '/date', old: '2021-02-25', new: '2021-04-02'}
    ])
    expect(validateDataset('diff', {...parsed, offers: {...parsed.offers, renamed: [{}]}})).toMatch(
      /\/offers\/renamed/
    )
  })

  it('prints a Markdown summary', async () => {
    const result = await run(old, current)
    expect(result.stdout).toBe(
      `herald: 1 entry added, 1 removed, 3 changed; 1 offer changed; 1 table added

## Entries

- added 2021-02 fr-FR (sxs) \`new-announcement\` — Nouvelle annonce (2021-02-10)
- removed 2021-02 fr-FR (sxs) \`old-announcement\` — Ancienne annonce (2021-02-03)
- 2021-02 fr-FR \`partner-center-update\`: date 2021-02-25 → 2021-04-02
- 2021-02 fr-FR (sxs) \`pricing-update\`:
  - categories [{"key":"features","text":"Fonctionnalités"}] → [{"key":"features","text":"Fonctionnalités"},{"key":"pricing","text":"Tarifs"}]
  - source/line 40 → 42
  - title/en "Pricing update" → "Pricing updates"

## Offers

- 2021-02 fr-FR (sxs) \`pricing-update\` offer \`0a1b2c3d-0000-4000-8000-000000000001\`:
  - name/en "Self Service" → "Self-Service"
  - row 1 → 2
  - source/line 50 → 52

## Tables

- added 2021-02 fr-FR (sxs) \`pricing-update\` table 1 — Nouvelle offre
`
    )
    expect((await run(old, old)).stdout).toBe('herald: no changes\n')
  })

  it('summarises renames and shortens long values, in the summary only', () => {
    const text = 'Lorem ipsum dolor sit amet. '.repeat(10)
    const diff = renamesDiff
    diff.entries.changed[0]!.changes.push(
      {path: '/categories', old: [{key: 'a'}, {key: 'b'}], new: [{key: 'a'}, {key: 'c'}]},
      {path: '/sections/details~1x/text', old: 'a', new: text}
    )
    const summary = formatSummary(diff)
    expect(summary).toContain(
      '- renamed 2021-01 fr-FR (sxs) `calling-plan-and-phone-system-updates-for-february-1-20201` → `calling-plan-and-phone-system-updates-for-february-1-2021`:\n'
    )
    // An array changed in place is shown value by value.
    expect(summary).toContain('  - categories/1/key b → c\n')
    expect(summary).toContain(`  - sections/details/x/text "a" → "${text.slice(0, 78)}…\n`)
    expect(summary.startsWith('herald: 1 entry added, 1 removed, 1 changed, 1 renamed\n')).toBe(
      true
    )
    expect(formatSummary(diff, {maxLines: 2})).toContain(
      '\n- … and 2 more: see `herald diff --json`\n'
    )
  })
})

describe('summary of long text changes', () => {
  it('shows two long strings from just before their first difference', async () => {
    const prefix =
      'The new Advanced Communications add-on brings premium features to customers who '
    const datasets = await readDatasets(side('changes', 'old'))
    const edit = (ending: string) =>
      mapRecords(datasets, (record) =>
        record.key === datasets.entries[0]!.key
          ? {...record, title: {text: prefix + ending}}
          : record
      )
    const summary = formatSummary(diffDatasets(edit('buy it now.'), edit('bought it.')))
    expect(summary).toContain('title/text "…mers who buy it now." → "…mers who bought it."')
  })
})
