import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FieldPath} from '../pipeline/datasets/definition.js'
import {readDatasets} from '../pipeline/diff/read-datasets.js'
import {schemaId} from '../pipeline/datasets/registry.js'
import {validateDataset} from '../pipeline/datasets/validate.js'
import {diffedDatasets, diffedNames} from '../pipeline/datasets/diffed.js'
import {diffDatasets} from '../pipeline/diff/diff-datasets.js'
import {englishView} from '../pipeline/diff/english-view.js'
import {formatSummary} from '../pipeline/diff/format-summary.js'
import type {Diff} from '../pipeline/types/diff.js'

/**
 * The English diff and the marks of translation-only changes, on
 * `test/fixtures/diff/english`: records of one French month page made by hand, each
 * changed in one way (see the fixture's README for what changed where).
 */

const fixture = path.resolve(import.meta.dirname, 'fixtures/diff/english')
const old = await readDatasets(path.join(fixture, 'old'))
const current = await readDatasets(path.join(fixture, 'new'))
const full = diffDatasets(old, current)
const english = diffDatasets(old, current, {english: true})

/** `flavour key` of the changed records of a dataset. */
function changedKeys(diff: Diff, name: keyof Omit<Diff, '$schema' | 'english'>): string[] {
  return diff[name].changed.map((item) => `${item.flavour} ${item.key}`)
}

/** The changes of one changed entry, by flavour and slug. */
function entryChanges(diff: Diff, flavour: string, slug: string) {
  const item = diff.entries.changed.find(
    (change) => change.flavour === flavour && change.key === `2021-03/${slug}`
  )
  return item?.changes
}

describe('the fixture', () => {
  it('holds valid datasets on both sides', () => {
    for (const side of [old, current]) {
      for (const name of diffedNames) {
        const file = JSON.parse(
          fs.readFileSync(path.join(side.label, diffedDatasets[name].file), 'utf8')
        ) as unknown
        expect(validateDataset(name, file), `${side.label} ${name}`).toBeUndefined()
      }
    }
  })
})

describe('the English view of a record', () => {
  const {translation} = diffedDatasets.entries.diff!

  it('drops a text beside its English, keeps a text alone', () => {
    expect(englishView(translation, {title: {text: 'Titre', en: 'Title'}})).toEqual({
      title: {en: 'Title'}
    })
    expect(englishView(translation, {title: {text: 'Titre'}})).toEqual({title: {text: 'Titre'}})
  })

  it('goes into arrays and objects by `*`, and drops the fields that follow the translation', () => {
    const record = {
      categories: [{key: 'features', text: 'Fonctionnalités', en: 'Features'}],
      sections: {
        details: {anchor: 'details', heading: {text: 'Détails', en: 'Details'}, text: 'x', en: 'y'}
      },
      links: [{text: 'le guide', url: '/guide'}],
      source: {file: 'a.md', line: 3, column: 1, sourceCommit: 'abc', translationType: 'MT'}
    }
    expect(englishView(translation, record)).toEqual({
      categories: [{key: 'features', en: 'Features'}],
      sections: {details: {anchor: 'details', heading: {en: 'Details'}, en: 'y'}},
      links: [{url: '/guide'}],
      source: {file: 'a.md', line: 3, column: 1}
    })
    // The record itself is left as it was.
    expect(record.links[0]).toEqual({text: 'le guide', url: '/guide'})
  })

  it('reads a value from inside a record at its path', () => {
    const rows = [{line: 4, cells: [{text: 'Prix', en: 'Price'}, {text: '12'}]}]
    const {translation: tables} = diffedDatasets.tables.diff!
    expect(englishView(tables, rows, ['rows'])).toEqual([
      {line: 4, cells: [{en: 'Price'}, {text: '12'}]}
    ])
  })
})

