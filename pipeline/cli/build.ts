import path from 'node:path'
import {markerFile} from '../datasets/folder-owner.js'
import {datasetsWrittenBy} from '../datasets/registry.js'
import {buildTuningOptions, defaultCacheFolder} from './build-options.js'
import {defineCommand, wrap} from './options.js'

/** The files a build writes, from the dataset registry, as an indented list. */
function writtenFiles(): string {
  const files = [...datasetsWrittenBy('build').map((definition) => definition.file), markerFile]
  return wrap(files.join(', '), 84)
    .map((line) => `  ${line}`)
    .join('\n')
}

/** `herald build`: month pages from files and folders → the datasets in --out. */
export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Build the datasets from month pages (default: input/ → output/)',
  usage: 'herald build [paths…] [options]',
  description: `Reads month pages (\`YYYY-<month>.md\`, both flavours) from the files and folders given
(folders recursively; default \`input/\`), validates the datasets against schemas/ and
writes them to --out, all at once:

${writtenFiles()}

A run that cannot read an input, or finds no month page, writes nothing.`,
  positionals: {usage: '[paths…]', what: 'files and folders of month pages', min: 0},
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      default: 'output',
      defaultText: 'output/',
      help: 'Output folder'
    },
    json: {type: 'boolean', help: 'Print the run report as JSON on stdout'},
    ...buildTuningOptions,
    cache: {
      type: 'string',
      value: 'DIR',
      default: defaultCacheFolder,
      help: 'Cache of page results by content hash'
    },
    'no-cache': {type: 'boolean', help: 'Parse every page, write no cache'},
    'no-twins': {
      type: 'boolean',
      help: 'Do not give plain pages the English of their twin (an sxs page of the same month and source commit among the inputs)'
    },
    'dry-run': {type: 'boolean', help: 'Validate and report, write nothing'},
    force: {
      type: 'boolean',
      help: 'Replace --out even if it holds files Herald did not write, or another command wrote it'
    }
  },
  exitCodes:
    'Exit codes: 0 done, 1 errors in the input (or warnings with --strict), 2 usage or I/O error.',
  async run({values, positionals}, io) {
    const [{build}, {exitCodeOf, printBuild, progressReporter}] = await Promise.all([
      import('../commands/build.js'),
      import('./print-build.js')
    ])
    const result = await build({
      inputs: positionals.length > 0 ? positionals : ['input'],
      out: path.resolve(values.out),
      overrides: Object.fromEntries(values.rule),
      maxFileSize: values['max-file-size'],
      maxFileTime: values['max-file-time'],
      threads: values.threads,
      cacheFolder: values['no-cache'] ? undefined : path.resolve(values.cache),
      dryRun: values['dry-run'],
      force: values.force,
      twins: !values['no-twins'],
      onProgress: progressReporter(io)
    })

    printBuild(result, io, values.verbose)
    if (result.unchanged) {
      io.stderr('herald: inputs and output unchanged since the last build: nothing rewritten\n')
    }

    if (values.json) io.stdout(JSON.stringify(result.report, null, 2) + '\n')
    if (result.invalid) {
      io.stderr(`herald: invalid dataset, nothing written: ${result.invalid}\n`)
      return 1
    }

    return exitCodeOf(result.report, values.strict)
  }
})
