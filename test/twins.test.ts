import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build} from '../pipeline/commands/build.js'
import {processPage} from '../pipeline/engine/process-page.js'
import {fixtureFolder} from './helpers/fixtures.js'

/**
 * A plain page takes its English from its twin — the sxs page of the same English source
 * commit, of its own locale or another — matched by entry and by position in the tree,
 * never by translated words. Fixtures: test/fixtures/twins/.
 */
const folder = path.join(fixtureFolder, 'twins')
const read = (name: string) => fs.readFileSync(path.join(folder, name, '2021-february.md'))
const twin = {name: 'twins/fr-fr-sxs/2021-february.md', bytes: read('fr-fr-sxs')}

describe('a plain page with its twin', () => {
  const plain = processPage('twins/fr-fr-plain/2021-february.md', read('fr-fr-plain'), {twin})
  const sxs = processPage(twin.name, twin.bytes)
  const entry = (id: string) => plain.entries.find((item) => item.id === id)!

  it('takes the English of titles, sections, category keys and status', () => {
    const first = entry('new-voice-offers')
    const fromSxs = sxs.entries.find((item) => item.id === 'new-voice-offers')!
    expect(first.flavour).toBe('plain')
    expect(first.source.twin).toBe(twin.name)
    expect(first.title).toEqual({text: 'Nouvelles offres vocales', en: 'New voice offers'})
    expect(first.categories).toEqual(fromSxs.categories)
    expect(first.categories.map((category) => category.key)).toEqual(['offers'])
    expect(first.status).toEqual(fromSxs.status)
    expect(first.status?.key).toBe('now-available')
    // The English is the twin's; the text is the plain page's own (its damaged ID too).
    expect(first.sections.details!.en).toBe(fromSxs.sections.details!.en)
    expect(first.sections.details!.text).toContain('HRE-25690')
  })

  it('emits the English identifier where translation damaged it, and says so', () => {
    expect(plain.offers).toMatchObject([
      {
        offerId: '9f8f1756-f56f-421e-901a-e80e857cadb8',
        materialId: 'AAD-25690',
        name: {text: 'Voix Entreprise', en: 'Business Voice'}
      }
    ])
    const warning = plain.messages.find((message) => message.ruleId === 'material-id-translated')!
    expect(warning.reason).toContain('HRE-25690')
    expect(warning.reason).toContain('AAD-25690')
    expect(plain.tables[0]!.columns.map((column) => column.role)).toEqual(
      sxs.tables[0]!.columns.map((column) => column.role)
    )
  })

  it('guesses nothing where the structure differs: no English there, the rest kept', () => {
    const second = entry('second-entry')
    expect(second.categories.map((category) => category.key)).toEqual(['capabilities'])
    expect(second.sections.details!.heading).toEqual({text: 'Détails', en: 'Details'})
    // The plain page has one more paragraph here than its twin.
    expect(second.sections.details!.en).toBeUndefined()
  })

  it('reports an entry its twin does not have, and leaves it without English', () => {
    const only = entry('only-in-plain')
    expect(only.title.en).toBeUndefined()
    expect(only.source.twin).toBeNull()
    expect(plain.messages).toContainEqual(
      expect.objectContaining({ruleId: 'twin-entry-missing', severity: 'info'})
    )
  })
})

describe('twins of another locale, and stale ones', () => {
  it("takes the English of another locale's sxs page of the same source commit", () => {
    const plain = processPage('twins/de-de-plain/2021-february.md', read('de-de-plain'), {twin})
    const [first, second] = plain.entries
    expect(first!.title).toEqual({text: 'Neue Sprachangebote', en: 'New voice offers'})
    expect(first!.categories).toEqual([{key: 'offers', text: 'Angebote', en: 'Offers'}])
    expect(second!.sections.details).toMatchObject({text: 'Ein Absatz.', en: 'A paragraph.'})
    expect(plain.offers[0]!.materialId).toBe('AAD-25690')
    expect(plain.messages.filter((message) => message.severity !== 'info')).toEqual([])
  })

  it('refuses a twin translated from another English commit', () => {
    const plain = processPage('twins/stale-plain/2021-february.md', read('stale-plain'), {twin})
    expect(plain.entries.every((entry) => entry.title.en === undefined)).toBe(true)
    expect(plain.entries.every((entry) => entry.source.twin === null)).toBe(true)
    expect(plain.messages).toContainEqual(
      expect.objectContaining({
        ruleId: 'twin-unusable',
        reason: expect.stringContaining('another English commit')
      })
    )
  })
})

describe('twins in a build', () => {
  it('pairs each plain page with an sxs page of its month and source commit, its own locale first', async () => {
    const result = await build({inputs: [folder], threads: 1})
    const twins = Object.fromEntries(
      result.datasets!.entries.map((entry) => [
        `${entry.source.file} ${entry.id}`,
        entry.source.twin
      ])
    )
    expect(twins['twins/fr-fr-plain/2021-february.md new-voice-offers']).toBe(
      'twins/fr-fr-sxs/2021-february.md'
    )
    expect(twins['twins/de-de-plain/2021-february.md new-voice-offers']).toBe(
      'twins/fr-fr-sxs/2021-february.md'
    )
    expect(twins['twins/stale-plain/2021-february.md new-voice-offers']).toBeNull()
    expect(twins['twins/fr-fr-sxs/2021-february.md new-voice-offers']).toBeNull()

    const alone = await build({inputs: [folder], threads: 1, twins: false})
    expect(alone.datasets!.entries.every((entry) => entry.source.twin === null)).toBe(true)
  })
})
