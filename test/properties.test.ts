import {isDeepStrictEqual} from 'node:util'
import fc from 'fast-check'
import {months} from '../pipeline/page/page-name.js'
import {describe, expect, it} from 'vitest'
import {canonicalJson} from '../pipeline/datasets/canonical-json.js'
import {processPage, type PageResult} from '../pipeline/engine/process-page.js'
import {englishOf, splitSegments, viewToSource} from '../pipeline/page/split-segments.js'

/**
 * Properties that hold for every input of a shape, checked on generated inputs with a
 * fixed seed (a failure is reproducible: fast-check prints the counterexample and the
 * path to it) and a bounded number of runs.
 */
const settings = {seed: 20261130, numRuns: 200}

/** sxs escapes the opening `**` of bold inside segments; Herald reads it as `**`. */
const unescapeBold = (text: string) => text.replaceAll('\\*\\*', '**')

describe('span stripping', () => {
  // Everything but `<`, with the characters that matter to the splitter and to Markdown,
  // and the escaped bold (`\*\*`) that sxs writes inside segments.
  const unit = fc.constantFrom(...Array.from('ab é\n*\\"/>|_[]=-sp😀'), '\\*\\*')
  const text = fc.string({unit, maxLength: 12})
  const id = fc.string({unit: fc.constantFrom(...'abc0123456789-'), minLength: 1, maxLength: 12})
  const part = fc.oneof(
    fc.record({kind: fc.constant('text' as const), text}),
    fc.record({kind: fc.constant('segment' as const), id, translated: text, english: text})
  )
  const parts = fc.array(part, {maxLength: 12})

  type Part = typeof part extends fc.Arbitrary<infer T> ? T : never

  function markup(parts: Part[]): string {
    return parts
      .map((part) =>
        part.kind === 'text'
          ? part.text
          : `<span data-ttu-id="${part.id}">${part.translated}</span><span class="sxs-lookup"><span data-stu-id="${part.id}">${part.english}</span></span>`
      )
      .join('')
  }

  const translatedView = (parts: Part[]) =>
    parts.map((part) => (part.kind === 'text' ? part.text : unescapeBold(part.translated))).join('')
  const englishView = (parts: Part[]) =>
    parts.map((part) => (part.kind === 'text' ? part.text : unescapeBold(part.english))).join('')

  it('gives back the exact translated view, and the English view through englishOf', () => {
    fc.assert(
      fc.property(parts, (parts) => {
        const split = splitSegments(markup(parts))
        expect(split.problems).toEqual([])
        expect(split.segments).toHaveLength(parts.filter((part) => part.kind === 'segment').length)
        expect(split.view).toBe(translatedView(parts))
        expect(englishOf(split, 0, split.view.length)).toBe(englishView(parts))
      }),
      settings
    )
  })

  it('maps every view offset back to the same character in the source', () => {
    fc.assert(
      fc.property(parts, (parts) => {
        const source = markup(parts)
        const split = splitSegments(source)
        for (let offset = 0; offset < split.view.length; offset++) {
          expect(source[viewToSource(split, offset)]).toBe(split.view[offset])
        }
      }),
      settings
    )
  })

  it('is idempotent: splitting the view again changes nothing', () => {
    fc.assert(
      fc.property(parts, (parts) => {
        const view = splitSegments(markup(parts)).view
        expect(splitSegments(view)).toEqual({view, segments: [], problems: []})
      }),
      settings
    )
  })

  it('survives any jumble of span markup: segments agree with the view, offsets map back', () => {
    const piece = fc.constantFrom(
      '<span data-ttu-id="',
      '<span class="sxs-lookup">',
      '<span data-stu-id="',
      '</span>',
      '</span></span>',
      '">',
      'x',
      '\\*\\*',
      '\n'
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const source = pieces.join('')
        const split = splitSegments(source)
        for (const segment of split.segments) {
          expect(split.view.slice(segment.viewStart, segment.viewEnd)).toBe(segment.translated)
        }

        for (let offset = 0; offset < split.view.length; offset++) {
          expect(source[viewToSource(split, offset)]).toBe(split.view[offset])
        }
      }),
      settings
    )
  })
})

