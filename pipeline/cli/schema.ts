import fs from 'node:fs'
import {registry} from '../datasets/registry.js'
import {UsageError} from '../errors.js'
import {defineCommand} from './options.js'

/** The schemas of the contract: every dataset of the registry, the diff, and the config. */
function schemas(): Array<{name: string; describes: string}> {
  return [
    ...registry.map((definition) => ({name: definition.schema, describes: definition.file})),
    {name: 'diff', describes: 'the output of `herald diff --json`'},
    {name: 'herald-config', describes: 'herald.config.json, the sources of `herald regenerate`'}
  ]
}

/** `schemas/`: beside `pipeline/` in the sources and beside `dist/` in the package. */
const schemaFolder = new URL('../../schemas/', import.meta.url)

/** `herald schema [NAME]`: the JSON Schema a dataset follows, or the list of them. */
export const schemaCommand = defineCommand({
  name: 'schema',
  summary: 'Print the JSON Schema of a dataset, or list the schemas',
  usage: 'herald schema [NAME] [options]',
  description: `Prints the JSON Schema that a dataset file follows (NAME: entries, offers,
country-rules…, diff for \`herald diff --json\`, or herald-config for the sources of
\`herald regenerate\`), as the package ships it in schemas/.
Without NAME, lists the schemas and the file each one describes.`,
  positionals: {usage: '[NAME]', what: 'at most one schema name', min: 0, max: 1},
  options: {},
  exitCodes: 'Exit codes: 0 done, 2 an unknown NAME (the names are listed) or another usage error.',
  async run({positionals}, io) {
    const known = schemas()
    const [name] = positionals
    if (name === undefined) {
      const width = Math.max(...known.map((schema) => schema.name.length)) + 2
      io.stdout(known.map((schema) => schema.name.padEnd(width) + schema.describes + '\n').join(''))
      return 0
    }

    if (!known.some((schema) => schema.name === name)) {
      throw new UsageError(
        `No schema \`${name}\`: the schemas are ${known.map((schema) => schema.name).join(', ')}`
      )
    }

    io.stdout(fs.readFileSync(new URL(`${name}.schema.json`, schemaFolder), 'utf8'))
    return 0
  }
})
