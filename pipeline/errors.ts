/**
 * Every error Herald expects is a `HeraldError`: a message the user can act on, printed
 * without a stack trace and with exit code 2 (`cli/main.ts` is the one place that maps
 * errors to messages and exit codes). Anything else is a bug, printed with a hint to run
 * again with `--debug`. One class per area, so that a caller can catch one kind of
 * problem and let the others through.
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

/**
 * A git command that failed, or git that could not start (`git/run-git.ts`). Callers
 * usually wrap it in the error of their area, saying what they were doing.
 */
export class GitError extends HeraldError {
  override name = 'GitError'
  /** The arguments git was given. */
  readonly args: readonly string[]
  /** git's exit code; undefined when git did not start, was killed, or broke its protocol. */
  readonly status: number | undefined
  /** Why, in one line: git's first `fatal:` or `error:` line (hints dropped), or the system's. */
  readonly reason: string

  constructor(args: readonly string[], reason: string, status?: number) {
    super(`\`git ${subcommand(args)}\` failed: ${reason}`)
    this.args = args
    this.status = status
    this.reason = reason
  }
}

/** The git command of `args` (`log` of `-c log.follow=false log …`), for messages. */
function subcommand(args: readonly string[]): string {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '-c' || arg === '-C') index++
    else if (!arg.startsWith('-')) return arg
  }

  return args.join(' ')
}

/** A docs source (`--docs`, `--ref`) that cannot be opened or read (`git/docs-source.ts`). */
export class DocsSourceError extends HeraldError {
  override name = 'DocsSourceError'
}

/** A cached clone of a bundle or URL that cannot be made, checked or fetched (`git/clone-cache.ts`). */
export class CloneCacheError extends HeraldError {
  override name = 'CloneCacheError'
}

/** A git problem with the repository that holds `regenerate --commit`'s DIR (`git/output-repo.ts`). */
export class OutputRepoError extends HeraldError {
  override name = 'OutputRepoError'
}

/** A `herald.config.json` that cannot be read, or does not follow its schema (`config/read-config.ts`). */
export class ConfigError extends HeraldError {
  override name = 'ConfigError'
}
