import path from 'node:path'
import {UsageError} from '../errors.js'
import {defaultCacheFolder} from './build-options.js'
import {defineCommand} from './options.js'

/** `--until`: `YYYY-MM-DD` is the end of that day (UTC); a date-time is taken as given. */
export function parseUntil(value: string, flag = '--until'): number {
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
      `\`${flag} ${value}\`: expected a date (2021-04-30) or an ISO date-time with its offset`
    )
  }

  return time
}

/** `herald history`: timelines of entries and offers over a docs repository's history. */
export const historyCommand = defineCommand({
  name: 'history',
  summary: "Timelines of entries and offers over a docs repository's git history",
  usage: 'herald history --docs SRC [--ref REF] --out DIR [options]',
  description: `Walks every commit of REF that touched the announcement pages, oldest first, builds the
pages as each commit left them (only the pages it changed are parsed; the others come
from the cache) and writes timelines to --out, after validating them against schemas/:

  entry-history.json  per entry: the commit it first appeared in, its last change, its
                      removal, its former keys, and each version's changed fields
  offer-history.json  the same per offer ID, with the entries it appeared in
  commits.json        per commit: date, subject, pages changed, pages parsed, and how
                      many entries and offers were added, changed, removed, renamed

and herald.json, which says that \`herald history\` wrote the folder.

SRC is a docs checkout, a bare repository, a git bundle or a git URL (bundles and URLs
are cloned bare into the cache); the pages are read from partner-center/announcements/
or announcements/. The commits are those of the first-parent line of REF.`,
  options: {
    docs: {
      type: 'string',
      value: 'SRC',
      required: true,
      help: 'The docs checkout, bare repository, bundle or URL'
    },
    ref: {
      type: 'string',
      value: 'REF',
      defaultText: 'HEAD, or the only branch',
      help: 'The branch, tag or commit whose history is walked'
    },
    out: {type: 'string', value: 'DIR', required: true, help: 'Output folder'},
    until: {
      type: 'string',
      value: 'DATE',
      parse: parseUntil,
      help:
        'Stop before the first commit dated after DATE (YYYY-MM-DD, the whole day in UTC, ' +
        'or an ISO date-time)'
    },
    cache: {
      type: 'string',
      value: 'DIR',
      default: defaultCacheFolder,
      help: 'Cache of page results by content hash, and of cloned bundles'
    },
    force: {
      type: 'boolean',
      help: 'Replace --out even when it holds files Herald did not write, or another command wrote it'
    },
    english: {
      type: 'boolean',
      help: 'Make a version only of a change of English values or language-independent facts, not of translation churn'
    },
    'no-twin': {
      type: 'boolean',
      help: 'Do not read the twin branch (live-sxs beside live) to give the plain pages the English of their sxs twins'
    }
  },
  exitCodes:
    'Exit codes: 0 done, 1 a dataset fails its schema (nothing written), 2 usage or I/O error.',
  async run({values}, io) {
    const {history} = await import('../commands/history.js')
    const start = process.hrtime.bigint()
    let shown = false
    const result = await history({
      docs: values.docs,
      ref: values.ref,
      out: values.out,
      until: values.until,
      cacheFolder: path.resolve(values.cache),
      force: values.force,
      english: values.english,
      twins: !values['no-twin'],
      onTwinRead: (twin, versions) =>
        io.stderr(
          `herald history: English for the plain pages from their twins: ${versions} page ` +
            `versions of the twin branch ${twin.ref}; --no-twin turns this off\n`
        ),
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
    })
    if (shown) io.stderr('\n')
    if (result.invalid) {
      io.stderr(`herald history: invalid dataset, nothing written: ${result.invalid}\n`)
      return 1
    }

    const {stats} = result
    const seconds = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)
    if (result.unchanged) {
      io.stderr(
        `herald history: ${stats.commits} commits, nothing new since the last run: nothing ` +
          `rewritten, ${seconds} s\n`
      )
      return 0
    }

    io.stderr(
      `herald history: ${stats.commits} commits, ${stats.pageVersions} page versions ` +
        `(${stats.distinct} distinct), parsed ${stats.parsed}, ${seconds} s\n`
    )
    return 0
  }
})
