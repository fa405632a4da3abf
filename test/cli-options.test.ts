import {describe, expect, it} from 'vitest'
import {buildTuningOptions} from '../pipeline/cli/build-options.js'
import type {Io} from '../pipeline/cli/io.js'
import {defineCommand, parseCommand, positiveInteger, wrap} from '../pipeline/cli/options.js'
import {defaultMaxFileSize} from '../pipeline/engine/engine.js'
import {defaultMaxFileTime} from '../pipeline/engine/worker-pool.js'
import {UsageError} from '../pipeline/errors.js'

/** The one option helper: parsing, checks and help text from one declaration. */

const options = {
  out: {type: 'string', value: 'DIR', default: 'output', help: 'Output folder'},
  docs: {type: 'string', value: 'SRC', required: true, help: 'Docs repository'},
  threads: {type: 'string', value: 'N', parse: positiveInteger, help: 'Worker threads'},
  rule: {type: 'string', value: 'ID', multiple: true, help: 'A rule (repeatable)'},
  json: {type: 'boolean', help: 'Print JSON'},
  force: {type: 'boolean', help: 'Replace the folder'},
  help: {type: 'boolean', short: 'h', help: 'Show this help'}
} as const

const paths = {usage: '[paths…]', what: 'paths', min: 0}

function parse(...args: string[]) {
  return parseCommand('try', options, paths, args)
}

/** The UsageError message `work` throws; fails the test if it throws nothing else. */
function usageError(work: () => unknown): string {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }

  throw new Error('expected a UsageError')
}

describe('parsing', () => {
  it('gives defaults, booleans, lists, converted values and positionals', () => {
    expect(parse('a', '--docs', 'src', 'b', '--threads=3', '--rule', 'x', '--rule', 'y')).toEqual({
      values: {
        out: 'output',
        docs: 'src',
        threads: 3,
        rule: ['x', 'y'],
        json: false,
        force: false,
        help: false
      },
      positionals: ['a', 'b']
    })
  })

  it('leaves an optional string without default undefined, and reads `--` as the end of options', () => {
    const parsed = parse('--docs', 'src', '--', '--json')
    if (parsed === 'help') throw new Error('not help')
    expect(parsed.values.threads).toBeUndefined()
    expect(parsed.values.json).toBe(false)
    expect(parsed.positionals).toEqual(['--json'])
  })

  it('answers help before checking anything else', () => {
    expect(parse('--help')).toBe('help')
    expect(parse('-h', '--threads', 'lots')).toBe('help')
  })

  it('checks values with the declared parser', () => {
    expect(usageError(() => parse('--docs', 's', '--threads', '0'))).toBe(
      '`--threads 0`: expected a whole number above 0'
    )
    expect(usageError(() => parse('--docs', 's', '--threads=1.5'))).toContain('whole number')
    expect(positiveInteger('16', '--x')).toBe(16)
  })

  it('refuses an empty value', () => {
    expect(usageError(() => parse('--docs', 's', '--out='))).toBe('`--out` is empty: give DIR')
  })
})

