import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, it} from 'vitest'
import {findPageFiles} from '../../pipeline/files/find-page-files.js'

// A FIFO given as input was read with readFileSync, which blocks until something writes
// to it: the build hung. One found in a folder was skipped without a word.
it('reports a FIFO or a device instead of reading it', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-fifo-'))
  try {
    const fifo = path.join(folder, '2020-november.md')
    execFileSync('mkfifo', [fifo])
    const reason = 'not a regular file (a FIFO, socket or device)'
    expect(findPageFiles([fifo, '/dev/zero', folder])).toEqual({
      files: [],
      problems: [
        {name: fifo, reason},
        {name: '/dev/zero', reason},
        {name: `${path.basename(folder)}/2020-november.md`, reason}
      ]
    })
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
