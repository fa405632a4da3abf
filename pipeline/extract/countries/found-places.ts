/** How a country was recognised: by its ISO code, a name, or an alias or short form. */
export type MentionVia = 'code' | 'name' | 'alias'

/** What was wrong with the code written beside a name (the name is trusted). */
export type MentionProblem = null | 'code-name-mismatch' | 'code-repaired'
