import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {bundleRepo, makeDocsRepo} from '../helpers/docs-repo.js'
import {gitIn} from '../helpers/git.js'
import {runCli} from '../helpers/run-cli.js'

// A cached clone that is no longer a repository was checked with `git rev-parse` run in
// it, and git looked up the parent folders: the default cache is in node_modules of the
// project, so git found the project's repository, said yes, and Herald ran its
// `git fetch --prune … +refs/heads/*:refs/heads/*` there instead of cloning again.
let scratch = ''
let project = ''
let bundle = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-broken-clone-'))
  const docs = makeDocsRepo(path.join(scratch, 'docs'), 'announcements', ['sxs-entry'])
  bundle = bundleRepo(docs, path.join(scratch, 'docs.bundle'))
  project = makeDocsRepo(path.join(scratch, 'project'), 'notes', ['date-forms'])
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

it('clones again, and leaves the repository around the cache alone', async () => {
  const cache = path.join(project, 'node_modules/.cache/herald')
  const regenerate = () =>
    runCli('regenerate', '--docs', bundle, '--out', path.join(scratch, 'out'), '--cache', cache)
  expect((await regenerate()).code).toBe(0)
  const [name] = fs.readdirSync(path.join(cache, 'docs'))
  // No HEAD: git no longer takes the folder for a repository.
  fs.rmSync(path.join(cache, 'docs', name!, 'HEAD'))
  const refs = gitIn(project, 'for-each-ref')

  const again = await regenerate()
  expect(again.stderr).not.toContain('Cannot fetch')
  expect(again.code).toBe(0)
  expect(fs.existsSync(path.join(cache, 'docs', name!, 'HEAD'))).toBe(true)
  expect(gitIn(project, 'for-each-ref')).toBe(refs)
})
