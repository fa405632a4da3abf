import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from './helpers/run-cli.js'
import {datasetsOf, markerFile} from '../pipeline/datasets/folder-owner.js'
import {registry} from '../pipeline/datasets/registry.js'

/** What the commands' declarations promise: the help of build, and herald schema. */

const schemaFolder = path.resolve(import.meta.dirname, '../schemas')

it('build --help names every file a build writes', async () => {
  const {stdout} = await runCli('build', '--help')
  const files = [...datasetsOf('build').map((definition) => definition.file), markerFile]
  expect(files.length).toBeGreaterThanOrEqual(6)
  for (const file of files) expect(stdout).toContain(file)
})

describe('herald schema', () => {
  const names = [...registry.map((definition) => definition.schema), 'diff', 'herald-config']

  it('lists the schemas of every dataset, the diff and the config, with what each describes', async () => {
    const {code, stdout} = await runCli('schema')
    expect(code).toBe(0)
    const rows = stdout.trimEnd().split('\n')
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(names)
    expect(rows[0]).toMatch(/^entries +entries\.json$/)
    expect(rows.at(-2)).toMatch(/^diff +the output of `herald diff --json`$/)
    expect(rows.at(-1)).toMatch(/^herald-config +herald\.config\.json, the sources of/)
  })

  it('prints the schema file of a name as the package ships it', async () => {
    for (const name of names) {
      const {code, stdout} = await runCli('schema', name)
      expect(code).toBe(0)
      expect(stdout).toBe(fs.readFileSync(path.join(schemaFolder, `${name}.schema.json`), 'utf8'))
      expect(JSON.parse(stdout)).toHaveProperty('$id')
    }
  })

  it('an unknown name: exit 2 with the names there are', async () => {
    const result = await runCli('schema', 'entry')
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `herald: No schema \`entry\`: the schemas are ${names.join(', ')}\n`
    })
    expect((await runCli('schema', 'entries', 'offers')).stderr).toContain(
      '`herald schema` takes at most one schema name; got 2'
    )
  })
})