/** Every path in `record`, a definition of `schema`, to an object with a `text` property. */
function textPaths(schema: Record<string, unknown>, record: Record<string, unknown>): FieldPath[] {
  const definitions = schema.$defs as Record<string, Record<string, unknown>>
  const found: FieldPath[] = []
  const walk = (node: Record<string, unknown>, at: string[], seen: Set<string>) => {
    const reference = node.$ref
    if (typeof reference === 'string') {
      const name = reference.split('/').at(-1)!
      if (!seen.has(name)) walk(definitions[name]!, at, new Set([...seen, name]))
      return
    }

    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      for (const branch of (node[key] as Record<string, unknown>[] | undefined) ?? []) {
        walk(branch, at, seen)
      }
    }

    const properties = node.properties as Record<string, Record<string, unknown>> | undefined
    if (properties && Object.hasOwn(properties, 'text')) found.push(at)
    for (const [key, child] of Object.entries(properties ?? {})) walk(child, [...at, key], seen)
    if (typeof node.items === 'object')
      walk(node.items as Record<string, unknown>, [...at, '*'], seen)
    if (typeof node.additionalProperties === 'object') {
      walk(node.additionalProperties as Record<string, unknown>, [...at, '*'], seen)
    }
  }

  walk(record, [], new Set())
  return found
}

describe('the translation declared per dataset', () => {
  it('covers every text of every dataset schema', () => {
    for (const name of diffedNames) {
      const definition = diffedDatasets[name]
      const schema = JSON.parse(
        fs.readFileSync(
          path.resolve(import.meta.dirname, `../schemas/${definition.schema}.schema.json`),
          'utf8'
        )
      ) as Record<string, unknown>
      const record = (schema.$defs as Record<string, Record<string, unknown>>)[
        definition.recordDefinition!
      ]!
      const paths = textPaths(schema, record).map((at) => at.join('/'))
      const {texts, fields} = definition.diff!.translation
      const declared = [
        ...texts.map((at) => at.join('/')),
        ...fields.filter((at) => at.at(-1) === 'text').map((at) => at.slice(0, -1).join('/'))
      ]
      expect(paths.sort(), name).toEqual(declared.sort())
    }
  })
})

describe('a full diff', () => {
  it('lists every change, and marks those of the translation only', () => {
    expect(entryChanges(full, 'sxs', 'retranslated-entry')).toEqual([
      {
        path: '/sections/details/text',
        old: 'Elle arrive en avril.',
        new: 'Elle sera là en avril.',
        translation: true
      },
      {
        path: '/sections/summary/text',
        old: 'Une offre arrive.',
        new: 'Une offre va arriver.',
        translation: true
      },
      // The line moved because the translation above grew: nothing English changed.
      {path: '/source/line', old: 10, new: 12, translation: true},
      {path: '/source/sourceCommit', old: '1111111', new: '2222222', translation: true},
      {
        path: '/title/text',
        old: 'Nouvelle offre',
        new: 'Nouvelle offre disponible',
        translation: true
      }
    ])
  })

  it('keeps an array change unmarked where a fact inside it changed', () => {
    const changes = entryChanges(full, 'sxs', 'english-entry')!
    expect(changes.map((change) => [change.path, change.translation ?? false])).toEqual([
      // A new URL (and new link text).
      ['/links', false],
      ['/source/sourceCommit', true],
      ['/title/en', false],
      ['/title/text', true]
    ])
    // Only the link's text changed: the translation, on a plain page too.
    expect(entryChanges(full, 'plain', 'link-text-only')).toEqual([
      expect.objectContaining({path: '/links', translation: true})
    ])
  })

  it('counts a plain page’s text as it is: there is nothing beside it', () => {
    expect(entryChanges(full, 'plain', 'retranslated-entry')).toEqual([
      {path: '/sections/summary/text', old: 'Une offre arrive.', new: 'Une offre va arriver.'},
      {path: '/source/line', old: 10, new: 12},
      {path: '/source/sourceCommit', old: '1111111', new: '2222222', translation: true}
    ])
  })

  it('marks a new translation type, and sees no change in a new source commit alone', () => {
    expect(entryChanges(full, 'sxs', 'machine-translated')).toEqual([
      {path: '/source/sourceCommit', old: '1111111', new: '2222222', translation: true},
      {path: '/source/translationType', old: 'HT', new: 'MT', translation: true}
    ])
    expect(entryChanges(full, 'sxs', 'source-commit-only')).toBeUndefined()
  })

  it('is valid against the schema, without `english`', () => {
    expect(validateDataset('diff', full)).toBeUndefined()
    expect(full).not.toHaveProperty('english')
  })
})

