import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {expect, it} from 'vitest'
import {findPageFiles} from '../../pipeline/files/find-page-files.js'

// `--out` was excluded from the inputs by its resolved path, but folders are compared by
// their real path: an output folder reached through a symlinked input was read.
it('excludes the output folder by its real path', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-out-'))
  try {
    fs.mkdirSync(path.join(folder, 'pages', 'data'), {recursive: true})
    fs.writeFileSync(path.join(folder, 'pages', '2020-november.md'), '')
    fs.writeFileSync(path.join(folder, 'pages', 'data', '2020-december.md'), '')
    fs.symlinkSync(path.join(folder, 'pages'), path.join(folder, 'link'))
    const link = path.join(folder, 'link')
    const collected = findPageFiles([link], [path.join(link, 'data')])
    expect(collected.files.map((file) => file.name)).toEqual(['link/2020-november.md'])
  } finally {
    fs.rmSync(folder, {recursive: true, force: true})
  }
})
