import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// Spaces and tabs at the ends of lines inside a multi-line section were kept in its
// `text` and `en` (`"criteria: \n\n- The partner"`): the same page saved by an editor
// that trims them gave other data. They go; a Markdown hard break (two or more spaces
// before a line that goes on) stays, as two spaces.
const page = (pad: string, hardBreak: string) =>
  [
    '---',
    'ms.contentlocale: en-US',
    '---',
    '## <a name="slug-one"></a>Title',
    '',
    '### <a name="summary"></a>Summary',
    '',
    `Criteria:${pad}`,
    '',
    `- One${pad}`,
    `- Two${pad}`,
    '',
    `**Label**${hardBreak}`,
    `Text.${pad}`,
    ''
  ].join('\n')

it('drops trailing whitespace in text fields, keeping hard breaks', () => {
  const summary = (pad: string, hardBreak: string) =>
    processPage('en-us/2020-november.md', Buffer.from(page(pad, hardBreak))).entries[0]!.sections
      .summary!.text
  const expected = 'Criteria:\n\n- One\n- Two\n\n**Label**  \nText.'
  expect(summary('', '  ')).toBe(expected)
  expect(summary(' \t ', '    ')).toBe(expected)
  expect(summary('\t', '\t  ')).toBe(expected)
  expect(summary('', '')).toBe('Criteria:\n\n- One\n- Two\n\n**Label**\nText.')
})
