import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// A binary file was reported with the offset of its NUL byte in the decoded text —
// after CR LF had become LF, so not an offset in the file — and without a line.
it('reports a NUL byte at its line and column in the file', () => {
  const text = '---\r\nms.contentlocale: fr-FR\r\n---\r\n\r\nTexte\0\r\n'
  expect(processPage('fr-fr/2020-november.md', Buffer.from(text)).messages).toEqual([
    {
      file: 'fr-fr/2020-november.md',
      line: 5,
      column: 6,
      ruleId: 'file-binary',
      severity: 'error',
      reason: 'File holds binary data (a NUL byte): not a Markdown page'
    }
  ])
})
