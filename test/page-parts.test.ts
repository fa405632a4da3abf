import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root, RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {PartMemo} from '../pipeline/engine/part-memo.js'
import {processPage} from '../pipeline/engine/process-page.js'
import {readFrontMatter} from '../pipeline/page/front-matter.js'
import {headingLines} from '../pipeline/page/heading-lines.js'
import {createPageView} from '../pipeline/page/page-view.js'
import {parseMarkdown} from '../pipeline/page/parse-markdown.js'
import {headFolder, hasCorpus} from './helpers/corpus.js'
import {fixtureFolder} from './helpers/fixtures.js'

/**
 * A page is cut at its top-level H2 lines and each part parsed alone (so that unchanged
 * parts can be reused). That is only right if every part parses exactly as it does inside
 * the whole page: these tests hold the cut against the parser itself.
 */

/** The top-level nodes of a tree, positions as offsets, without the rest of `position`. */
function shape(nodes: readonly RootContent[], shift = 0): unknown[] {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip)
    if (node === null || typeof node !== 'object') return node
    const out: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(node)) {
      if (name === 'position') {
        const position = value as {start: {offset: number}; end: {offset: number}}
        out.from = position.start.offset + shift
        out.to = position.end.offset + shift
      } else out[name] = strip(value)
    }

    return out
  }

  return nodes.map(strip)
}

/** The whole page's tree, and the same page parsed part by part, as comparable shapes. */
function parseBothWays(view: string): {whole: unknown[]; parts: unknown[]} {
  const whole = shape(parseMarkdown(view).children)
  const cuts = [0, ...headingLines(view).map((line) => line.start), view.length]
  const parts: unknown[] = []
  for (let index = 0; index + 1 < cuts.length; index++) {
    const [start, end] = [cuts[index]!, cuts[index + 1]!]
    if (start === end) continue
    const tree: Root = parseMarkdown(view.slice(start, end))
    parts.push(...shape(tree.children, start))
  }

  return {whole, parts}
}

