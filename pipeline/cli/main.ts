import {build} from './build.js'
import {HeraldError} from '../errors.js'
import {diff} from './diff.js'
import {history} from './history.js'
import {regenerate} from './regenerate.js'
import {UsageError, type Command, type Io} from './io.js'

/**
 * The `herald` command line. Exit codes: 0 done; 1 errors in the input (or warnings
 * under `--strict`), or invalid datasets; 2 usage or I/O error.
 */

const commands: Record<string, Command> = {build, diff, regenerate, history}

const mainHelp = `Usage: herald <command> [options]

Turns Microsoft Partner Center announcement pages into JSON datasets.

Commands:
  build [paths…]    Build the datasets from month pages (default: input/ → output/)
  diff OLD NEW      Summarise what changed between two dataset folders (or REV:PATH)
  regenerate        Build from a docs repository at a ref, print the changes, --commit them
  history           Timelines of entries and offers over a docs repository's git history

Run \`herald <command> --help\` for the options of a command.
`

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  const debug = argv.includes('--debug')
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(mainHelp)
      return command ? 0 : 2
    }

    const run = Object.hasOwn(commands, command) ? commands[command] : undefined
    if (run) return await run(rest, io)
    throw new UsageError(`Unknown command \`${command}\`: run \`herald --help\``)
  } catch (error) {
    const known =
      error instanceof HeraldError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')
    if (known) {
      io.stderr(`herald: ${(error as Error).message}\n`)
      return 2
    }

    io.stderr(`herald: ${(error as Error).message ?? String(error)}\n`)
    if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`)
    else
      io.stderr(
        'Run again with --debug for the stack trace, and report it if the input looks valid.\n'
      )
    return 2
  }
}
