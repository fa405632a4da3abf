import path from 'node:path'
import {UsageError} from '../errors.js'
import {defaultParallelSources} from '../sources/run-bounded.js'
import {buildTuningOptions, defaultCacheFolder} from './build-options.js'
import type {RuleId, Severity} from '../diagnostics/rules.js'
import type {Io} from './io.js'
import {defineCommand, positiveInteger} from './options.js'

/** `herald regenerate`: build from a docs repository at a ref, print the changes, commit them. */
export const regenerateCommand = defineCommand({
  name: 'regenerate',
  summary: 'Build from docs repositories (one, or a config of many), print the changes, --commit',
  usage: `herald regenerate --docs SRC [--ref REF] --out DIR [--commit] [options]
       herald regenerate [--config FILE] [--commit] [options]`,
  description: `Builds the datasets from the announcement pages of a docs repository at one commit,
replaces DIR with them, and prints what changed (the Markdown of \`herald diff\`) on
stdout. With --commit, commits DIR when a dataset file changed, with that summary as the
commit message; an unchanged run commits nothing.

Without --docs, reads the sources from a config file (herald.config.json; its schema:
\`herald schema herald-config\`): each source (docs, ref, locale, out) is regenerated into
its folder, a few fetched at once (--parallel), then the catalog across all the folders
(announcements.json, report.json) is written to the catalog's folder, and --commit makes
one commit of them all. A source that fails is reported and its folder left as it was;
the others are written and committed, and the run ends with exit code 3.

SRC is a docs checkout, a bare repository, a git bundle, or a git URL (https://, ssh://,
git://, file://, user@host:path). Bundles and URLs are cloned bare into the cache once and
fetched on later runs; a git URL you give is Herald's only network access. The pages are
read from the commit, never from the working tree: commit (or stash) local edits first.
The pages are the Markdown files of partner-center/announcements/ or announcements/, or
else of the first folder that holds YYYY-<month>.md pages, named announcements/<file>
as \`herald build\` names them.`,
  options: {
    docs: {
      type: 'string',
      value: 'SRC',
      help: 'Docs repository: checkout, bare repository, bundle or git URL; without it, the config'
    },
    ref: {
      type: 'string',
      value: 'REF',
      defaultText: 'HEAD of a checkout; the default branch of a clone, or its only branch',
      help: 'Branch, tag or commit to read'
    },
    out: {
      type: 'string',
      value: 'DIR',
      help: 'Output folder, replaced whole by the build (required with --docs)'
    },
    config: {
      type: 'string',
      value: 'FILE',
      defaultText: 'herald.config.json',
      help: 'Config file of the sources, read when --docs is not given'
    },
    parallel: {
      type: 'string',
      value: 'N',
      parse: positiveInteger,
      defaultText: String(defaultParallelSources),
      help: 'Sources of the config fetched at once (their builds take turns)'
    },
    force: {
      type: 'boolean',
      help: 'Replace DIR even when it holds files Herald did not write, or another command wrote it'
    },
    'no-twin': {
      type: 'boolean',
      help:
        'Do not read the twin branch (live-sxs beside live) to give the plain pages the English of ' +
        'their sxs twins'
    },
    commit: {
      type: 'boolean',
      help:
        'Commit DIR in the git repository that holds it when a dataset file differs from HEAD ' +
        '(only DIR, whatever else is staged); the message is the summary of those changes ' +
        '(its first changes when long), with Docs-Ref and Docs-Commit trailers'
    },
    cache: {
      type: 'string',
      value: 'DIR',
      default: defaultCacheFolder,
      help: 'Cache of page results and of cloned docs (in DIR/docs/)'
    },
    ...buildTuningOptions
  },
  exitCodes: `Exit codes: 0 done (changed or not); 1 errors in the pages (or warnings with --strict),
the datasets still written and committed, or a dataset that fails its schema (nothing
written); 2 usage, config, I/O or git error (nothing committed); 3 with a config, a source
(or the catalog) failed: the other sources were written and committed.`,
  async run({values}, io) {
    if (values.docs === undefined) {
      for (const flag of ['out', 'ref'] as const) {
        if (values[flag] !== undefined) {
          throw new UsageError(
            `\`--${flag}\` goes with \`--docs SRC\`; without --docs, each source of the config ` +
              'names its own: run `herald regenerate --help`'
          )
        }
      }

      const [{regenerateConfig}, {progressReporter}] = await Promise.all([
        import('./regenerate-config.js'),
        import('./print-build.js')
      ])
      return regenerateConfig(
        {
          configFile: values.config ?? 'herald.config.json',
          commit: values.commit,
          parallel: values.parallel,
          strict: values.strict,
          verbose: values.verbose,
          debug: values.debug,
          cacheFolder: path.resolve(values.cache),
          build: buildOptionsOf(values, io, progressReporter(io))
        },
        io
      )
    }

    if (values.out === undefined) {
      throw new UsageError(
        '`herald regenerate --docs SRC` needs --out DIR: run `herald regenerate --help`'
      )
    }

    if (values.config !== undefined || values.parallel !== undefined) {
      throw new UsageError(
        `\`--${values.config !== undefined ? 'config' : 'parallel'}\` is for the sources of a config, ` +
          'not for one --docs SRC: drop one of them'
      )
    }

    const [{regenerate}, {formatSummary}, {exitCodeOf, printBuild, progressReporter}] =
      await Promise.all([
        import('../commands/regenerate.js'),
        import('../diff/format-summary.js'),
        import('./print-build.js')
      ])
    const result = await regenerate({
      docs: values.docs,
      ref: values.ref,
      out: values.out,
      commit: values.commit,
      cacheFolder: path.resolve(values.cache),
      ...buildOptionsOf(values, io, progressReporter(io)),
      onPagesRead: (docs, pages) =>
        io.stderr(
          `herald: ${pages.length} files of ${docs.folder || '/'} at ${docs.ref} ` +
            `(${docs.commit.slice(0, 12)}) in ${values.docs}\n`
        ),
      onTwinRead: (twin, pages) =>
        io.stderr(
          `herald: English for the plain pages from their twins: ${pages.length} files of the ` +
            `twin branch ${twin.ref} (${twin.commit.slice(0, 12)}); --no-twin turns this off\n`
        )
    })

    printBuild(result.build, io, values.verbose)
    if (!result.changes) {
      io.stderr(`herald: invalid dataset, nothing written or committed: ${result.build.invalid}\n`)
      return 1
    }

    io.stdout(formatSummary(result.changes))
    if (result.commit === 'unchanged') {
      io.stderr(`herald: no dataset file changed in ${values.out}: nothing to commit\n`)
    } else if (result.commit) {
      const {sha, top, message} = result.commit
      io.stderr(`herald: committed ${sha} in ${top}: ${message.split('\n')[0]}\n`)
    }

    return exitCodeOf(result.build.report, values.strict)
  }
})

/** The options of `regenerate` that tune its builds, whichever form it takes. */
function buildOptionsOf(
  values: {
    force: boolean
    rule: Array<[RuleId, Severity | 'off']>
    'max-file-size'?: number
    'max-file-time'?: number
    threads?: number
    'no-twin': boolean
  },
  io: Io,
  onProgress: ((done: number, total: number) => void) | undefined
) {
  return {
    force: values.force,
    overrides: Object.fromEntries(values.rule),
    maxFileSize: values['max-file-size'],
    maxFileTime: values['max-file-time'],
    threads: values.threads,
    twins: !values['no-twin'],
    onProgress,
    onWarning: (message: string) => io.stderr(`herald: warning: ${message}\n`)
  }
}
