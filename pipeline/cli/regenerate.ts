import path from 'node:path'
import {buildTuningOptions, defaultCacheFolder} from './build-options.js'
import {defineCommand} from './options.js'

/** `herald regenerate`: build from a docs repository at a ref, print the changes, commit them. */
export const regenerateCommand = defineCommand({
  name: 'regenerate',
  summary: 'Build from a docs repository at a ref, print the changes, --commit them',
  usage: 'herald regenerate --docs SRC [--ref REF] --out DIR [--commit] [options]',
  description: `Builds the datasets from the announcement pages of a docs repository at one commit,
replaces DIR with them, and prints what changed (the Markdown of \`herald diff\`) on
stdout. With --commit, commits DIR when a dataset file changed, with that summary as the
commit message; an unchanged run commits nothing.

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
      required: true,
      help: 'Docs repository: checkout, bare repository, bundle or git URL'
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
      required: true,
      help: 'Output folder, replaced whole by the build'
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
written); 2 usage, I/O or git error.`,
  async run({values}, io) {
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
      force: values.force,
      cacheFolder: path.resolve(values.cache),
      overrides: Object.fromEntries(values.rule),
      maxFileSize: values['max-file-size'],
      maxFileTime: values['max-file-time'],
      threads: values.threads,
      twins: !values['no-twin'],
      onProgress: progressReporter(io),
      onPagesRead: (docs, pages) =>
        io.stderr(
          `herald: ${pages.length} files of ${docs.folder || '/'} at ${docs.ref} ` +
            `(${docs.commit.slice(0, 12)}) in ${values.docs}\n`
        ),
      onTwinRead: (twin, pages) =>
        io.stderr(
          `herald: English for the plain pages from their twins: ${pages.length} files of the ` +
            `twin branch ${twin.ref} (${twin.commit.slice(0, 12)}); --no-twin turns this off\n`
        ),
      onWarning: (message) => io.stderr(`herald: warning: ${message}\n`)
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
