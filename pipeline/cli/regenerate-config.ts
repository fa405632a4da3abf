import {readConfig} from '../config/read-config.js'
import {
  isDone,
  reasonOf,
  regenerateSources,
  type RegenerateSourcesOptions
} from '../commands/regenerate-sources.js'
import {formatSummary} from '../diff/format-summary.js'
import {HeraldError} from '../errors.js'
import type {Io} from './io.js'
import {exitCodeOf, printBuild} from './print-build.js'

/**
 * `herald regenerate` without `--docs`: the sources of a config, printed. While the
 * sources are fetched, each says what it read as it reads it; once all are done, their
 * builds are printed in the config's order (their messages name pages, so each build
 * comes under the folder it was written to), then the catalog, the changes on stdout, the
 * commit, and the sources that failed.
 */

/** What the command line gives a run over a config. */
export interface ConfigRun {
  configFile: string
  commit: boolean
  parallel?: number
  strict: boolean
  verbose: boolean
  /** Print the stack of an unexpected error of a source. */
  debug: boolean
  cacheFolder: string
  build: Omit<RegenerateSourcesOptions, 'config' | 'commit' | 'cacheFolder' | 'parallel'>
}

/** Exit code of a run where a source or the catalog failed: the rest was written and committed. */
export const someSourceFailed = 3

/** Runs the sources of the config; resolves with the exit code. */
export async function regenerateConfig(run: ConfigRun, io: Io): Promise<number> {
  const config = readConfig(run.configFile)
  const result = await regenerateSources({
    ...run.build,
    config,
    commit: run.commit,
    cacheFolder: run.cacheFolder,
    parallel: run.parallel,
    onPagesRead: (source, docs, pages) =>
      io.stderr(
        `herald: ${source.shown}: ${pages.length} files of ${docs.folder || '/'} at ${docs.ref} ` +
          `(${docs.commit.slice(0, 12)}) in ${source.docs}\n`
      ),
    onTwinRead: (source, twin, pages) =>
      io.stderr(
        `herald: ${source.shown}: English for the plain pages from ${pages.length} files of the ` +
          `twin branch ${twin.ref} (${twin.commit.slice(0, 12)})\n`
      )
  })

  let code = 0
  const failed: string[] = []
  for (const outcome of result.sources) {
    const {shown, locale} = outcome.source
    io.stderr(`herald: ${shown} (${locale}):\n`)
    if (outcome.build) printBuild(outcome.build, io, run.verbose)
    if (isDone(outcome)) {
      code = Math.max(code, exitCodeOf(outcome.build.report, run.strict))
    } else {
      failed.push(shown)
      io.stderr(`herald: ${shown} failed, left as it was: ${describe(outcome.error, run.debug)}\n`)
    }
  }

  const {catalog} = result
  if ('error' in catalog) {
    failed.push(config.catalog.shown)
    io.stderr(
      `herald: the catalog ${config.catalog.shown} failed: ${describe(catalog.error, run.debug)}\n`
    )
  } else {
    const disagreements = catalog.report.messages.length
    io.stderr(
      `herald: catalog ${config.catalog.shown}: ${catalog.announcements.length} announcements ` +
        `from ${catalog.folders.length} folders; ${disagreements} messages (see its report.json)\n`
    )
    code = Math.max(code, exitCodeOf(catalog.report, run.strict))
  }

  io.stdout(formatSummary(result.changes))
  if (result.commit === 'unchanged') {
    io.stderr('herald: no file of the folders changed: nothing to commit\n')
  } else if (result.commit) {
    const {sha, top, message} = result.commit
    io.stderr(`herald: committed ${sha} in ${top}: ${message.split('\n')[0]}\n`)
  }

  if (failed.length === 0) return code
  io.stderr(
    `herald: ${failed.length} of ${config.sources.length + 1} folders failed (${failed.join(', ')}); ` +
      `the others were written${run.commit ? ' and committed' : ''}\n`
  )
  return someSourceFailed
}

/** A failure's message; a bug (no HeraldError) says so, with its stack under `--debug`. */
function describe(error: unknown, debug: boolean): string {
  if (error instanceof HeraldError) return error.message
  if (debug) return (error as Error).stack ?? reasonOf(error)
  return `${reasonOf(error)} (unexpected: run again with --debug for its stack, and report it)`
}
