import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {fixtureFolder} from '../helpers/fixtures.js'
import {runCli} from '../helpers/run-cli.js'
import {folderWith, scratchFolder, snapshot} from '../helpers/scratch.js'

// `herald build …/live-sxs --out x` (220 entries), then `herald build …/live-sxx --out x`:
// exit 1, and x/entries.json was `[]`. An empty folder, or one without a month page,
// exited 0 and replaced the datasets with empty ones. A run that did not read what it
// was asked to read now exits 2 and leaves the output folder as it was.
it('leaves the output as it was when the input path is mistyped, empty or holds no page', async () => {
  const out = path.join(scratchFolder(), 'data')
  const good = await runCli(
    'build',
    path.join(fixtureFolder, 'sxs-entry'),
    '--out',
    out,
    '--no-cache'
  )
  expect(good.code).toBe(0)
  const before = snapshot(out)
  expect(JSON.parse(before['entries.json']!).records).not.toEqual([])

  const missing = path.join(fixtureFolder, 'sxs-entyr')
  const empty = scratchFolder()
  const noPage = folderWith({'index.md': '# Index\n', 'TOC.md': '- [a](a.md)\n'})
  for (const input of [missing, empty, noPage]) {
    const run = await runCli('build', input, '--out', out, '--no-cache')
    expect(run.code, input).toBe(2)
    expect(run.stderr, input).toMatch(/nothing was written/)
    expect(snapshot(out), input).toEqual(before)
  }

  const typo = await runCli('build', missing, '--out', out, '--no-cache')
  expect(typo.stderr).toContain(`${missing}: no such file or folder`)
  expect(fs.readdirSync(path.dirname(out))).toEqual(['data'])
})
