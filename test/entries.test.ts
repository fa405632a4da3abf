import {describe, expect, it} from 'vitest'
import {processFixture} from './helpers/fixtures.js'

function rules(result: ReturnType<typeof processFixture>): string[] {
  return result.messages.map((message) => message.ruleId)
}

describe('sxs entry', () => {
  const result = processFixture('sxs-entry')
  const [entry] = result.entries

  it('finds one entry keyed by month and English slug, number as an attribute', () => {
    expect(result.entries).toHaveLength(1)
    expect(entry!.key).toBe('2020-11/introducing-saas-metered-billing')
    expect(entry!.id).toBe('introducing-saas-metered-billing')
    expect(entry!.number).toBe(14)
    expect(entry!.anchors).toEqual(['introducing-saas-metered-billing', '14'])
    expect(entry!.flavour).toBe('sxs')
    expect(entry!.locale).toBe('fr-FR')
  })

  it('keeps translation and English side by side, span-free', () => {
    expect(entry!.title).toEqual({
      text: 'Présentation de la facturation à l’usage',
      en: 'Introducing metered billing'
    })
    expect(entry!.sections.summary).toEqual({
      anchor: 'summary',
      heading: {text: 'Résumé', en: 'Summary'},
      text: 'Microsoft introduit la [facturation](/azure/metered). Deuxième phrase.',
      en: 'Microsoft is introducing [metered billing](/azure/metered). Second sentence.'
    })
  })

  it('reads the English date and keeps the written date', () => {
    expect(entry!.date).toBe('2020-11-24')
    expect(entry!.updated).toBeNull()
    expect(entry!.dateText).toEqual({text: 'Date : 24/11/2020', en: 'Date: 2020-11-24'})
  })

  it('normalises section anchor synonyms and keeps the raw anchor', () => {
    expect(entry!.sections['impacted-audience']).toMatchObject({
      anchor: 'affected-audience',
      text: 'Tous les partenaires'
    })
    expect(Object.keys(entry!.sections).sort()).toEqual([
      'categories',
      'impacted-audience',
      'next-steps',
      'summary'
    ])
  })

  it('drops the trailing rule from the last section', () => {
    expect(entry!.sections['next-steps']!.text).toBe('- Partagez ces informations.')
  })

  it('collects links and categories', () => {
    expect(entry!.links).toEqual([{text: 'facturation', url: '/azure/metered'}])
    expect(entry!.categories).toEqual([
      {key: 'capabilities', text: 'Fonctionnalités', en: 'Capabilities'}
    ])
  })

  it('points the source at the H2 of the original file', () => {
    expect(entry!.source).toEqual({
      file: 'sxs-entry/2020-november.md',
      line: 10,
      column: 1,
      sourceCommit: '09799f1d13b07cd3d4c75da7e2a074644dd86977',
      translationType: 'HT',
      handoff: null,
      twin: null
    })
  })

  it('balances the ledger', () => {
    expect(result.report).toMatchObject({
      headings: 1,
      entries: 1,
      merged: 0,
      reported: 0,
      status: 'processed'
    })
    expect(result.messages).toEqual([])
  })
})

describe('plain flavour of the same page', () => {
  const sxs = processFixture('sxs-entry').entries[0]!
  const plain = processFixture('plain-entry').entries[0]!

  it('gives the same key, date and translated text, without English', () => {
    expect(plain.flavour).toBe('plain')
    expect(plain.key).toBe(sxs.key)
    expect(plain.date).toBe(sxs.date)
    expect(plain.title).toEqual({text: sxs.title.text})
    expect(plain.sections.summary!.text).toBe(sxs.sections.summary!.text)
    expect(plain.sections.summary!.en).toBeUndefined()
    expect(plain.categories).toEqual([{key: null, text: 'Fonctionnalités'}])
  })
})

describe('anchor variants', () => {
  const result = processFixture('anchor-variants')
  const byId = new Map(result.entries.map((entry) => [entry.id, entry]))

  it('reads every real way of writing the anchors', () => {
    expect(result.entries.map((entry) => [entry.id, entry.number, entry.title.text])).toEqual([
      ['slug-with-id-anchor', 3, 'Titel mit id-Anker'],
      ['slug-wrapping-title', null, 'Titel im Anker'],
      ['slug-id-wrapping', 7, 'Titel nach id'],
      ['slug-inside-spans', 5, 'Titel in Spans'],
      ['4-5', null, 'Nur ein Nummernanker']
    ])
    expect(byId.get('slug-inside-spans')!.title.en).toBe('Title inside spans')
  })

  it('reads dates in the locale order (de: D.M.Y), under categories or not', () => {
    expect(result.entries.map((entry) => entry.date)).toEqual([
      '2021-03-04',
      '2021-03-05',
      '2021-03-06',
      '2021-03-07',
      '2021-03-08'
    ])
  })

  it('reports an H2 without anchor, and the ledger balances', () => {
    expect(rules(result)).toContain('entry-no-slug')
    const message = result.messages.find((message) => message.ruleId === 'entry-no-slug')!
    expect(message.line).toBe(33)
    expect(result.report).toMatchObject({headings: 6, entries: 5, merged: 0, reported: 1})
  })
})

