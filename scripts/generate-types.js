// Generates `pipeline/types/*.ts` from `schemas/*.schema.json`: the schemas are the one
// source of the dataset types. CI regenerates and fails on any difference.
import fs from 'node:fs/promises'
import path from 'node:path'
import {compile} from 'json-schema-to-typescript'

const root = path.resolve(import.meta.dirname, '..')
const schemaFolder = path.join(root, 'schemas')
const typeFolder = path.join(root, 'pipeline', 'types')
await fs.mkdir(typeFolder, {recursive: true})

for (const name of (await fs.readdir(schemaFolder)).sort()) {
  if (!name.endsWith('.schema.json')) continue
  const schema = JSON.parse(await fs.readFile(path.join(schemaFolder, name), 'utf8'))
  const code = await compile(schema, schema.title, {
    bannerComment: `/* Generated from schemas/${name} by \`npm run types\`. Do not edit. */`,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: {
      semi: false,
      singleQuote: true,
      bracketSpacing: false,
      trailingComma: 'none',
      printWidth: 100
    }
  })
  await fs.writeFile(path.join(typeFolder, name.replace('.schema.json', '.ts')), code)
}
