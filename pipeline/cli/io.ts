/** What every command gets: its arguments and where to print. */

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTerminal: boolean
}

export {UsageError} from '../errors.js'

/** A command returns its exit code: 0 done, 1 problems in the input, 2 usage or I/O. */
export type Command = (args: string[], io: Io) => number | Promise<number>
