import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {gitIn} from '../helpers/git.js'
import {makeDocsRepo} from '../helpers/docs-repo.js'
import {runCli} from '../helpers/run-cli.js'

// git failures on the docs side were rejected as plain objects, not Errors: a repository
// whose refs git cannot read made `regenerate` and `history` print
// `herald: [object Object]`, with the advice to report a bug.
let scratch = ''
let bare = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-git-object-'))
  const docs = makeDocsRepo(path.join(scratch, 'docs'), 'announcements', ['sxs-entry'])
  bare = path.join(scratch, 'docs.git')
  gitIn(scratch, 'clone', '--quiet', '--bare', docs, bare)
  // A packed-refs file git cannot parse: every command that reads the refs fails.
  fs.writeFileSync(path.join(bare, 'packed-refs'), 'not a ref line\n')
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

it.each(['regenerate', 'history'])('`%s` says what git could not do', async (command) => {
  const out = path.join(scratch, `out-${command}`)
  const result = await runCli(command, '--docs', bare, '--out', out, '--cache', scratch)
  expect(result.code).toBe(2)
  expect(result.stderr).not.toContain('[object Object]')
  expect(result.stderr).toMatch(/^herald: .*packed-refs/)
  // A message the user can act on, not an unexpected error.
  expect(result.stderr).not.toContain('--debug')
  expect(fs.existsSync(out)).toBe(false)
})
