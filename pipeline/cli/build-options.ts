import {isRuleId, type RuleId, type Severity} from '../diagnostics/rules.js'
import {UsageError} from '../errors.js'
import {positiveInteger, type OptionDeclarations} from './options.js'

/**
 * The options that tune a build, which `build` and `regenerate` share, declared once;
 * and the cache folder, which `history` shares too.
 */

/** Where page results (and cloned docs) are cached unless `--cache` says otherwise. */
export const defaultCacheFolder = 'node_modules/.cache/herald'

/** `--rule ID=SEVERITY`, checked: the rule and its severity. */
export function parseRule(value: string, flag: string): [RuleId, Severity | 'off'] {
  const [id, severity] = value.split('=')
  if (!id || !isRuleId(id)) {
    throw new UsageError(
      `Unknown rule \`${id}\` in \`${flag} ${value}\`: see the rules in the README`
    )
  }

  if (!['off', 'info', 'warning', 'error'].includes(severity ?? '')) {
    throw new UsageError(`\`${flag} ${value}\`: expected ID=off|info|warning|error`)
  }

  return [id, severity as Severity | 'off']
}

/** `--strict`, `--rule`, the caps of a page, `--threads` and `--verbose`. */
export const buildTuningOptions = {
  strict: {type: 'boolean', help: 'Treat warnings as errors (exit 1)'},
  rule: {
    type: 'string',
    value: 'ID=SEVERITY',
    multiple: true,
    parse: parseRule,
    help: "Set a rule's severity: off, info, warning or error (repeatable)"
  },
  'max-file-size': {
    type: 'string',
    value: 'BYTES',
    parse: positiveInteger,
    defaultText: '16777216',
    help: 'Largest file to parse; a larger one is reported'
  },
  'max-file-time': {
    type: 'string',
    value: 'MS',
    parse: positiveInteger,
    defaultText: '60000',
    help: 'Longest time one file may take on a worker'
  },
  threads: {
    type: 'string',
    value: 'N',
    parse: positiveInteger,
    defaultText: 'the available cores; 1: no workers and no --max-file-time',
    help: 'Worker threads'
  },
  verbose: {type: 'boolean', help: 'Also print info messages'}
} as const satisfies OptionDeclarations
