import fs from 'node:fs'
import {HeraldError, UsageError} from '../errors.js'
import {buildCommand} from './build.js'
import {diffCommand} from './diff.js'
import {exportCommand} from './export.js'
import {historyCommand} from './history.js'
import type {Io} from './io.js'
import type {Command} from './options.js'
import {regenerateCommand} from './regenerate.js'
import {schemaCommand} from './schema.js'

/**
 * The `herald` command line: finds the command, runs it, and is the one place that maps
 * errors to messages and exit codes. Exit codes: 0 done; 1 errors in the input (or
 * warnings under `--strict`), or invalid datasets; 2 usage, I/O or git error.
 *
 * Only the declarations of the commands are loaded here; each command imports what it
 * runs when it runs, so `herald --help` and `herald <command> --help` cost next to nothing.
 */

/** Every command, in the order `herald --help` lists them. */
export const commands: readonly Command[] = [
  buildCommand,
  diffCommand,
  regenerateCommand,
  historyCommand,
  exportCommand,
  schemaCommand
]

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.synopsis.length)) + 4
  const rows = commands.map((command) => `  ${command.synopsis.padEnd(width)}${command.summary}`)
  return [
    'Usage: herald <command> [options]',
    '',
    'Turns Microsoft Partner Center announcement pages into JSON datasets.',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `herald <command> --help` (or `herald help <command>`) for the options of a command,',
    'and `herald --version` for the version.',
    ''
  ].join('\n')
}

/** The version of the package, from its package.json (beside `pipeline/` and `dist/`). */
function version(): string {
  const file = new URL('../../package.json', import.meta.url)
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as {version: string}).version
}

function findCommand(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name)
  if (command) return command
  const what = name.startsWith('-') ? 'option' : 'command'
  throw new UsageError(`Unknown ${what} \`${name}\`: run \`herald --help\``)
}

/**
 * What the user sees of an error, and the exit code: a HeraldError is a message the
 * user can act on; anything else is a bug, shown with its stack under `--debug`.
 */
export function reportError(error: unknown, debug: boolean, io: Io): number {
  const message = error instanceof Error ? error.message : String(error)
  io.stderr(`herald: ${message}\n`)
  if (error instanceof HeraldError) return 2
  if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`)
  else {
    io.stderr(
      'Run again with --debug for the stack trace, and report it if the input looks valid.\n'
    )
  }

  return 2
}

/** Runs `herald <argv…>`, printing to `io`; resolves with the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (name === undefined) {
      io.stdout(mainHelp())
      return 2
    }

    if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
      io.stdout(mainHelp())
      return 0
    }

    if (name === '--version' || name === '-v') {
      io.stdout(`${version()}\n`)
      return 0
    }

    if (name === 'help') return await findCommand(rest[0]!).run(['--help'], io)
    return await findCommand(name).run(rest, io)
  } catch (error) {
    return reportError(error, argv.includes('--debug'), io)
  }
}
