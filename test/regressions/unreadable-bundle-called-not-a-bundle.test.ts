import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {bundleRepo, makeDocsRepo} from '../helpers/docs-repo.js'
import {runCli} from '../helpers/run-cli.js'

// A bundle Herald could not read (no permission, an I/O error) was reported as
// "is a file but not a git bundle", which sends the user after the wrong problem.
let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-unreadable-bundle-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/**
 * A file whose read fails, and the reason the system gives. Root reads any file whatever
 * its mode, so as root it is /proc/self/mem, a regular file whose first bytes (address 0,
 * never mapped) fail to read with EIO.
 */
function unreadableFile(): {file: string; reason: RegExp} | undefined {
  if (process.getuid?.() !== 0) {
    const docs = makeDocsRepo(path.join(scratch, 'docs'), 'announcements', ['sxs-entry'])
    const file = bundleRepo(docs, path.join(scratch, 'docs.bundle'))
    fs.chmodSync(file, 0o000)
    return {file, reason: /permission denied/i}
  }

  const file = '/proc/self/mem'
  return fs.existsSync(file) && fs.statSync(file).isFile()
    ? {file, reason: /i\/o error/i}
    : undefined
}

it('says the bundle cannot be read, and why', async (context) => {
  const unreadable = unreadableFile()
  if (!unreadable) {
    context.skip('no file whose read fails: running as root without /proc/self/mem')
    return
  }

  const result = await runCli(
    'regenerate',
    '--docs',
    unreadable.file,
    '--out',
    path.join(scratch, 'out'),
    '--cache',
    scratch
  )
  expect(result.code).toBe(2)
  expect(result.stderr).not.toContain('not a git bundle')
  expect(result.stderr).toContain(`Cannot read \`${unreadable.file}\``)
  expect(result.stderr).toMatch(unreadable.reason)
})
