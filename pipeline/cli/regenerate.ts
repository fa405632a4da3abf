import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {build as runBuild} from '../commands/build.js'
import {datasetFiles} from '../datasets/registry.js'
import {hasChanges} from '../diff/diff-datasets.js'
import {DatasetError} from '../errors.js'
import {formatSummary} from '../diff/format-summary.js'
import {diffDatasetFolders} from '../datasets/read-folder.js'
import {HeraldError} from '../errors.js'
import {prepareFolder} from '../datasets/write-folder.js'
import {openDocs, readPages, resolveDocs, type ResolvedDocs} from '../git/docs-source.js'
import {
  commitOutput,
  committedOutput,
  findOutputRepo,
  outputChanged,
  type OutputRepo
} from '../git/output-repo.js'
import type {Diff} from '../types/diff.js'
import {UsageError, type Io} from './io.js'
import {
  defaultCacheFolder,
  parseRules,
  positiveInteger,
  printBuild,
  progressReporter
} from './build-options.js'

const regenerateHelp = `Usage: herald regenerate --docs SRC [--ref REF] --out DIR [--commit] [options]

Builds the datasets from the announcement pages of a docs repository at one commit,
replaces DIR with them, and prints what changed (the Markdown of \`herald diff\`) on
stdout. With --commit, commits DIR when a dataset file changed, with that summary as the
commit message; an unchanged run commits nothing.

SRC is a docs checkout, a bare repository, a git bundle, or a git URL (https://, ssh://,
git://, file://, user@host:path). Bundles and URLs are cloned bare into the cache once and
fetched on later runs; a git URL you give is Herald's only network access. The pages are
read from the commit, never from the working tree: commit (or stash) local edits first.
The pages are the Markdown files of partner-center/announcements/ or announcements/, or
else of the first folder that holds YYYY-<month>.md pages, named announcements/<file>
as \`herald build\` names them.

Options:
  --docs SRC             Docs repository: checkout, bare repository, bundle or git URL
  --ref REF              Branch, tag or commit to read (default: HEAD of a checkout; the
                         default branch of a clone, or its only branch)
  --out DIR              Output folder, replaced whole by the build
  --force                Replace DIR even when it holds files Herald did not write
  --commit               Commit DIR in the git repository that holds it when a dataset
                         file differs from HEAD (only DIR, whatever else is staged); the
                         message is the summary of those changes, with Docs-Ref and
                         Docs-Commit trailers
  --cache DIR            Cache of page results and of cloned docs (in DIR/docs/)
                         (default: node_modules/.cache/herald)
  --strict               Treat warnings as errors (exit 1)
  --rule ID=SEVERITY     Set a rule's severity: off, info, warning or error (repeatable)
  --max-file-size BYTES  Largest file to parse (default: 16777216)
  --max-file-time MS     Longest time one file may take on a worker (default: 60000)
  --threads N            Worker threads (default: the available cores; 1: no workers)
  --verbose              Also print info messages
  --debug                Print stack traces of unexpected errors
  -h, --help             Show this help

Exit codes: 0 done (changed or not); 1 errors in the pages (or warnings with --strict),
the datasets still written and committed, or a dataset that fails its schema (nothing
written); 2 usage, I/O or git error.
`

/** A git or I/O problem around the build: its message says what to do; exit code 2. */
class RegenerateError extends HeraldError {}

/** Copies the dataset files DIR holds now, since the build replaces DIR whole. */
function snapshot(out: string, into: string): void {
  fs.mkdirSync(into)
  for (const file of Object.values(datasetFiles)) {
    const from = path.join(out, file)
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(into, file))
  }
}

/** The diff of the datasets from `before` to DIR; unreadable old datasets count as empty. */
async function diffOutput(
  before: string,
  out: string,
  empty: string,
  io: Io,
  options: {repo?: string} = {}
): Promise<Diff> {
  try {
    return await diffDatasetFolders(before, out, options)
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error
    io.stderr(
      `herald: warning: the previous datasets are unreadable, compared as empty: ${error.message}\n`
    )
    fs.mkdirSync(empty, {recursive: true})
    return diffDatasetFolders(empty, out)
  }
}

/** The commit message: the summary, whose first line is its headline, and trailers. */
function commitMessage(diff: Diff, docs: ResolvedDocs): string {
  const body = hasChanges(diff)
    ? formatSummary(diff).trimEnd()
    : 'herald: no record changed (source positions or report only)'
  return `${body}\n\nDocs-Ref: ${docs.ref}\nDocs-Commit: ${docs.commit}\n`
}

