import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {folderMarker} from '../pipeline/datasets/folder-owner.js'
import {parseDataset} from '../pipeline/datasets/parse-dataset.js'
import {contractVersion, registry, schemaId} from '../pipeline/datasets/registry.js'
import {validateDataset, type SchemaName} from '../pipeline/datasets/validate.js'
import {fixtureFolder} from './helpers/fixtures.js'
import {runCli} from './helpers/run-cli.js'
import {root, scratchFolder} from './helpers/scratch.js'

/**
 * The datasets' contract: every schema's `$id` carries the major version, every file
 * states the schema it follows, and files of the contract before are still read.
 */
const schemaFolder = path.join(root, 'schemas')

describe('the versioned contract', () => {
  it('gives every schema an $id with the major version, as the registry names it', () => {
    for (const file of fs.readdirSync(schemaFolder)) {
      const schema = JSON.parse(fs.readFileSync(path.join(schemaFolder, file), 'utf8')) as {
        $id: string
      }
      const name = file.replace('.schema.json', '')
      expect(schema.$id, file).toBe(schemaId(name))
      expect(schema.$id, file).toContain(`/v${contractVersion}/`)
    }

    for (const definition of registry) {
      expect(fs.existsSync(path.join(schemaFolder, `${definition.schema}.schema.json`))).toBe(true)
    }
  })

  it('writes files that state their schema and pass it, listed in herald.json', async () => {
    const out = path.join(scratchFolder(), 'out')
    const run = await runCli(
      'build',
      path.join(fixtureFolder, 'sxs-entry'),
      '--out',
      out,
      '--no-cache'
    )
    expect(run.code).toBe(0)
    const marker = JSON.parse(fs.readFileSync(path.join(out, 'herald.json'), 'utf8')) as {
      command: string
      datasets: Record<string, {file: string; schema: string; records?: number}>
    }
    expect(marker.command).toBe('herald build')
    for (const [name, listed] of Object.entries(marker.datasets)) {
      const data = JSON.parse(fs.readFileSync(path.join(out, listed.file), 'utf8')) as {
        $schema: string
        records?: unknown[]
      }
      expect(data.$schema, name).toBe(listed.schema)
      expect(validateDataset(name as SchemaName, data), name).toBeUndefined()
      if (listed.records !== undefined) expect(data.records, name).toHaveLength(listed.records)
    }

    expect(Object.keys(marker.datasets).sort()).toEqual(
      ['announcements', 'countryRules', 'entries', 'offers', 'report', 'tables'].sort()
    )
  })

  it('reads the bare arrays of contract 1 as it reads contract 2', () => {
    const records = [{key: '2020-11/a', locale: 'fr-FR'}]
    const v1 = Buffer.from(JSON.stringify(records))
    const v2 = Buffer.from(JSON.stringify({$schema: schemaId('entries'), records}))
    expect(parseDataset(v1, 'v1')).toEqual(records)
    expect(parseDataset(v2, 'v2')).toEqual(records)
  })

  it('refuses a file of a later contract, saying to upgrade', () => {
    const later = Buffer.from(
      JSON.stringify({$schema: 'https://herald.dev/schemas/v99/entries.schema.json', records: []})
    )
    expect(() => parseDataset(later, 'later.json')).toThrow(/contract 99 .*upgrade Herald/)
  })

  it('diffs a folder of contract 1 against the same records in contract 2: no change', async () => {
    const scratch = scratchFolder()
    const v2 = path.join(scratch, 'v2')
    expect(
      (await runCli('build', path.join(fixtureFolder, 'offers-sxs'), '--out', v2, '--no-cache'))
        .code
    ).toBe(0)
    const v1 = path.join(scratch, 'v1')
    fs.mkdirSync(v1)
    for (const file of ['entries.json', 'offers.json', 'tables.json', 'country-rules.json']) {
      const {records} = JSON.parse(fs.readFileSync(path.join(v2, file), 'utf8')) as {
        records: unknown[]
      }
      fs.writeFileSync(path.join(v1, file), JSON.stringify(records))
    }

    const diff = await runCli('diff', v1, v2)
    expect(diff.code).toBe(0)
    expect(diff.stdout).toBe('herald: no changes\n')
  })

  it('names the schema of each dataset in herald.json', () => {
    const entries = registry.find((definition) => definition.name === 'entries')!
    const marker = JSON.parse(folderMarker('build', [{definition: entries, data: [1, 2]}])) as {
      datasets: {entries: {schema: string; records: number}}
    }
    expect(marker.datasets.entries).toEqual({
      file: 'entries.json',
      schema: schemaId('entries'),
      records: 2
    })
  })
})
