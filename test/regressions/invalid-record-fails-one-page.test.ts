import {expect, it, vi} from 'vitest'
import {build as runBuild} from '../../pipeline/commands/build.js'

// One record that did not fit its schema made the whole run invalid: nothing was
// written, for any page. Such a record is a Herald bug, so it is simulated here (a
// section key with a space); the page is reported and dropped, the others are written.
vi.mock('../../pipeline/extract/entries/section-keys.js', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('../../pipeline/extract/entries/section-keys.js')>()
  return {
    ...original,
    sectionKey: (anchor: string) =>
      anchor === 'broken' ? 'not a key' : original.sectionKey(anchor)
  }
})

const page = (section: string) =>
  [
    '---',
    'ms.contentlocale: en-US',
    '---',
    '## <a name="slug-one"></a>Title',
    '',
    '### <a name="categories"></a>Categories',
    '',
    '- Date: 2020-11-24',
    '',
    `### <a name="${section}"></a>Section`,
    '',
    'Text.',
    ''
  ].join('\n')

it('fails the page with the invalid record, not the run', async () => {
  const result = await runBuild({
    pages: [
      {name: 'en-us/2020-november.md', bytes: Buffer.from(page('summary'))},
      {name: 'en-us/2020-december.md', bytes: Buffer.from(page('broken').replace('11-24', '12-01'))}
    ],
    threads: 1
  })
  expect(result.invalid).toBeUndefined()
  expect(result.datasets!.entries.map((entry) => entry.key)).toEqual(['2020-11/slug-one'])
  expect(
    result.report.files.map((file) => [file.file, file.status, file.headings, file.reported])
  ).toEqual([
    ['en-us/2020-december.md', 'failed', 1, 1],
    ['en-us/2020-november.md', 'processed', 1, 0]
  ])
  expect(result.report.messages).toEqual([
    expect.objectContaining({
      file: 'en-us/2020-december.md',
      ruleId: 'file-crashed',
      severity: 'error',
      reason: expect.stringMatching(
        /^Herald extracted a record that does not fit its schema \(entries\.json \(record `2020-12\/slug-one`\) at `\/0\/sections` /
      )
    })
  ])
})