describe('an English diff', () => {
  it('says so, and is valid against the schema', () => {
    expect(english.english).toBe(true)
    expect(english.$schema).toBe(schemaId('diff'))
    expect(validateDataset('diff', english)).toBeUndefined()
    expect(validateDataset('diff', {...english, english: false})).toMatch(/english/)
  })

  it('lists only the entries whose English or facts changed', () => {
    expect(changedKeys(full, 'entries')).toEqual([
      'plain 2021-03/english-entry',
      'plain 2021-03/link-text-only',
      'plain 2021-03/retranslated-entry',
      'sxs 2021-03/categories-and-status',
      'sxs 2021-03/english-entry',
      'sxs 2021-03/machine-translated',
      'sxs 2021-03/retranslated-entry'
    ])
    expect(changedKeys(english, 'entries')).toEqual([
      'plain 2021-03/english-entry',
      // Its text changed; on a plain page that may be the English: it counts.
      'plain 2021-03/retranslated-entry',
      'sxs 2021-03/categories-and-status',
      'sxs 2021-03/english-entry'
    ])
  })

  it('lists the changes of the English views, without the translated side', () => {
    expect(entryChanges(english, 'sxs', 'english-entry')).toEqual([
      {
        path: '/links',
        old: [{url: 'https://learn.microsoft.com/old-guide'}],
        new: [{url: 'https://learn.microsoft.com/new-guide'}]
      },
      {path: '/title/en', old: 'Partner Center update', new: 'Partner Center updates'}
    ])
    // The category's label changed in translation only; the status changed.
    expect(entryChanges(english, 'sxs', 'categories-and-status')).toEqual([
      {path: '/status/en', old: 'Coming soon', new: 'Now available'},
      {path: '/status/key', old: 'coming-soon', new: 'now-available'}
    ])
  })

  it('follows the same rule in offers, country rules and tables', () => {
    expect(changedKeys(english, 'offers')).toEqual([
      'sxs 2021-03/english-entry#0a1b2c3d-0000-4000-8000-000000000001#offer'
    ])
    expect(english.offers.changed[0]!.changes.map((change) => change.path)).toEqual([
      '/columns/resources/en',
      '/prices'
    ])
    // RU was renamed in French only; KZ takes 10-digit numbers now.
    expect(changedKeys(full, 'countryRules')).toEqual([
      'sxs 2021-03/english-entry#KZ#requirement',
      'sxs 2021-03/english-entry#RU#requirement'
    ])
    expect(changedKeys(english, 'countryRules')).toEqual([
      'sxs 2021-03/english-entry#KZ#requirement'
    ])
    // The header changed in translation only: the rows, where a link changed, remain.
    expect(english.tables.changed[0]!.changes.map((change) => change.path)).toEqual(['/rows'])
  })

  it('finds renames as a full diff does, with the English changes of the renamed entry', async () => {
    const renames = path.resolve(import.meta.dirname, 'fixtures/diff/renames')
    const before = await readDatasets(path.join(renames, 'old'))
    const after = await readDatasets(path.join(renames, 'new'))
    const translate = (datasets: typeof before, text: string) => ({
      ...datasets,
      entries: datasets.entries.map((record) => ({
        ...record,
        title: {...(record.title as object), text}
      }))
    })
    const renamed = diffDatasets(translate(before, 'Ancien'), translate(after, 'Nouveau'), {
      english: true
    }).entries.renamed
    expect(renamed).toHaveLength(1)
    expect(renamed[0]!.changes.map((change) => change.path)).toEqual(['/source/line', '/title/en'])
  })
})

