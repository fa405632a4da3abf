import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, expect, it} from 'vitest'

/**
 * A rebuild with nothing changed is decided from the run manifest before any page is
 * paired with its twin, parsed or read from the cache: the process loads neither the
 * parser and the extractors nor the YAML reader and the schema validators. Whole
 * processes of the compiled `bin/herald.js` (the test setup compiles dist/), every module
 * they load recorded by a module hook; modules, not milliseconds.
 */

const root = path.resolve(import.meta.dirname, '..')
const hook = pathToFileURL(path.join(root, 'test', 'helpers', 'record-loads.mjs')).href

let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-unchanged-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/** Runs `herald build input/` into the scratch folder; what it loaded and said. */
function build(log: string): {files: string[]; stderr: string; code: number | null} {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      hook,
      path.join(root, 'bin/herald.js'),
      'build',
      path.join(root, 'input'),
      '--out',
      path.join(scratch, 'out'),
      '--cache',
      path.join(scratch, 'cache')
    ],
    {env: {...process.env, HERALD_LOAD_LOG: path.join(scratch, log)}, encoding: 'utf8'}
  )
  const files = fs
    .readFileSync(path.join(scratch, log), 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/'))
  return {files, stderr: run.stderr, code: run.status}
}

/** Modules of the parser, the extractors, the front matter reader and the validators. */
function parsingModules(files: string[]): string[] {
  return files.filter(
    (file) =>
      file.startsWith('dist/extract/') ||
      file === 'dist/page/parse-markdown.js' ||
      file === 'dist/engine/process-page.js' ||
      file === 'dist/engine/pair-twins.js' ||
      file === 'dist/types/validators.js' ||
      /^node_modules\/(?:micromark|mdast-util-from-markdown|unified|yaml)\//.test(file)
  )
}

it('an unchanged rebuild loads no parser, extractor, YAML reader or validator', () => {
  const first = build('first.txt')
  expect(first.stderr).not.toContain('nothing rewritten')
  // The first build parses: the hook sees what the second one must not load.
  expect(parsingModules(first.files)).toEqual(
    expect.arrayContaining([
      'dist/engine/process-page.js',
      'dist/engine/pair-twins.js',
      'dist/types/validators.js'
    ])
  )

  const again = build('again.txt')
  expect(again.stderr).toContain('nothing rewritten')
  expect(again.code).toBe(first.code)
  expect(parsingModules(again.files)).toEqual([])
})
