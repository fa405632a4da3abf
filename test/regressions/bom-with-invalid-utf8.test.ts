import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// A UTF-8 BOM followed by one byte that is not UTF-8 was decoded as Latin-1 with the
// BOM in it (`ï»¿---`): the front matter was not found and the page failed for its
// missing locale.
it('keeps the front matter of a page with a BOM and a Latin-1 byte', () => {
  const latin1 = Buffer.from(
    '---\nms.contentlocale: fr-FR\n---\n## <a name="slug-one"></a>Caf\xe9\n\n### <a name="categories"></a>Cat\n\n- Date : 24/11/2020\n',
    'latin1'
  )
  const result = processPage(
    'fr-fr/2020-november.md',
    new Uint8Array([0xef, 0xbb, 0xbf, ...latin1])
  )
  expect(result.messages.map((message) => message.ruleId)).toEqual(['encoding-invalid'])
  expect(result.report.status).toBe('processed')
  expect(result.entries.map((entry) => [entry.title.text, entry.date])).toEqual([
    ['Café', '2020-11-24']
  ])
})