describe('promoted sub-sections and rules', () => {
  const result = processFixture('promoted-section')

  it('merges H2s named like sections into the entry before them', () => {
    expect(result.entries.map((entry) => entry.id)).toEqual(['first-entry', 'second-entry'])
    const first = result.entries[0]!
    expect(first.sections.details).toMatchObject({
      anchor: 'details',
      text: 'Detalles de la primera entrada.'
    })
    expect(first.sections.questions!.text).toBe('Preguntas de la primera entrada.')
    expect(result.report).toMatchObject({headings: 4, entries: 2, merged: 2, reported: 0})
    expect(rules(result).filter((rule) => rule === 'heading-promoted-section')).toHaveLength(2)
  })

  it('splits entries without a rule between them and ignores trailing rules', () => {
    expect(result.entries[1]!.date).toBe('2020-12-02')
    expect(result.entries[1]!.sections.categories!.text).toBe('- Fecha: 2 de diciembre de 2020')
  })
})

describe('a slug repeated in one page', () => {
  const result = processFixture('duplicate-slug')

  it('keeps both entries, disambiguates the later key, and reports it', () => {
    expect(result.entries.map((entry) => entry.key)).toEqual([
      '2021-01/same-slug',
      '2021-01/same-slug~2'
    ])
    expect(result.entries.map((entry) => entry.date)).toEqual(['2021-01-05', '2021-01-06'])
    expect(rules(result)).toEqual(['entry-duplicate-slug'])
  })
})

describe('date forms', () => {
  const result = processFixture('date-forms')
  const byId = new Map(result.entries.map((entry) => [entry.id, entry]))
  const messagesOf = (rule: string) => result.messages.filter((message) => message.ruleId === rule)

  it('puts the second date of "…, updated …" in updated', () => {
    expect(byId.get('updated-date')).toMatchObject({date: '2021-05-03', updated: '2021-05-07'})
  })

  it('lets the English date win, with a warning', () => {
    expect(byId.get('translation-changed-date')!.date).toBe('2021-05-11')
    expect(messagesOf('date-mismatch')).toHaveLength(1)
    expect(messagesOf('date-mismatch')[0]!.line).toBe(15)
  })

  it('gives null and a diagnostic for an impossible date', () => {
    expect(byId.get('impossible-date')!.date).toBeNull()
    expect(messagesOf('date-invalid')).toHaveLength(1)
  })

  it('keeps a date outside the page month with an info', () => {
    expect(byId.get('date-outside-month')!.date).toBe('2021-02-05')
    expect(messagesOf('date-outside-month').map((message) => message.severity)).toEqual(['info'])
  })

  it('finds a date line under the summary', () => {
    expect(byId.get('date-under-summary')!.date).toBe('2021-05-04')
  })

  it('reports an entry without a date', () => {
    expect(byId.get('no-date')!.date).toBeNull()
    expect(messagesOf('date-missing')).toHaveLength(1)
    expect(byId.get('no-date')!.categories).toEqual([
      {key: 'capabilities', text: 'Fonctionnalités', en: 'Capabilities'}
    ])
  })

  it('keeps the translation type', () => {
    expect(byId.get('no-date')!.source.translationType).toBe('MT')
  })
})

describe('categories', () => {
  const entry = processFixture('categories-forms').entries[0]!

  it('splits labels, strips Type:, moves Status: to status, skips link and empty bullets', () => {
    expect(entry.categories).toEqual([
      {key: 'offers', text: 'Offres', en: 'Offers'},
      {key: 'markets', text: 'marchés', en: 'Markets'},
      {key: 'capabilities', text: 'Fonctionnalités', en: 'Capabilities'},
      {key: 'customer-screening', text: 'Sélection des clients', en: 'Enhanced customer screening'},
      {key: null, text: 'Quelque chose d’inconnu', en: 'Something unheard of'}
    ])
    expect(entry.status).toEqual({
      key: 'now-available',
      text: 'Disponible immédiatement',
      en: 'Now Available'
    })
    expect(entry.links).toEqual([{text: 'En savoir plus', url: 'https://example.com/learn'}])
  })

  it('never turns the machine-translated "Tapez" into a key', () => {
    expect(JSON.stringify(entry.categories.map((category) => category.key))).not.toMatch(/tapez/i)
  })
})

describe('sxs details', () => {
  const result = processFixture('segment-newline')
  const entry = result.entries[0]!

  it('handles a segment across a newline, escaped bold, notes and code fences', () => {
    expect(entry.date).toBe('2020-07-24')
    expect(entry.sections.details!.text).toBe(
      '最初の行\n二番目の行 **太字**です。\n\n> [!NOTE]\n> 注意事項。\n\n```json\n{"a": 1}\n```'
    )
    expect(entry.sections.details!.en).toBe(
      'First line\nsecond line **Bold** it is.\n\n> [!NOTE]\n> A note.\n\n```json\n{"a": 1}\n```'
    )
    expect(result.messages).toEqual([])
  })
})

describe('HTML in headings and cells, read by the HTML parser', () => {
  const result = processFixture('html-anchors')

  it('reads every spelling of an anchor HTML allows, character references decoded', () => {
    expect(result.entries.map((entry) => [entry.id, entry.number, entry.anchors])).toEqual([
      ['single-quoted-slug', 2, ['single-quoted-slug', '2']],
      ['unquoted-slug', 3, ['unquoted-slug', '3']],
      ['id-then-name', 4, ['4', 'id-then-name']],
      ['café-menu', 5, ['café-menu', '5']]
    ])
    expect(result.entries.map((entry) => entry.title.text)).toEqual([
      'Guillemets simples',
      'Sans guillemets',
      'Un seul élément, deux attributs',
      'Références de caractères'
    ])
  })

  it('reads a line break in every spelling HTML reads as one, `</br>` included', () => {
    expect(result.tables[0]!.rows[0]!.cells[1]).toEqual({text: 'un\ndeux\ntrois\nquatre'})
  })
})
