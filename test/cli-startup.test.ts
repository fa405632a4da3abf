import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {commands} from '../pipeline/cli/main.js'

/**
 * `herald --help` and `herald <command> --help` load the command line layer only: the
 * declarations of the commands, and nothing of what they run (the page engine, the
 * extractors, git, the diff; ajv, unified, yaml…). Whole processes of the compiled
 * `bin/herald.js` (the test setup compiles dist/), every module they load recorded by a
 * module hook. Counting modules, not milliseconds: the suite runs on busy machines.
 */

const root = path.resolve(import.meta.dirname, '..')
const hook = pathToFileURL(path.join(root, 'test', 'helpers', 'record-loads.mjs')).href

/** Folders of dist/ that only a running command needs. */
const runtimeFolders = ['commands', 'diff', 'engine', 'extract', 'files', 'git', 'history', 'page']

/** The one package the command line loads: the nearest option for an unknown one. */
const cliPackages = new Set(['fastest-levenshtein'])

let scratch = ''
let runs = 0
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-startup-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/** The files `herald <args…>` loads, from the root of the project, and its exit code. */
function loadedBy(...args: string[]): {files: string[]; code: number | null} {
  const log = path.join(scratch, `loads-${++runs}.txt`)
  const run = spawnSync(
    process.execPath,
    ['--import', hook, path.join(root, 'bin/herald.js'), ...args],
    {
      env: {...process.env, HERALD_LOAD_LOG: log},
      encoding: 'utf8'
    }
  )
  const urls = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
  const files = urls
    .filter((url) => url.startsWith('file:'))
    .map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/'))
  return {files, code: run.status}
}

/** What a run loaded that only a running command should: modules of dist/ and packages. */
function heavyModules(files: string[]): string[] {
  return files.filter((file) => {
    const [top, folder, name] = file.split('/')
    if (top === 'dist')
      return runtimeFolders.includes(folder!) || file === 'dist/types/validators.js'
    if (top === 'node_modules')
      return !cliPackages.has(folder!.startsWith('@') ? `${folder}/${name}` : folder!)
    return false
  })
}

it('the hook sees what a command imports when it runs', () => {
  const missing = path.join(scratch, 'nowhere')
  const {files, code} = loadedBy('diff', missing, missing)
  expect(code).toBe(2)
  expect(files).toContain('bin/herald.js')
  expect(files).toContain('dist/cli/main.js')
  expect(files).toContain('dist/commands/diff.js')
  expect(heavyModules(files)).toContain('dist/diff/diff-datasets.js')
})

it.each(
  [
    ['--help'],
    ['--version'],
    ['help', 'diff'],
    ['build', '--no-such-option'],
    ...commands.map((command) => [command.name, '--help'])
  ].map((args) => ({shown: args.join(' '), args}))
)('herald $shown loads no engine, extractor, git or parser module', ({args}) => {
  const {files, code} = loadedBy(...args)
  expect(files).toContain('dist/cli/main.js')
  expect(code).toBe(args[1] === '--no-such-option' ? 2 : 0)
  expect(heavyModules(files)).toEqual([])
})
