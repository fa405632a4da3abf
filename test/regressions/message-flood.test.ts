import {expect, it} from 'vitest'
import {formatMessages} from '../../pipeline/diagnostics/print-messages.js'
import {processPage} from '../../pipeline/engine/process-page.js'

// 100,000 unclosed spans gave 100,000 warnings: a 30 MB report.json, and a minute of
// printing them (vfile-reporter measures every line's width). A page lists at most 100
// messages of one rule, then one message with the count of the rest.
it('lists 100 messages of a rule per page, then counts the rest', () => {
  const text = '---\nms.contentlocale: fr-FR\n---\n' + '<span data-ttu-id="x">\n'.repeat(20_000)
  const result = processPage('fr-fr/2020-november.md', Buffer.from(text))
  expect(result.messages).toHaveLength(101)
  expect(result.report.diagnostics).toEqual({'sxs-segment-malformed': 101})
  expect(result.messages[100]).toMatchObject({
    line: 104,
    ruleId: 'sxs-segment-malformed',
    severity: 'warning',
    reason:
      '19900 more `sxs-segment-malformed` messages in this file from here on, not listed one by one'
  })
  // What gets printed is those 101 messages (a line each, and a header), not 20,000.
  const printed = formatMessages(result.messages).trimEnd().split('\n')
  expect(printed.length).toBeGreaterThanOrEqual(101)
  expect(printed.length).toBeLessThan(110)
})

it('does not list what a rule set to off would have counted', () => {
  const text = '---\nms.contentlocale: fr-FR\n---\n' + '<span data-ttu-id="x">\n'.repeat(200)
  const result = processPage('fr-fr/2020-november.md', Buffer.from(text), {
    overrides: {'sxs-segment-malformed': 'off'}
  })
  expect(result.messages).toEqual([])
})
