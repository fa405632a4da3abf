/** What every command gets: its arguments and where to print. */

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTerminal: boolean
}

import {HeraldError} from '../errors.js'

/** A mistake in the command line: printed without a stack trace, exit code 2. */
export class UsageError extends HeraldError {}

/** A command returns its exit code: 0 done, 1 problems in the input, 2 usage or I/O. */
export type Command = (args: string[], io: Io) => number | Promise<number>
