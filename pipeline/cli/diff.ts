import {parseArgs} from 'node:util'
import {diffDatasets, hasChanges} from '../diff/diff-datasets.js'
import {DatasetError} from '../errors.js'
import {formatSummary} from '../diff/format-summary.js'
import {readDatasets} from '../datasets/read-folder.js'
import {canonicalJson} from '../datasets/canonical-json.js'
import {validateDataset} from '../datasets/validate.js'
import {UsageError, type Io} from './io.js'

const diffHelp = `Usage: herald diff OLD NEW [options]

Says what changed between two dataset folders: the entries, offers, country rules and
tables added, removed, changed (field by field) or renamed. Records are matched by key,
not by position. OLD and NEW are folders, or a folder in a git revision as REV:PATH
(\`herald diff HEAD~1:output output\`; PATH from the top of the repository). A dataset
file missing from a folder counts as empty.

Prints a Markdown summary, fit for a commit message or a pull request.

Options:
  --json         Print the diff as JSON instead (schemas/diff.schema.json)
  --exit-code    Exit 1 when something changed, like \`git diff --exit-code\`
  --repo DIR     The git repository to read REV:PATH from (default: the current folder)
  -h, --help     Show this help

Exit codes: 0 done (changes or not), 1 changes with --exit-code, 2 usage or I/O error.
`

export async function diff(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: {type: 'boolean', default: false},
      'exit-code': {type: 'boolean', default: false},
      repo: {type: 'string'},
      debug: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })

  if (values.help) {
    io.stdout(diffHelp)
    return 0
  }

  if (positionals.length !== 2) {
    throw new UsageError(
      `\`herald diff\` takes two folders (or REV:PATH), OLD and NEW; got ${positionals.length}: run \`herald diff --help\``
    )
  }

  const [oldLocation, newLocation] = positionals as [string, string]
  let result
  try {
    const old = await readDatasets(oldLocation, {repo: values.repo})
    const current = await readDatasets(newLocation, {repo: values.repo})
    for (const side of [old, current]) {
      if (side.files.length === 0) {
        io.stderr(
          `herald: warning: \`${side.label}\` holds no dataset file (entries.json…): read as empty\n`
        )
      }
    }

    result = diffDatasets(old, current)
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error
    io.stderr(`herald: ${error.message}\n`)
    return 2
  }

  const invalid = validateDataset('diff', result)
  if (invalid) throw new Error(`The diff does not match schemas/diff.schema.json: ${invalid}`)

  io.stdout(values.json ? canonicalJson(result) : formatSummary(result))
  return values['exit-code'] && hasChanges(result) ? 1 : 0
}