/**
 * Commits DIR when a file in it differs from HEAD. The message says what the commit
 * changes: DIR at HEAD (nothing before its first commit) → DIR now. That is what this
 * run printed, unless an earlier run wrote DIR and could not commit it.
 */
async function commitChanges(
  repo: OutputRepo,
  out: string,
  docs: ResolvedDocs,
  scratch: string,
  io: Io
): Promise<void> {
  if (!(await outputChanged(repo))) {
    io.stderr(`herald: no dataset file changed in ${repo.shown}: nothing to commit\n`)
    return
  }

  const committed = await committedOutput(repo)
  const empty = path.join(scratch, 'empty')
  fs.mkdirSync(empty, {recursive: true})
  const diff = committed
    ? await diffOutput(committed, out, empty, io, {repo: repo.top})
    : await diffOutput(empty, out, empty, io)
  const message = commitMessage(diff, docs)
  const sha = await commitOutput(repo, message, path.join(scratch, 'message.md'))
  io.stderr(`herald: committed ${sha} in ${repo.top}: ${message.split('\n')[0]}\n`)
}

export async function regenerate(args: string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      docs: {type: 'string'},
      ref: {type: 'string'},
      out: {type: 'string'},
      commit: {type: 'boolean', default: false},
      force: {type: 'boolean', default: false},
      cache: {type: 'string', default: defaultCacheFolder},
      strict: {type: 'boolean', default: false},
      rule: {type: 'string', multiple: true, default: []},
      'max-file-size': {type: 'string'},
      'max-file-time': {type: 'string'},
      threads: {type: 'string'},
      verbose: {type: 'boolean', default: false},
      debug: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })

  if (values.help) {
    io.stdout(regenerateHelp)
    return 0
  }

  if (positionals.length > 0) {
    throw new UsageError(
      `\`herald regenerate\` takes no paths (got \`${positionals[0]}\`): give --docs SRC and --out DIR`
    )
  }

  if (values.docs === undefined || values.out === undefined) {
    throw new UsageError(
      `\`herald regenerate\` needs --docs SRC and --out DIR: run \`herald regenerate --help\``
    )
  }

  if (values.out === '') throw new UsageError('`--out` is empty: give the output folder')
  const overrides = parseRules(values.rule)
  const maxFileSize = positiveInteger(values['max-file-size'], '--max-file-size')
  const maxFileTime = positiveInteger(values['max-file-time'], '--max-file-time')
  const threads = positiveInteger(values.threads, '--threads')
  const out = path.resolve(values.out)
  const cacheFolder = path.resolve(values.cache)
  const shown = values.out

  let scratch: string | undefined
  try {
    if (fs.existsSync(path.join(out, '.git'))) {
      throw new RegenerateError(
        `\`${shown}\` is the top of a git repository, and the build replaces the folder whole: ` +
          `give a folder inside it, such as ${path.join(shown, 'output')}`
      )
    }

    prepareFolder(out, {writer: 'regenerate', force: values.force})
    const repo = values.commit ? await findOutputRepo(out, shown) : undefined
    const source = await openDocs(values.docs, {cacheFolder: path.join(cacheFolder, 'docs')})
    const docs = await resolveDocs(source, values.ref)
    const pages = await readPages(docs)
    io.stderr(
      `herald: ${pages.length} files of ${docs.folder || '/'} at ${docs.ref} ` +
        `(${docs.commit.slice(0, 12)}) in ${values.docs}\n`
    )

    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-regenerate-'))
    const before = path.join(scratch, 'before')
    snapshot(out, before)

    const result = await runBuild({
      writer: 'regenerate',
      pages,
      out,
      overrides,
      maxFileSize,
      maxFileTime,
      threads,
      cacheFolder,
      force: values.force,
      onProgress: progressReporter(io)
    })

    printBuild(result, io, values.verbose)
    if (result.invalid) {
      io.stderr(`herald: invalid dataset, nothing written or committed: ${result.invalid}\n`)
      return 1
    }

    io.stdout(formatSummary(await diffOutput(before, out, path.join(scratch, 'empty'), io)))
    if (repo) await commitChanges(repo, out, docs, scratch, io)

    const failing = result.report.messages.some(
      (message) => message.severity === 'error' || (values.strict && message.severity === 'warning')
    )
    return failing ? 1 : 0
  } catch (error) {
    if (!(error instanceof HeraldError)) throw error
    io.stderr(`herald: ${error.message}\n`)
    return 2
  } finally {
    if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
  }
}
