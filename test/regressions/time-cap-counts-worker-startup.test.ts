import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {fixtureFolder} from '../helpers/fixtures.js'
import {runBin, scratchFolder} from '../helpers/scratch.js'

// `--max-file-time` started a page's clock when the page was sent to a fresh worker, so
// the worker's start-up (imports, CLDR tables: 2–3 s on a busy machine) counted against
// the first page, which timed out. Workers now say when they are ready; only then does a
// page's clock start. Here every thread's start-up is made 10 s long, longer than the
// cap; the cap leaves the page itself (50 ms alone) room on a busy machine.
it('does not count a worker start-up against the time cap of its first page', async () => {
  const scratch = scratchFolder()
  const slow = path.join(scratch, 'slow-start.mjs')
  fs.writeFileSync(
    slow,
    '// Every thread, main and workers, starts 10 s late.\n' +
      'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000)\n'
  )
  const run = await runBin(
    [
      'build',
      path.join(fixtureFolder, 'sxs-entry'),
      '--out',
      path.join(scratch, 'out'),
      '--no-cache',
      '--threads',
      '2',
      '--max-file-time',
      '8000',
      '--json'
    ],
    {env: {NODE_OPTIONS: `--import=${slow}`}}
  )
  expect(run.stderr).not.toContain('file-timeout')
  expect(run.code, run.stderr).toBe(0)
  const report = JSON.parse(run.stdout) as {files: Array<{status: string}>}
  expect(report.files.map((file) => file.status)).toEqual(['processed'])
})