describe('mistakes say what is wrong and point to --help', () => {
  it('an unknown option, with the nearest one when it is close', () => {
    expect(usageError(() => parse('--docs', 's', '--forse'))).toBe(
      'Unknown option `--forse` for `herald try` (did you mean `--force`?): run `herald try --help`'
    )
    expect(usageError(() => parse('--docs', 's', '--zzzzzz'))).toBe(
      'Unknown option `--zzzzzz` for `herald try`: run `herald try --help`'
    )
    expect(usageError(() => parse('-x'))).toContain('Unknown option `-x`')
    // A name of Object.prototype is no option either.
    expect(usageError(() => parse('--constructor'))).toContain('Unknown option `--constructor`')
  })

  it('a string option without its value', () => {
    expect(usageError(() => parse('--docs'))).toBe('`--docs` needs a value: give `--docs SRC`')
    expect(usageError(() => parse('--docs', '--json'))).toBe(
      '`--docs` needs a value, and `--json` looks like an option: give `--docs SRC`, ' +
        'or `--docs=--json` for a value that starts with `-`'
    )
  })

  it('a value given to a flag', () => {
    expect(usageError(() => parse('--json=yes'))).toBe(
      '`--json` takes no value (got `--json=yes`): run `herald try --help`'
    )
  })

  it('a required option missing: all of them are named, and which are missing', () => {
    expect(usageError(() => parse())).toBe('`herald try` needs --docs SRC: run `herald try --help`')
    const two = {...options, out: {...options.out, required: true}}
    expect(usageError(() => parseCommand('try', two, paths, ['--out', 'x']))).toBe(
      '`herald try` needs --out DIR and --docs SRC (--docs SRC missing): run `herald try --help`'
    )
  })

  it('positionals: too few, too many, none allowed', () => {
    const pair = {usage: 'OLD NEW', what: 'two folders, OLD and NEW', min: 2, max: 2}
    expect(usageError(() => parseCommand('try', options, pair, ['--docs', 's', 'a']))).toBe(
      '`herald try` takes two folders, OLD and NEW; got 1: run `herald try --help`'
    )
    expect(() => parseCommand('try', options, pair, ['--docs', 's', 'a', 'b'])).not.toThrow()
    expect(usageError(() => parseCommand('try', options, undefined, ['--docs', 's', 'x']))).toBe(
      '`herald try` takes only options (got `x`): run `herald try --help`'
    )
  })
})

describe('a declared command', () => {
  const ran: unknown[] = []
  const command = defineCommand({
    name: 'try',
    summary: 'Try things',
    usage: 'herald try [paths…] [options]',
    description: 'Tries things.',
    positionals: paths,
    options: {
      out: {type: 'string', value: 'DIR', default: 'output', help: 'Output folder'},
      threads: {
        type: 'string',
        value: 'N',
        parse: positiveInteger,
        defaultText: 'the available cores',
        help: 'Worker threads, as many as the machine has, or fewer when pages are small'
      },
      'a-very-long-option-name': {type: 'string', value: 'VALUE', help: 'Long'}
    },
    exitCodes: 'Exit codes: 0 done.',
    async run(parsed) {
      ran.push(parsed)
      return 7
    }
  })
  const io = (): Io & {out: string} => {
    const captured = {
      out: '',
      stdout: (text: string) => void (captured.out += text),
      stderr: () => {},
      isTerminal: false
    }
    return captured
  }

  it('runs with its parsed arguments and returns the exit code', async () => {
    expect(await command.run(['a', '--threads', '2'], io())).toBe(7)
    expect(ran.at(-1)).toEqual({
      values: {
        out: 'output',
        threads: 2,
        'a-very-long-option-name': undefined,
        debug: false,
        help: false
      },
      positionals: ['a']
    })
    expect(command.synopsis).toBe('try [paths…]')
  })

  it('prints its help, with defaults, wrapped, and the options every command takes', async () => {
    const printed = io()
    expect(await command.run(['--help'], printed)).toBe(0)
    expect(printed.out).toBe(
      [
        'Usage: herald try [paths…] [options]',
        '',
        'Tries things.',
        '',
        'Options:',
        '  --out DIR                 Output folder (default: output)',
        '  --threads N               Worker threads, as many as the machine has, or fewer when',
        '                            pages are small (default: the available cores)',
        '  --a-very-long-option-name VALUE',
        '                            Long',
        '  --debug                   Print stack traces of unexpected errors',
        '  -h, --help                Show this help',
        '',
        'Exit codes: 0 done.',
        ''
      ].join('\n')
    )
    expect(command.help()).toBe(printed.out)
    for (const line of printed.out.split('\n')) expect(line.length).toBeLessThanOrEqual(88)
  })
})

it('wraps words at the width, never inside a word', () => {
  expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd'])
  expect(wrap('a longword b', 4)).toEqual(['a', 'longword', 'b'])
})

it('the help says the engine’s own defaults of the page caps', () => {
  expect(buildTuningOptions['max-file-size'].defaultText).toBe(String(defaultMaxFileSize))
  expect(buildTuningOptions['max-file-time'].defaultText).toBe(String(defaultMaxFileTime))
})
