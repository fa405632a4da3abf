/**
 * Every error Herald expects is a `HeraldError`: a message the user can act on, printed
 * without a stack trace (see `cli/main.ts`, the one place that maps errors to exit codes).
 * Anything else is a bug, printed with a hint to run again with `--debug`.
 */
export class HeraldError extends Error {
  override name = 'HeraldError'
}

/** A mistake on the command line: an unknown option, a missing value, a bad number. */
export class UsageError extends HeraldError {
  override name = 'UsageError'
}

/** Input that cannot be read: a path that does not exist, a folder without month pages. */
export class InputError extends HeraldError {
  override name = 'InputError'
}

/** A dataset folder or file that cannot be read or compared (not JSON, a record without its key). */
export class DatasetError extends HeraldError {
  override name = 'DatasetError'
}

/** An output folder Herald must not replace, or cannot write. */
export class OutputError extends HeraldError {
  override name = 'OutputError'
}