describe('top-level H2 lines', () => {
  it('finds `##` lines at column 0 and nothing else', () => {
    const view = [
      '# Title',
      '## <a name="a"></a>One',
      'text',
      '  ## indented: inside a list item or not, never a cut',
      '##no space: not a heading',
      '###   an H3',
      '##',
      '## two'
    ].join('\n')
    const starts = headingLines(view).map((line) => view.slice(line.start, line.end))
    expect(starts).toEqual(['## <a name="a"></a>One', '##', '## two'])
  })

  it('skips H2 lines inside fenced code and HTML blocks', () => {
    const view = [
      '```md',
      '## in a fence',
      '```',
      '~~~~',
      '## in a tilde fence',
      '```',
      '## still in it: a backtick fence does not close a tilde one',
      '~~~~',
      '<div>',
      '## in an HTML block until a blank line',
      '',
      '<!-- a comment',
      '## in the comment',
      '-->',
      '<pre>',
      '## in pre',
      '</pre>',
      '## out'
    ].join('\n')
    const found = headingLines(view).map((line) => view.slice(line.start, line.end))
    expect(found).toEqual(['## out'])
  })

  it('does not cut a page that holds a link reference definition', () => {
    expect(headingLines('## a\n\n[x]: https://example.com\n\n## b\n')).toEqual([])
    expect(headingLines('## a\n\n> [x]: https://example.com\n\n## b\n')).toEqual([])
    expect(headingLines('## a\n\ntext [x][y]\n\n## b\n')).toHaveLength(2)
  })

  it('cuts where the parse of the parts is the parse of the whole (fixtures)', () => {
    for (const folder of fs.readdirSync(fixtureFolder)) {
      const dir = path.join(fixtureFolder, folder)
      if (!fs.statSync(dir).isDirectory()) continue
      for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.md'))) {
        const view = fs.readFileSync(path.join(dir, file), 'utf8')
        const {whole, parts} = parseBothWays(view)
        expect(parts, `${folder}/${file}`).toEqual(whole)
      }
    }
  })

  it('cuts where the parse of the parts is the parse of the whole (generated pages)', () => {
    const block = fc.constantFrom(
      '## <a name="e"></a>Entry',
      '##',
      '### Section',
      'A paragraph\nthat goes on',
      '- item\n  continued\n- item two',
      '1. one\n\n   indented paragraph',
      '> quote\nlazy line',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '```\n## fenced\n```',
      '    ## indented code',
      '<div>\n## html\n</div>',
      '<!--\n## comment\n-->',
      '<a name="x"></a>',
      '____',
      'Setext\n---',
      '* [ ] task',
      '  ## two spaces',
      '- item\n## right after a list',
      '> quote\n## right after a quote',
      '```\nunclosed fence'
    )
    const separator = fc.constantFrom('\n', '\n\n')
    const page = fc
      .array(fc.tuple(block, separator), {maxLength: 12})
      .map((blocks) => blocks.map(([text, gap]) => text + gap).join(''))
    fc.assert(
      fc.property(page, (view) => {
        const {whole, parts} = parseBothWays(view)
        expect(parts).toEqual(whole)
      }),
      {seed: 20261202, numRuns: 300}
    )
  })

  it.skipIf(!hasCorpus)('cuts corpus pages where the parts parse as the whole', () => {
    let cuts = 0
    // Two locales of different scripts, both flavours: every page parses twice here.
    for (const locale of ['fr-fr', 'ja-jp']) {
      for (const flavour of ['live', 'live-sxs']) {
        const dir = path.join(headFolder, locale, flavour)
        for (const file of fs.readdirSync(dir)) {
          const text = fs.readFileSync(path.join(dir, file), 'utf8')
          const frontMatter = readFrontMatter(text)
          if (!frontMatter.ok) continue
          // What is cut is the view: span-free in sxs, front matter blanked.
          const {view} = createPageView(text, frontMatter.value.end)
          const {whole, parts} = parseBothWays(view)
          expect(parts, `${locale}/${flavour}/${file}`).toEqual(whole)
          cuts += headingLines(view).length
        }
      }
    }

    expect(cuts).toBeGreaterThan(800)
  })
})

describe('parts remembered across versions of a page', () => {
  const page = (entries: string[]): Buffer =>
    Buffer.from(
      [
        '---',
        'ms.contentlocale: fr-FR',
        'ms.sourcegitcommit: abc',
        '---',
        '# Annonces',
        '',
        // Each entry's text depends on its slug only, as an unchanged entry's does.
        ...entries.map((slug) => {
          const digit = slug.charCodeAt(0) % 9
          return `## <a name="${slug}"></a>Titre ${slug}\n\n### <a name="categories"></a>Catégories\n\n- Date : 2020-11-0${digit + 1}\n- Type : Offres\n\n| Nom | ID |\n|---|---|\n| Offre ${slug} | 9f8f1756-f56f-421e-901a-e80e857cadb${digit} |\n`
        })
      ].join('\n')
    )

  it('gives the same result as a fresh run, lines moved, parts reused', () => {
    const memo = new PartMemo()
    const before = page(['b', 'c', 'd'])
    processPage('fr-fr/2020-november.md', before, {memo})
    // A new entry on top moves every other entry down the page.
    const after = page(['a', 'b', 'c', 'd'])
    const reused = processPage('fr-fr/2020-november.md', after, {memo})
    const fresh = processPage('fr-fr/2020-november.md', after)
    expect(reused).toEqual(fresh)
    expect(reused.entries.map((entry) => entry.source.line)).toEqual(
      fresh.entries.map((entry) => entry.source.line)
    )
    // The page's head and b, c, d were seen; a is new.
    expect(memo.stats).toEqual({hits: 4, misses: 5})
  })

  it('fills in the source commit of the page, whatever version the part came from', () => {
    const memo = new PartMemo()
    processPage('fr-fr/2020-november.md', page(['a', 'b']), {memo})
    const resynced = Buffer.from(page(['a', 'b']).toString().replace('abc', 'def'))
    const result = processPage('fr-fr/2020-november.md', resynced, {memo})
    expect(result.entries.map((entry) => entry.source.sourceCommit)).toEqual(['def', 'def'])
    // All three parts are reused: the head too, for parts see the front matter blanked.
    expect(memo.stats).toEqual({hits: 3, misses: 3})
  })

  it('keeps a repeated slug apart even when its part is reused', () => {
    const memo = new PartMemo()
    processPage('fr-fr/2020-november.md', page(['a', 'b']), {memo})
    const result = processPage('fr-fr/2020-november.md', page(['a', 'b', 'a']), {memo})
    expect(result.entries.map((entry) => entry.key)).toEqual([
      '2020-11/a',
      '2020-11/b',
      '2020-11/a~2'
    ])
    expect(result.tables.map((table) => table.key)).toEqual([
      '2020-11/a#1',
      '2020-11/b#1',
      '2020-11/a~2#1'
    ])
    expect(result.offers.map((offer) => offer.entryKey)).toEqual([
      '2020-11/a',
      '2020-11/b',
      '2020-11/a~2'
    ])
    expect(result).toEqual(processPage('fr-fr/2020-november.md', page(['a', 'b', 'a'])))
  })
})

