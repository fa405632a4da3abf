import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {docsRepository} from '../helpers/docs-repo.js'
import {fixtureFolder} from '../helpers/fixtures.js'
import {runCli} from '../helpers/run-cli.js'
import {scratchFolder, snapshot} from '../helpers/scratch.js'

// `herald history … --out data/pt-br` replaced the datasets that `regenerate` had
// written there, exit 0, without --force; a build into a history folder did the same.
// Each folder now says which command wrote it, and the commands refuse each other's.
it('refuses to replace the output folder of another command without --force', async () => {
  const page = fs.readFileSync(path.join(fixtureFolder, 'sxs-entry', '2020-november.md'))
  const docs = docsRepository([{'2020-november.md': page}])
  const scratch = scratchFolder()
  const cache = ['--cache', path.join(scratch, 'cache')]
  const regenerated = path.join(scratch, 'regenerated')
  const built = path.join(scratch, 'built')
  const history = path.join(scratch, 'history')

  expect((await runCli('regenerate', '--docs', docs, '--out', regenerated, ...cache)).code).toBe(0)
  expect((await runCli('build', fixtureFolder + '/sxs-entry', '--out', built, ...cache)).code).toBe(
    0
  )
  expect((await runCli('history', '--docs', docs, '--out', history, ...cache)).code).toBe(0)

  const attempts: Array<[string, string[]]> = [
    [regenerated, ['history', '--docs', docs, '--out', regenerated]],
    [regenerated, ['build', fixtureFolder + '/sxs-entry', '--out', regenerated]],
    [history, ['build', fixtureFolder + '/sxs-entry', '--out', history]],
    [history, ['regenerate', '--docs', docs, '--out', history]],
    [built, ['history', '--docs', docs, '--out', built]],
    [built, ['regenerate', '--docs', docs, '--out', built]]
  ]
  for (const [folder, args] of attempts) {
    const before = snapshot(folder)
    const run = await runCli(...args, ...cache)
    expect(run.code, args.join(' ')).toBe(2)
    expect(run.stderr, args.join(' ')).toMatch(
      /holds the datasets of `herald (build|regenerate|history)`/
    )
    expect(run.stderr, args.join(' ')).toContain('--force')
    expect(snapshot(folder), args.join(' ')).toEqual(before)
  }

  const forced = await runCli(
    'build',
    fixtureFolder + '/sxs-entry',
    '--out',
    history,
    '--force',
    ...cache
  )
  expect(forced.code).toBe(0)
  expect(JSON.parse(snapshot(history)['herald.json']!)).toMatchObject({command: 'herald build'})
})
