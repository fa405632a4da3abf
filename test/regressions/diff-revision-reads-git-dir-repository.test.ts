import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {fixtureFolder} from '../helpers/fixtures.js'
import {gitIn} from '../helpers/git.js'
import {runCli} from '../helpers/run-cli.js'

// `herald diff REV:PATH` ran git with the caller's environment, unlike the other
// commands: with GIT_DIR set, as in a git hook, it read REV:PATH from the repository
// GIT_DIR names instead of the one given with --repo.
let scratch = ''
const changes = path.join(fixtureFolder, 'diff/changes')

/** A repository whose commit holds `out/`: the datasets of one side of the diff fixture. */
function repoWith(name: string, side: 'old' | 'new'): string {
  const repo = path.join(scratch, name)
  fs.mkdirSync(repo)
  gitIn(repo, 'init', '--quiet')
  fs.cpSync(path.join(changes, side), path.join(repo, 'out'), {recursive: true})
  gitIn(repo, 'add', '--all')
  gitIn(repo, 'commit', '--quiet', '--no-verify', '-m', side)
  return repo
}

let asked = ''
let other = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-diff-git-dir-'))
  asked = repoWith('asked', 'new')
  other = repoWith('other', 'old')
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

it('reads REV:PATH from --repo whatever GIT_DIR says', async () => {
  const saved = process.env.GIT_DIR
  process.env.GIT_DIR = path.join(other, '.git')
  let result
  try {
    result = await runCli(
      'diff',
      'HEAD:out',
      path.join(changes, 'new'),
      '--repo',
      asked,
      '--exit-code'
    )
  } finally {
    if (saved === undefined) delete process.env.GIT_DIR
    else process.env.GIT_DIR = saved
  }

  expect(result.stderr).toBe('')
  expect(result.stdout).toBe('herald: no changes\n')
  expect(result.code).toBe(0)
})
