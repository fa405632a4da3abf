import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'
import {expectLinear} from '../helpers/growth.js'

// Pages the Markdown parser is super-linear on hung a build (or, past ~5,000 nested
// block quotes, crashed the tree walkers with a stack overflow). They are measured
// before parsing and reported as `file-too-complex`.
it('reports deep nesting before parsing it, at its line, in linear time', () => {
  const page = (depth: number) =>
    Buffer.from(
      '---\nms.contentlocale: fr-FR\n---\n## <a name="slug-one"></a>Titre\n\n' +
        '>'.repeat(depth) +
        ' x\n'
    )
  const result = processPage('fr-fr/2020-november.md', page(8000))
  // Parsed, 8,000 levels take seconds and 16,000 four times that; reported without
  // parsing, 1,000,000 and 2,000,000 take milliseconds, the second twice the first.
  expectLinear((depth) => {
    const bytes = page(depth)
    return () => processPage('fr-fr/2020-november.md', bytes)
  }, 1_000_000)
  expect(result.report).toMatchObject({status: 'failed', headings: 1, reported: 1})
  expect(result.messages).toMatchObject([
    {ruleId: 'file-too-complex', severity: 'error', line: 6, column: 1}
  ])
})
