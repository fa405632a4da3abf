import path from 'node:path'
import {parseArgs} from 'node:util'
import {buildHistory, historyFileContents} from '../history/build-history.js'
import {folderMarker, markerFile} from '../datasets/folder-owner.js'
import {datasetsWrittenBy} from '../datasets/registry.js'
import {prepareFolder, writeFolder} from '../datasets/write-folder.js'
import {PageEngine} from '../engine/engine.js'
import {DocsSourceError} from '../errors.js'
import {openDocs, resolveDocs} from '../git/docs-source.js'
import {UsageError, type Io} from './io.js'

const historyHelp = `Usage: herald history --docs SRC [--ref REF] --out DIR [options]

Walks every commit of REF that touched the announcement pages, oldest first, builds the
pages as each commit left them (only the pages it changed are parsed; the others come
from the cache) and writes timelines to --out, after validating them against schemas/:

  entry-history.json  per entry: the commit it first appeared in, its last change, its
                      removal, its former keys, and each version's changed fields
  offer-history.json  the same per offer ID, with the entries it appeared in
  commits.json        per commit: date, subject, pages changed, pages parsed, and how
                      many entries and offers were added, changed, removed, renamed

SRC is a docs checkout, a bare repository, a git bundle or a git URL (bundles and URLs
are cloned bare into the cache); the pages are read from partner-center/announcements/
or announcements/. The commits are those of the first-parent line of REF.

Options:
  --docs SRC         The docs checkout, bare repository, bundle or URL (required)
  --ref REF          The branch, tag or commit whose history is walked (default: HEAD,
                     or the only branch)
  --out DIR          Output folder (required)
  --until DATE       Stop before the first commit dated after DATE (YYYY-MM-DD, the
                     whole day in UTC, or an ISO date-time)
  --cache DIR        Cache of page results by content hash, and of cloned bundles
                     (default: node_modules/.cache/herald)
  --force            Replace --out even when it holds files Herald did not write
  --debug            Print stack traces of unexpected errors
  -h, --help         Show this help

Exit codes: 0 done, 1 a dataset fails its schema (nothing written), 2 usage or I/O error.
`

/** Where page results are cached unless `--cache` says otherwise, as for `herald build`. */
const defaultCacheFolder = 'node_modules/.cache/herald'

/** `YYYY-MM-DD` is the end of that day (UTC); a date-time is taken as given. */
export function parseUntil(value: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const time = day
    ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59, 999)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)
      ? Date.parse(value)
      : Number.NaN
  const valid =
    Number.isFinite(time) &&
    (!day || new Date(time).toISOString().slice(0, 10) === value.slice(0, 10))
  if (!valid) {
    throw new UsageError(
      `\`--until ${value}\`: expected a date (2021-04-30) or an ISO date-time with its offset`
    )
  }

  return time
}

function seconds(start: bigint): string {
  return (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)
}

export async function history(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      docs: {type: 'string'},
      ref: {type: 'string'},
      out: {type: 'string'},
      until: {type: 'string'},
      cache: {type: 'string', default: defaultCacheFolder},
      force: {type: 'boolean', default: false},
      debug: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })

  if (values.help) {
    io.stdout(historyHelp)
    return 0
  }

  if (positionals.length > 0) {
    throw new UsageError(
      `\`herald history\` takes no paths (got \`${positionals[0]}\`): give --docs SRC`
    )
  }

  if (values.docs === undefined) {
    throw new UsageError('`herald history` needs --docs SRC: run `herald history --help`')
  }

  if (values.out === undefined) {
    throw new UsageError('`herald history` needs --out DIR: run `herald history --help`')
  }

  const until = values.until === undefined ? undefined : parseUntil(values.until)
  const out = path.resolve(values.out)
  const cacheFolder = path.resolve(values.cache)
  const start = process.hrtime.bigint()

  prepareFolder(out, {writer: 'history', force: values.force})
  let docs
  try {
    const source = await openDocs(values.docs, {cacheFolder: path.join(cacheFolder, 'docs')})
    docs = await resolveDocs(source, values.ref)
  } catch (error) {
    if (!(error instanceof DocsSourceError)) throw error
    io.stderr(`herald: ${error.message}\n`)
    return 2
  }

  let shown = false
  const engine = new PageEngine({cacheFolder})
  const result = await buildHistory({
    repo: docs.source.repo,
    commit: docs.commit,
    folder: docs.folder,
    until,
    engine,
    // Progress only where a person watches: a terminal, not a log file or CI.
    onProgress: io.isTerminal
      ? (done, total, commit) => {
          shown = true
          io.stderr(
            `\rherald history: ${done}/${total} commits, ${commit.date.slice(0, 10)} ` +
              `${commit.sha.slice(0, 7)}`
          )
        }
      : undefined
  }).finally(() => engine.close())
  if (shown) io.stderr('\n')

  const {stats} = result
  if (result.invalid) {
    io.stderr(`herald history: invalid dataset, nothing written: ${result.invalid}\n`)
    return 1
  }

  const files = historyFileContents(result.datasets)
  files[markerFile] = folderMarker(
    'history',
    datasetsWrittenBy('history').map((definition) => ({
      definition,
      data: result.datasets[definition.name as keyof typeof result.datasets]
    }))
  )
  writeFolder(out, files, {writer: 'history', force: values.force})
  io.stderr(
    `herald history: ${stats.commits} commits, ${stats.pageVersions} page versions ` +
      `(${stats.distinct} distinct), parsed ${stats.parsed}, ${seconds(start)} s\n`
  )
  return 0
}
