import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {runCli} from '../helpers/run-cli.js'

// Any failure to stat `--docs SRC` was reported as "No file or folder": a path git
// could not reach for another reason (a loop of symbolic links, no permission on a
// parent folder) sent the user looking for a typo.
let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-docs-path-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

it('says why SRC cannot be read when it exists but cannot be reached', async () => {
  const loop = path.join(scratch, 'loop')
  fs.symlinkSync(loop, loop)
  const result = await runCli('regenerate', '--docs', loop, '--out', path.join(scratch, 'out'))
  expect(result.code).toBe(2)
  expect(result.stderr).not.toContain('No file or folder')
  expect(result.stderr).toContain(`Cannot read \`${loop}\``)
  expect(result.stderr).toMatch(/too many (?:levels of )?symbolic links/i)
})
