import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

it('exposes exactly the documented API', async () => {
  const api = await import('../pipeline/index.js')
  const names = Object.keys(api).sort()
  expect(names).toEqual([
    'PageEngine',
    'build',
    'buildCatalog',
    'canonicalJson',
    'contractVersion',
    'diff',
    'diffDatasetFolders',
    'diffDatasets',
    'exportDatasets',
    'findDates',
    'formatSummary',
    'hasChanges',
    'history',
    'isDateLine',
    'main',
    'processPage',
    'readConfig',
    'readDatasets',
    'regenerate',
    'regenerateSources',
    'registry',
    'rules',
    'schemaId',
    'validateDataset'
  ])
  // Documented: every export has a row in the README's API table.
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  const section = readme.slice(
    readme.indexOf('## API'),
    readme.indexOf('\n## ', readme.indexOf('## API') + 1)
  )
  for (const name of names) expect(section, name).toContain(`\`${name}`)
})

it('publishes its types, schemas and command, and nothing of its tests', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    private?: boolean
    exports: Record<string, Record<string, string>>
    types?: string
    files: string[]
    bin: Record<string, string>
  }
  expect(manifest.private).toBeUndefined()
  expect(manifest.exports['.']).toEqual({types: './dist/index.d.ts', default: './dist/index.js'})
  expect(manifest.exports['./schemas/*']).toBe('./schemas/*')
  expect(manifest.types).toBe('./dist/index.d.ts')
  expect(manifest.files.sort()).toEqual(['bin', 'dist', 'schemas'])
  expect(manifest.bin).toEqual({herald: 'bin/herald.js'})
  // The compiled package has its declarations (the test setup compiles dist/).
  expect(fs.existsSync(path.join(root, 'dist', 'index.d.ts'))).toBe(true)
})
