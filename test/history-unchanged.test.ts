import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {docsRepository} from './helpers/docs-repo.js'
import {fixtureFolder} from './helpers/fixtures.js'
import {gitIn} from './helpers/git.js'
import {runCli} from './helpers/run-cli.js'
import {readRecords, scratchFolder} from './helpers/scratch.js'

// A scheduled `herald history` run with nothing new decides so from its manifest (the
// commits walked, the twin, the options, the code) before reading a page, and rewrites
// nothing; a new commit makes it walk again.
it('does nothing when no commit is new, and walks again when one is', async () => {
  const page = (title: string) =>
    fs
      .readFileSync(path.join(fixtureFolder, 'sxs-entry', '2020-november.md'), 'utf8')
      .replace('Présentation de la facturation', title)
  const docs = docsRepository([{'2020-november.md': page('Présentation de la facturation')}])
  const scratch = scratchFolder()
  const out = path.join(scratch, 'history')
  const args = ['history', '--docs', docs, '--out', out, '--cache', path.join(scratch, 'cache')]

  const first = await runCli(...args)
  expect(first.code, first.stderr).toBe(0)
  const written = fs.statSync(path.join(out, 'commits.json')).mtimeMs

  const again = await runCli(...args)
  expect(again.code).toBe(0)
  expect(again.stderr).toMatch(/1 commits, nothing new since the last run: nothing rewritten/)
  expect(fs.statSync(path.join(out, 'commits.json')).mtimeMs).toBe(written)

  fs.writeFileSync(
    path.join(docs, 'partner-center', 'announcements', '2020-november.md'),
    page('Facturation à l’usage')
  )
  gitIn(docs, 'commit', '--quiet', '--all', '-m', 'A new title')
  const walked = await runCli(...args)
  expect(walked.code).toBe(0)
  expect(walked.stderr).toMatch(/2 commits, 2 page versions/)
  expect(readRecords(out, 'commits.json')).toHaveLength(2)
})