describe('sxs parts remembered across translation passes', () => {
  // A translation pass renumbers every segment id of a page (new prefix, new numbers),
  // also those of entries it did not change.
  const segment = (id: string, translated: string, english: string) =>
    `<span data-ttu-id="${id}">${translated}</span><span class="sxs-lookup"><span data-stu-id="${id}">${english}</span></span>`
  const page = (prefix: string, first: number, slugs: string[]): Buffer => {
    let next = first
    const id = () => `${prefix}-${next++}`
    return Buffer.from(
      [
        '---',
        'ms.contentlocale: fr-FR',
        'ms.sourcegitcommit: abc',
        '---',
        `# ${segment(id(), 'Annonces', 'Announcements')}`,
        '',
        ...slugs.map(
          (slug) =>
            `## <a name="${slug}"></a>${segment(id(), `Titre ${slug}`, `Title ${slug}`)}\n\n### <a name="categories"></a>${segment(id(), 'Catégories', 'Categories')}\n\n- ${segment(id(), 'Date : 2020-11-02', 'Date: 2020-11-02')}\n- ${segment(id(), 'Type : Offres', 'Type: Offers')}\n\n${slug === 'c' ? `<span data-ttu-id="${id()}">` : ''}${segment(id(), `Texte ${slug}`, `Text ${slug}`)}\n`
        )
      ].join('\n')
    )
  }

  it('reuses parts whose ids changed but not their lengths, and gives what a fresh run gives', () => {
    const memo = new PartMemo()
    processPage('fr-fr/2020-november.md', page('1b257', 103, ['b', 'c']), {memo})
    const after = page('11ae5', 203, ['a', 'b', 'c'])
    const reused = processPage('fr-fr/2020-november.md', after, {memo})
    expect(reused).toEqual(processPage('fr-fr/2020-november.md', after))
    // The head and b are reused (the front matter is the same). a is new; c holds a broken span kept as text, so its id
    // is in the view, and a part whose view changed is parsed again.
    expect(reused.messages.map((message) => message.ruleId)).toContain('sxs-segment-malformed')
    expect(memo.stats).toEqual({hits: 2, misses: 5})
  })

  it('parses again a part whose ids changed length, so that its columns stay right', () => {
    const memo = new PartMemo()
    processPage('fr-fr/2020-november.md', page('1b257', 10, ['a']), {memo})
    const after = page('1b257', 100, ['a'])
    const result = processPage('fr-fr/2020-november.md', after, {memo})
    expect(result).toEqual(processPage('fr-fr/2020-november.md', after))
    expect(memo.stats.hits).toBe(0)
  })
})
