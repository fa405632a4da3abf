/**
 * An error the user can act on (bad flag, missing folder, a folder Herald will not
 * replace): the CLI prints its message without a stack trace and exits 2.
 */
export class HeraldError extends Error {}
