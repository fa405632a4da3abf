import {defineCommand} from './options.js'

/** `herald diff OLD NEW`: what changed between two dataset folders, as Markdown or JSON. */
export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'Summarise what changed between two dataset folders (or REV:PATH)',
  usage: 'herald diff OLD NEW [options]',
  description: `Says what changed between two dataset folders: the entries, offers, country rules and
tables added, removed, changed (field by field) or renamed. Records are matched by key,
not by position. OLD and NEW are folders, or a folder in a git revision as REV:PATH
(\`herald diff HEAD~1:output output\`; PATH from the top of the repository). A dataset
file missing from a folder counts as empty.

Prints a Markdown summary, fit for a commit message or a pull request.`,
  positionals: {usage: 'OLD NEW', what: 'two folders (or REV:PATH), OLD and NEW', min: 2, max: 2},
  options: {
    json: {type: 'boolean', help: 'Print the diff as JSON instead (schemas/diff.schema.json)'},
    'exit-code': {
      type: 'boolean',
      help: 'Exit 1 when something changed, like `git diff --exit-code`'
    },
    repo: {
      type: 'string',
      value: 'DIR',
      defaultText: 'the current folder',
      help: 'The git repository to read REV:PATH from'
    },
    english: {
      type: 'boolean',
      help: 'Count only changes of English values and language-independent facts (ids, dates, offer IDs, country codes), not translation churn'
    }
  },
  exitCodes:
    'Exit codes: 0 done (changes or not), 1 changes with --exit-code, 2 usage or I/O error.',
  async run({values, positionals}, io) {
    const [{diff}, {hasChanges}, {formatSummary}, {canonicalJson}] = await Promise.all([
      import('../commands/diff.js'),
      import('../diff/diff-datasets.js'),
      import('../diff/format-summary.js'),
      import('../datasets/canonical-json.js')
    ])
    const [oldLocation, newLocation] = positionals as [string, string]
    const result = await diff(oldLocation, newLocation, {
      repo: values.repo,
      english: values.english
    })
    for (const label of result.empty) {
      io.stderr(
        `herald: warning: \`${label}\` holds no dataset file (entries.json…): read as empty\n`
      )
    }

    io.stdout(values.json ? canonicalJson(result.diff) : formatSummary(result.diff))
    return values['exit-code'] && hasChanges(result.diff) ? 1 : 0
  }
})