describe('the summary', () => {
  it('names what changed in translation only, in one line for a record translated again', () => {
    expect(formatSummary(full)).toBe(
      `herald: 7 entries changed; 2 offers changed; 2 country rules changed; 1 table changed

## Entries

- 2021-03 fr-FR (plain) \`english-entry\`:
  - links/0/url https://learn.microsoft.com/old-guide → https://learn.microsoft.com/new-guide
  - title/text "Mise à jour de l’Espace partenaires" → "Mises à jour de l’Espace partenaires"
- 2021-03 fr-FR (plain) \`link-text-only\`: translation only (links)
- 2021-03 fr-FR (plain) \`retranslated-entry\`:
  - sections/summary/text "Une offre arrive." → "Une offre va arriver."
  - source/line 10 → 12
- 2021-03 fr-FR (sxs) \`categories-and-status\`:
  - status/en "Coming soon" → "Now available"
  - status/key coming-soon → now-available
  - translation (categories)
- 2021-03 fr-FR (sxs) \`english-entry\`:
  - links/0/url https://learn.microsoft.com/old-guide → https://learn.microsoft.com/new-guide
  - title/en "Partner Center update" → "Partner Center updates"
- 2021-03 fr-FR (sxs) \`machine-translated\`: translation only (source/translationType)
- 2021-03 fr-FR (sxs) \`retranslated-entry\`: translation only (sections/details, sections/summary, title)

## Offers

- 2021-03 fr-FR (sxs) \`english-entry\` offer \`0a1b2c3d-0000-4000-8000-000000000001\`:
  - columns/resources/en "[Price list](https://example.com/prices-2021-02.pdf)" → "[Price list](https://example.com/prices-2021-03.pdf)"
  - prices/0/amount 20 → 22
- 2021-03 fr-FR (sxs) \`english-entry\` offer \`0a1b2c3d-0000-4000-8000-000000000002\`: translation only (name)

## Country rules

- 2021-03 fr-FR (sxs) \`english-entry\` requirement KZ:
  - digits [12] → [10,12]
  - pattern ^(?:\\d{12})$ → ^(?:\\d{10}|\\d{12})$
- 2021-03 fr-FR (sxs) \`english-entry\` requirement RU: translation only (name)

## Tables

- 2021-03 fr-FR (sxs) \`english-entry\` table 1:
  - rows/0/cells/2/en "[Price list](https://example.com/prices-2021-02.pdf)" → "[Price list](https://example.com/prices-2021-03.pdf)"
  - translation (header, rows/1/cells/0)
`
    )
  })

  it('says an English diff is one, and shows only English values', () => {
    const summary = formatSummary(english)
    expect(summary.split('\n')[0]).toBe(
      'herald (English): 4 entries changed; 1 offer changed; 1 country rule changed; 1 table changed'
    )
    expect(summary).not.toMatch(/translation|\/text "(?!Mise|Une)/)
    expect(summary).toContain(
      '- 2021-03 fr-FR (sxs) `english-entry` table 1: rows/0/cells/2/en ' +
        '"[Price list](https://example.com/prices-2021-02.pdf)" → "[Price list](https://example.com/prices-2021-03.pdf)"\n'
    )
    expect(formatSummary(diffDatasets(old, old, {english: true}))).toBe(
      'herald: no English changes\n'
    )
  })

  it('leaves out the lines of rows that only moved', () => {
    const moved = {
      ...current,
      tables: current.tables.map((table) => ({
        ...table,
        rows: (table.rows as {line: number}[]).map((row) => ({...row, line: row.line + 5}))
      }))
    }
    const summary = formatSummary(diffDatasets(current, moved))
    // Row lines are incidental: alone they change nothing.
    expect(summary).toBe('herald: no changes\n')
    const tables = formatSummary(diffDatasets(old, moved)).split('## Tables')[1]
    expect(tables).toContain('rows/0/cells/2/en')
    expect(tables).not.toContain('line')
  })
})

describe('hostile keys', () => {
  it('keeps a `__proto__` key of a record as a key of its view', () => {
    const record = JSON.parse(
      '{"__proto__": {"polluted": true}, "title": {"text": "Titre", "en": "Title"}}'
    ) as Record<string, unknown>
    const view = englishView(diffedDatasets.entries.diff!.translation, record) as object
    expect(Object.keys(view)).toEqual(['__proto__', 'title'])
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