/** A small page model, rendered in either flavour; every text is a segment in sxs. */
interface PageModel {
  locale: 'fr-FR' | 'de-DE' | 'es-ES'
  year: number
  month: number
  entries: Array<{
    slug: string
    number: number | null
    title: [string, string]
    day: number
    category: number
    summary: Array<[string, string]>
    table: boolean
  }>
}

const monthNames = months

const localeWords = {
  'fr-FR': {
    date: (d: string, m: string, y: number) => `Date : ${d}/${m}/${y}`,
    categories: 'Catégories',
    summary: 'Résumé',
    category: ['Fonctionnalités', 'Offres', 'Marchés']
  },
  'de-DE': {
    date: (d: string, m: string, y: number) => `Datum: ${d}.${m}.${y}`,
    categories: 'Kategorien',
    summary: 'Zusammenfassung',
    category: ['Funktionen', 'Angebote', 'Märkte']
  },
  'es-ES': {
    date: (d: string, m: string, y: number) => `Fecha: ${d}/${m}/${y}`,
    categories: 'Categorías',
    summary: 'Resumen',
    category: ['Funcionalidades', 'Ofertas', 'Mercados']
  }
}
const englishCategories = ['Capabilities', 'Offers', 'Markets']

const word = fc.constantFrom(
  'Partner',
  'Center',
  'annonce',
  'neue',
  'ofertas',
  'Microsoft',
  'à',
  'für',
  'l’usage',
  '2021',
  'API',
  'café',
  'Überblick',
  'niño'
)
const sentence = fc.array(word, {minLength: 1, maxLength: 8}).map((words) => words.join(' ') + '.')
const pair = fc.tuple(sentence, sentence)
const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(?:-[a-z0-9]{1,8}){0,3}$/)

const pageModel: fc.Arbitrary<PageModel> = fc.record({
  locale: fc.constantFrom('fr-FR', 'de-DE', 'es-ES'),
  year: fc.integer({min: 2019, max: 2024}),
  month: fc.integer({min: 1, max: 12}),
  entries: fc.uniqueArray(
    fc.record({
      slug,
      number: fc.option(fc.integer({min: 1, max: 99}), {nil: null}),
      title: pair,
      day: fc.integer({min: 1, max: 28}),
      category: fc.integer({min: 0, max: 2}),
      summary: fc.array(pair, {minLength: 1, maxLength: 4}),
      table: fc.boolean()
    }),
    {minLength: 1, maxLength: 4, selector: (entry) => entry.slug}
  )
})

function fileName(model: PageModel): string {
  return `${model.year}-${monthNames[model.month - 1]}.md`
}

function renderPage(model: PageModel, flavour: 'sxs' | 'plain'): string {
  let id = 100
  const segment = ([text, en]: [string, string]) =>
    flavour === 'plain'
      ? text
      : `<span data-ttu-id="c5130-${++id}">${text}</span><span class="sxs-lookup"><span data-stu-id="c5130-${id}">${en}</span></span>`
  const words = localeWords[model.locale]
  const mm = String(model.month).padStart(2, '0')
  const lines = [
    '---',
    'title: Announcements',
    'ms.sourcegitcommit: 09799f1d13b07cd3d4c75da7e2a074644dd86977',
    'ms.translationtype: HT',
    `ms.contentlocale: ${model.locale}`,
    '---',
    `# <a name="announcements"></a>${segment(['Annonces', 'Announcements'])}`,
    ''
  ]
  for (const entry of model.entries) {
    const dd = String(entry.day).padStart(2, '0')
    const number = entry.number === null ? '' : `<a name="${entry.number}"></a>`
    // Summary sentences two to a line: a paragraph over several lines.
    const summary: string[] = []
    entry.summary.forEach((sentence, index) => {
      if (index % 2 === 0) summary.push(segment(sentence))
      else summary[summary.length - 1] += ' ' + segment(sentence)
    })
    lines.push(
      '______________',
      `## <a name="${entry.slug}"></a>${number}${segment(entry.title)}`,
      '',
      `### <a name="categories"></a>${segment([words.categories, 'Categories'])}`,
      '',
      `- ${segment([words.date(dd, mm, model.year), `Date: ${model.year}-${mm}-${dd}`])}`,
      `- ${segment([words.category[entry.category]!, englishCategories[entry.category]!])}`,
      '',
      `### <a name="summary"></a>${segment([words.summary, 'Summary'])}`,
      '',
      ...summary,
      ''
    )
    if (entry.table) {
      lines.push(
        `| ${segment(['Nom', 'Name'])} | ${segment(['Code', 'Code'])} |`,
        '|---|---|',
        `| ${segment(entry.title)} | ${segment(['FR', 'FR'])} |`,
        ''
      )
    }
  }

  lines.push('______________', '')
  return lines.join('\n')
}

