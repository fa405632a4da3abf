import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// Pages the Markdown parser is super-linear on hung a build (or, past ~5,000 nested
// block quotes, crashed the tree walkers with a stack overflow). They are measured
// before parsing and reported as `file-too-complex`.
it('reports deep nesting before parsing it, at its line', {timeout: 20_000}, () => {
  const text =
    '---\nms.contentlocale: fr-FR\n---\n## <a name="slug-one"></a>Titre\n\n' +
    '>'.repeat(8000) +
    ' x\n'
  const start = performance.now()
  const result = processPage('fr-fr/2020-november.md', Buffer.from(text))
  expect(performance.now() - start).toBeLessThan(2000)
  expect(result.report).toMatchObject({status: 'failed', headings: 1, reported: 1})
  expect(result.messages).toMatchObject([
    {ruleId: 'file-too-complex', severity: 'error', line: 6, column: 1}
  ])
})
