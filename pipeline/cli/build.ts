import path from 'node:path'
import {parseArgs} from 'node:util'
import {build as runBuild} from '../commands/build.js'
import type {Io} from './io.js'
import {
  defaultCacheFolder,
  parseRules,
  positiveInteger,
  printBuild,
  progressReporter
} from './build-options.js'

const buildHelp = `Usage: herald build [paths…] [options]

Reads month pages (\`YYYY-<month>.md\`, both flavours) from the files and folders given
(folders recursively; default \`input/\`) and writes entries.json and report.json to
--out, all at once, after validating them against schemas/.

Options:
  --out DIR              Output folder (default: output/)
  --json                 Print the run report as JSON on stdout
  --strict               Treat warnings as errors (exit 1)
  --rule ID=SEVERITY     Set a rule's severity: off, info, warning or error (repeatable)
  --max-file-size BYTES  Largest file to parse (default: 16777216)
  --max-file-time MS     Longest time one file may take on a worker (default: 60000)
  --threads N            Worker threads (default: the available cores; 1: no workers
                         and no --max-file-time)
  --cache DIR            Cache of page results by content hash
                         (default: node_modules/.cache/herald)
  --no-cache             Parse every page, write no cache
  --dry-run              Validate and report, write nothing
  --force                Replace --out even if it holds files Herald did not write
  --verbose              Also print info messages
  --debug                Print stack traces of unexpected errors
  -h, --help             Show this help

Exit codes: 0 done, 1 errors in the input (or warnings with --strict), 2 usage or I/O error.
`

export async function build(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: 'string', default: 'output'},
      json: {type: 'boolean', default: false},
      strict: {type: 'boolean', default: false},
      rule: {type: 'string', multiple: true, default: []},
      'max-file-size': {type: 'string'},
      'max-file-time': {type: 'string'},
      threads: {type: 'string'},
      cache: {type: 'string', default: defaultCacheFolder},
      'no-cache': {type: 'boolean', default: false},
      force: {type: 'boolean', default: false},
      'dry-run': {type: 'boolean', default: false},
      verbose: {type: 'boolean', default: false},
      debug: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })

  if (values.help) {
    io.stdout(buildHelp)
    return 0
  }

  const maxFileTime = positiveInteger(values['max-file-time'], '--max-file-time')
  const threads = positiveInteger(values.threads, '--threads')
  const maxFileSize = positiveInteger(values['max-file-size'], '--max-file-size')

  const result = await runBuild({
    inputs: positionals.length > 0 ? positionals : ['input'],
    out: path.resolve(values.out),
    overrides: parseRules(values.rule),
    maxFileSize,
    maxFileTime,
    threads,
    cacheFolder: values['no-cache'] ? undefined : path.resolve(values.cache),
    dryRun: values['dry-run'],
    force: values.force,
    onProgress: progressReporter(io)
  })

  printBuild(result, io, values.verbose)
  if (result.unchanged)
    io.stderr('herald: inputs and output unchanged since the last build: nothing rewritten\n')
  if (values.json) io.stdout(JSON.stringify(result.report, null, 2) + '\n')

  if (result.invalid) {
    io.stderr(`herald: invalid dataset, nothing written: ${result.invalid}\n`)
    return 1
  }

  const failing = result.report.messages.some(
    (message) => message.severity === 'error' || (values.strict && message.severity === 'warning')
  )
  return failing ? 1 : 0
}