/** Everything a page gives, as the bytes a build would write for it. */
function datasetsOf(result: PageResult): string {
  return canonicalJson({
    entries: result.entries,
    tables: result.tables,
    offers: result.offers,
    countryRules: result.countryRules,
    report: result.report,
    messages: result.messages
  })
}

describe('generated pages', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text)
  const whitespace = fc.array(fc.constantFrom('', ' ', '  ', '   ', '\t', ' \t ', '\t  '), {
    minLength: 1
  })

  it('give the same datasets with CRLF, with a BOM, and with trailing whitespace', () => {
    fc.assert(
      fc.property(
        pageModel,
        fc.constantFrom('sxs' as const, 'plain' as const),
        whitespace,
        (model, flavour, trailing) => {
          const text = renderPage(model, flavour)
          const name = `generated/${fileName(model)}`
          const expected = datasetsOf(processPage(name, utf8(text)))
          expect(JSON.parse(expected).entries).toHaveLength(model.entries.length)
          const lines = text.split('\n')
          const spaced = lines
            .map((line, index) => {
              const pad = trailing[index % trailing.length]!
              // Two spaces before a line that goes on are a Markdown hard break, not noise.
              const goesOn = (lines[index + 1] ?? '').trim() !== ''
              return line + (goesOn && pad.endsWith('  ') ? ' ' : pad)
            })
            .join('\n')
          for (const variant of [text.replaceAll('\n', '\r\n'), '\uFEFF' + text, spaced]) {
            expect(datasetsOf(processPage(name, utf8(variant)))).toBe(expected)
          }
        }
      ),
      settings
    )
  })

  it('give the same keys and dates in sxs as in plain', () => {
    fc.assert(
      fc.property(pageModel, (model) => {
        const name = `generated/${fileName(model)}`
        const facts = (flavour: 'sxs' | 'plain') =>
          processPage(name, utf8(renderPage(model, flavour))).entries.map((entry) => [
            entry.key,
            entry.number,
            entry.date,
            entry.updated
          ])
        const sxs = facts('sxs')
        expect(sxs).toEqual(facts('plain'))
        const mm = String(model.month).padStart(2, '0')
        expect(sxs).toEqual(
          model.entries.map((entry) => [
            `${model.year}-${mm}/${entry.slug}`,
            entry.number,
            `${model.year}-${mm}-${String(entry.day).padStart(2, '0')}`,
            null
          ])
        )
      }),
      settings
    )
  })
})

describe('canonical JSON', () => {
  // JSON.stringify writes -0 as 0, like every JSON writer: no dataset holds -0.
  const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown)

  /** The same value with the keys of every object in another order. */
  function reorder(value: unknown, turn: number): unknown {
    if (Array.isArray(value)) return value.map((item) => reorder(item, turn))
    if (value === null || typeof value !== 'object') return value
    const entries = Object.entries(value).reverse()
    const shift = entries.length === 0 ? 0 : turn % entries.length
    const turned = [...entries.slice(shift), ...entries.slice(0, shift)]
    return Object.fromEntries(turned.map(([key, item]) => [key, reorder(item, turn + 1)]))
  }

  it('round-trips: parsing the canonical JSON gives the value back', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(isDeepStrictEqual(JSON.parse(canonicalJson(value)), value)).toBe(true)
      }),
      settings
    )
  })

  it('is the same whatever the order of the keys', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, turn) => {
        expect(canonicalJson(reorder(value, turn))).toBe(canonicalJson(value))
      }),
      settings
    )
  })
})
