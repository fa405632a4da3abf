// Generates from `schemas/*.schema.json`, the one source of the dataset contract:
// - `pipeline/types/<name>.ts`, the TypeScript types of each schema;
// - `pipeline/types/validators.js` (with its `.d.ts`), the ajv validators compiled once,
//   here, as standalone code, so that no process or worker compiles a schema at run time.
//   It is JavaScript, not TypeScript: tsc overflows its stack on half a megabyte of
//   generated code, and has nothing to check in it. `npm run build` copies it to dist/.
// CI regenerates both and fails on any difference.
import fs from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import standaloneCode from 'ajv/dist/standalone/index.js'
import {compile} from 'json-schema-to-typescript'

const root = path.resolve(import.meta.dirname, '..')
const schemaFolder = path.join(root, 'schemas')
const typeFolder = path.join(root, 'pipeline', 'types')
await fs.mkdir(typeFolder, {recursive: true})

const style = {
  semi: false,
  singleQuote: true,
  bracketSpacing: false,
  trailingComma: 'none',
  printWidth: 100
}

/** `country-rules.schema.json` → `countryRules`. */
function camelName(file) {
  return file.replace('.schema.json', '').replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())
}

const ajv = new Ajv2020({strict: true, allErrors: false, code: {source: true, esm: true}})
addFormats.default(ajv)
const exports = {}

for (const name of (await fs.readdir(schemaFolder)).sort()) {
  if (!name.endsWith('.schema.json')) continue
  const schema = JSON.parse(await fs.readFile(path.join(schemaFolder, name), 'utf8'))
  const code = await compile(schema, schema.title, {
    bannerComment: `/* Generated from schemas/${name} by \`npm run types\`. Do not edit. */`,
    additionalProperties: false,
    unreachableDefinitions: true,
    style
  })
  await fs.writeFile(path.join(typeFolder, name.replace('.schema.json', '.ts')), code)

  ajv.addSchema(schema)
  const dataset = camelName(name)
  exports[dataset] = schema.$id
  // A dataset of records also gets a validator for one record: a page's records are
  // checked before they join the dataset, so that a bad one fails its page only.
  const items = schema.items ?? schema.properties?.records?.items
  if (items?.$ref) exports[`${dataset}Record`] = `${schema.$id}${items.$ref}`
}

const validators = standaloneCode
  .default(ajv, exports)
  // ajv's ESM output still calls `require` for its runtime helpers.
  .replace('"use strict";', '')
const banner =
  '/* Generated from schemas/*.schema.json by `npm run types` (ajv standalone code). Do not edit. */'
await fs.writeFile(
  path.join(typeFolder, 'validators.js'),
  [
    banner,
    "import {createRequire} from 'node:module'",
    'const require = createRequire(import.meta.url)',
    validators,
    ''
  ].join('\n')
)
await fs.writeFile(
  path.join(typeFolder, 'validators.d.ts'),
  [
    banner,
    "import type {ErrorObject} from 'ajv'",
    '',
    '/** An ajv validator: true when valid; otherwise `errors` says why. */',
    'export type Validator = ((data: unknown) => boolean) & {errors?: ErrorObject[] | null}',
    '',
    ...Object.keys(exports).map((name) => `export declare const ${name}: Validator`),
    ''
  ].join('\n')
)
