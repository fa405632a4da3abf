import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {fixtureFolder} from '../helpers/fixtures.js'
import {runCli} from '../helpers/run-cli.js'
import {folderWith} from '../helpers/scratch.js'

// Building `it-it/live-sxs` and `ko-kr/live-sxs` together named both files
// `live-sxs/2020-november.md`: a report line did not say which locale it was about.
it('names files by as much of their path as tells the inputs apart', async () => {
  const page = fs.readFileSync(path.join(fixtureFolder, 'sxs-entry', '2020-november.md'))
  const docs = folderWith({
    'it-it/live-sxs/2020-november.md': page,
    'ko-kr/live-sxs/2020-november.md': page,
    'ko-kr/live/2020-november.md': page
  })
  const run = await runCli(
    'build',
    path.join(docs, 'it-it', 'live-sxs'),
    path.join(docs, 'ko-kr', 'live-sxs'),
    path.join(docs, 'ko-kr', 'live'),
    '--dry-run',
    '--json',
    '--no-cache'
  )
  expect(run.code).toBe(0)
  const report = JSON.parse(run.stdout) as {files: Array<{file: string}>}
  expect(report.files.map((file) => file.file)).toEqual([
    'it-it/live-sxs/2020-november.md',
    'ko-kr/live-sxs/2020-november.md',
    'live/2020-november.md'
  ])
})
