import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// Broken span markup was placed by mapping its source offset as if it were an offset in
// the span-free view: every segment before it pushed the reported line further down.
it('reports broken span markup where it stands in the file', () => {
  const segment = (id: number) =>
    `<span data-ttu-id="s-${id}">Texte ${id}</span><span class="sxs-lookup"><span data-stu-id="s-${id}">Text ${id}</span></span>`
  const lines = ['---', 'ms.contentlocale: fr-FR', '---']
  for (let id = 1; id <= 20; id++) lines.push(segment(id), '')
  lines.push('Avant <span data-ttu-id="s-99">coupé', '')
  for (let id = 21; id <= 40; id++) lines.push(segment(id), '')
  const result = processPage('fr-fr/2020-november.md', Buffer.from(lines.join('\n')))
  expect(result.messages).toMatchObject([{ruleId: 'sxs-segment-malformed', line: 44, column: 7}])
})
