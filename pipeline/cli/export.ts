import path from 'node:path'
import {defineCommand} from './options.js'

/** `herald export DATASETS`: a build folder as SQLite, NDJSON, CSV and Atom feeds. */
export const exportCommand = defineCommand({
  name: 'export',
  summary: 'Write a build folder as SQLite, NDJSON, CSV or Atom feeds',
  usage: 'herald export DATASETS [--sqlite FILE] [--ndjson DIR] [--csv DIR] [--atom DIR]',
  description: `Writes the datasets of DATASETS, a folder \`herald build\` or \`herald regenerate\`
wrote, in the formats other tools read — any combination in one call:

  --sqlite FILE  one table per dataset, typed columns from the schemas, primary and
                 foreign keys, an FTS5 index over entry titles and texts in every
                 language; open it with \`datasette FILE\`
  --ndjson DIR   one <dataset>.ndjson per dataset, a record per line
  --csv DIR      one <dataset>.csv per dataset, RFC 4180
  --atom DIR     one <locale>.atom feed per locale of its newest announcements

Every file is written atomically; NDJSON, CSV and Atom are the same bytes for the same
datasets.`,
  positionals: {usage: 'DATASETS', what: 'one dataset folder', min: 1, max: 1},
  options: {
    sqlite: {type: 'string', value: 'FILE', help: 'Write a SQLite database (replaced whole)'},
    ndjson: {type: 'string', value: 'DIR', help: 'Write <dataset>.ndjson files into DIR'},
    csv: {type: 'string', value: 'DIR', help: 'Write <dataset>.csv files into DIR'},
    atom: {type: 'string', value: 'DIR', help: 'Write one <locale>.atom feed per locale into DIR'}
  },
  exitCodes:
    'Exit codes: 0 done, 2 usage or I/O error (a folder Herald did not build, no format asked for).',
  async run({values, positionals}, io) {
    const {exportDatasets} = await import('../commands/export.js')
    const resolve = (value: string | undefined) =>
      value === undefined ? undefined : path.resolve(value)
    const result = exportDatasets({
      folder: positionals[0]!,
      sqlite: resolve(values.sqlite),
      ndjson: resolve(values.ndjson),
      csv: resolve(values.csv),
      atom: resolve(values.atom)
    })
    const records = result.datasets.reduce((sum, dataset) => sum + dataset.records, 0)
    io.stderr(
      `herald export: ${result.datasets.length} datasets, ${records} records; ` +
        `${result.files.length} files written${result.feeds.length > 0 ? `, ${result.feeds.length} feeds` : ''}\n`
    )
    return 0
  }
})
