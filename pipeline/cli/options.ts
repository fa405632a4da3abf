import {parseArgs} from 'node:util'
import {closest, distance} from 'fastest-levenshtein'
import {UsageError} from '../errors.js'
import type {Io} from './io.js'

/**
 * The one option/usage helper of the command line. A command is declared once, as data
 * (name, summary, usage, description, positionals, options); from that declaration come
 * the parsing (node:util `parseArgs`, strict), the checks of values (numbers, dates, rule
 * severities), the required options, and the `--help` text. A mistake on the command line
 * is a `UsageError` that says what is wrong and points to `herald <command> --help`.
 *
 * This module and the declarations stay cheap to load: `herald <command> --help` loads
 * nothing else, and a command's implementation is imported only when it runs.
 */

/** One option of a command. */
export interface OptionDeclaration {
  type: 'string' | 'boolean'
  /** The value's name in the help and in messages (`DIR`, `N`, `ID=SEVERITY`); string options only. */
  value?: string
  /** A one-letter alias (`h` for `-h`). */
  short?: string
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean
  /** The value when the option is not given (string options). */
  default?: string
  /** The default as the help says it, when that is not the value itself ("the available cores"). */
  defaultText?: string
  /** The command cannot run without it. */
  required?: boolean
  /** What the option does, in one sentence (wrapped in the help). */
  help: string
  /** Checks and converts a value; throws a UsageError that names the flag. */
  parse?: (value: string, flag: string) => unknown
}

/** The options of a command, by long name without `--`. */
export type OptionDeclarations = Record<string, OptionDeclaration>

/** The arguments a command takes besides its options. */
export interface PositionalDeclaration {
  /** As the usage line shows them: `OLD NEW`, `[paths…]`, `[NAME]`. */
  usage: string
  /** What they are, for a message about their number: "two folders (or REV:PATH), OLD and NEW". */
  what: string
  min: number
  /** Default: any number. */
  max?: number
}

/** A command, as declared in `cli/<command>.ts`. */
export interface CommandDeclaration<Options extends OptionDeclarations> {
  name: string
  /** One line for `herald --help`. */
  summary: string
  /** The usage line without `Usage: ` (`herald diff OLD NEW [options]`). */
  usage: string
  /** What the command does: paragraphs, already wrapped. */
  description: string
  positionals?: PositionalDeclaration
  options: Options
  /** The exit codes, one sentence or more (already wrapped). */
  exitCodes: string
  /** Runs the command on its parsed arguments; returns the exit code. */
  run: (parsed: Parsed<Options & typeof commonOptions>, io: Io) => Promise<number>
}

/** A declared command, ready to run on its arguments. */
export interface Command {
  name: string
  summary: string
  /** `diff OLD NEW`: the name and its positionals, for `herald --help`. */
  synopsis: string
  /** Every option, `--help` and `--debug` included. */
  options: OptionDeclarations
  /** The `--help` text. */
  help: () => string
  /** Parses `args`, prints the help when asked, else runs the command. */
  run: (args: string[], io: Io) => Promise<number>
}

/** The value an option gives a command. */
type ValueOf<Option> = Option extends {type: 'boolean'}
  ? boolean
  : Option extends {parse: (value: string, flag: string) => infer Value}
    ? Option extends {multiple: true}
      ? Value[]
      : Value
    : Option extends {multiple: true}
      ? string[]
      : string

/** Options that always have a value: booleans, lists, defaults and required ones. */
type AlwaysSet = {type: 'boolean'} | {multiple: true} | {default: string} | {required: true}

/** The parsed arguments of a command. */
export interface Parsed<Options extends OptionDeclarations> {
  values: {
    [Name in keyof Options]: Options[Name] extends AlwaysSet
      ? ValueOf<Options[Name]>
      : ValueOf<Options[Name]> | undefined
  }
  positionals: string[]
}

/** Options every command takes. */
export const commonOptions = {
  debug: {type: 'boolean', help: 'Print stack traces of unexpected errors'},
  help: {type: 'boolean', short: 'h', help: 'Show this help'}
} as const satisfies OptionDeclarations

/** The option table `parseArgs` takes. */
type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'] & {}

/** Columns of the help text. */
const helpWidth = 88

/** Declares a command: parsing, checks and help all come from this one declaration. */
export function defineCommand<const Options extends OptionDeclarations>(
  declaration: CommandDeclaration<Options>
): Command {
  const options: OptionDeclarations = {...declaration.options, ...commonOptions}
  const help = () => helpText(declaration, options)
  return {
    name: declaration.name,
    summary: declaration.summary,
    synopsis: [declaration.name, declaration.positionals?.usage].filter(Boolean).join(' '),
    options,
    help,
    async run(args, io) {
      const parsed = parseCommand(declaration.name, options, declaration.positionals, args)
      if (parsed === 'help') {
        io.stdout(help())
        return 0
      }

      return declaration.run(parsed as unknown as Parsed<Options & typeof commonOptions>, io)
    }
  }
}

/** `--out DIR`, `-h, --help`: an option as the help and the README show it. */
export function optionLabel(name: string, option: OptionDeclaration): string {
  const long = `--${name}${option.value ? ` ${option.value}` : ''}`
  return option.short ? `-${option.short}, ${long}` : long
}

/**
 * Parses the arguments of command `name`: 'help' when `--help` is given; else the values
 * (checked and converted) and positionals. Throws a UsageError for anything wrong.
 */
export function parseCommand(
  name: string,
  options: OptionDeclarations,
  positionals: PositionalDeclaration | undefined,
  args: string[]
): {values: Record<string, unknown>; positionals: string[]} | 'help' {
  const config: ParseArgsOptions = Object.fromEntries(
    Object.entries(options).map(([flag, option]) => [
      flag,
      {
        type: option.type,
        ...(option.short ? {short: option.short} : {}),
        ...(option.multiple ? {multiple: true} : {})
      }
    ])
  )
  checkTokens(name, options, config, args)
  let parsed
  try {
    parsed = parseArgs({args, options: config, allowPositionals: true, strict: true})
  } catch (error) {
    // checkTokens says what is wrong in words; this is for what it does not foresee.
    const code = (error as {code?: string}).code ?? ''
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error
    throw new UsageError(`${(error as Error).message}: run \`herald ${name} --help\``)
  }

  if (parsed.values.help) return 'help'
  const values: Record<string, unknown> = {}
  const missing: string[] = []
  for (const [flag, option] of Object.entries(options)) {
    const given = parsed.values[flag]
    if (option.type === 'boolean') {
      values[flag] = given === true
      continue
    }

    const texts = (Array.isArray(given) ? given : given === undefined ? [] : [given]) as string[]
    for (const text of texts) {
      if (text === '') {
        throw new UsageError(`\`--${flag}\` is empty: give ${option.value ?? 'a value'}`)
      }
    }

    const convert = (text: string) => (option.parse ? option.parse(text, `--${flag}`) : text)
    if (option.multiple) values[flag] = texts.map(convert)
    else if (texts[0] !== undefined) values[flag] = convert(texts[0])
    else if (option.default !== undefined) values[flag] = convert(option.default)
    else if (option.required) missing.push(optionLabel(flag, option))
  }

  if (missing.length > 0) {
    // All the required options, so that one message says what a whole call looks like.
    const required = Object.entries(options)
      .filter(([, option]) => option.required)
      .map(([flag, option]) => optionLabel(flag, option))
    const which = required.length > 1 ? ` (${missing.join(' and ')} missing)` : ''
    throw new UsageError(
      `\`herald ${name}\` needs ${required.join(' and ')}${which}: run \`herald ${name} --help\``
    )
  }

  checkPositionals(name, positionals, parsed.positionals)
  return {values, positionals: parsed.positionals}
}

/** An unknown option, a missing value, a value given to a flag: said in words. */
function checkTokens(
  name: string,
  options: OptionDeclarations,
  config: ParseArgsOptions,
  args: string[]
): void {
  const {tokens} = parseArgs({
    args,
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  const shorts = new Set(Object.values(options).flatMap((option) => option.short ?? []))
  const next = `run \`herald ${name} --help\``
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    // parseArgs names a declared short option by its long name: `-h` is `help`.
    const known = token.rawName.startsWith('--') || shorts.has(token.rawName.slice(1))
    const flag = token.name
    const option = known && Object.hasOwn(options, flag) ? options[flag] : undefined
    if (option === undefined) {
      throw new UsageError(
        `Unknown option \`${token.rawName}\` for \`herald ${name}\`${suggestion(token.rawName, options)}: ${next}`
      )
    }

    if (option.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(
        `\`${token.rawName}\` takes no value (got \`${args[token.index]}\`): ${next}`
      )
    }

    if (option.type === 'string' && token.value === undefined) {
      throw new UsageError(
        `\`${token.rawName}\` needs a value: give \`${optionLabel(flag, option)}\``
      )
    }

    if (option.type === 'string' && !token.inlineValue && token.value!.startsWith('-')) {
      throw new UsageError(
        `\`${token.rawName}\` needs a value, and \`${token.value}\` looks like an option: ` +
          `give \`${optionLabel(flag, option)}\`, or \`--${flag}=${token.value}\` for a value that starts with \`-\``
      )
    }
  }
}

/** ` (did you mean \`--force\`?)` for a near miss; nothing when no option is close. */
function suggestion(given: string, options: OptionDeclarations): string {
  const flags = Object.keys(options).map((flag) => `--${flag}`)
  const bare = given.startsWith('--') ? given : `--${given.replace(/^-+/, '')}`
  const near = closest(bare, flags)
  // Two edits (a swap of two letters is two) in a name of six characters or more.
  return distance(bare, near) <= (bare.length >= 6 ? 2 : 1) ? ` (did you mean \`${near}\`?)` : ''
}

function checkPositionals(
  name: string,
  declared: PositionalDeclaration | undefined,
  given: string[]
): void {
  const min = declared?.min ?? 0
  const max = declared?.max ?? (declared ? Number.POSITIVE_INFINITY : 0)
  if (given.length >= min && given.length <= max) return
  const next = `run \`herald ${name} --help\``
  if (!declared || max === 0) {
    throw new UsageError(`\`herald ${name}\` takes only options (got \`${given[0]}\`): ${next}`)
  }

  throw new UsageError(`\`herald ${name}\` takes ${declared.what}; got ${given.length}: ${next}`)
}

/** Words of `text` in lines of at most `width` columns. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }

  if (line) lines.push(line)
  return lines
}

/** The `--help` text of a command. */
function helpText(
  declaration: Pick<CommandDeclaration<OptionDeclarations>, 'usage' | 'description' | 'exitCodes'>,
  options: OptionDeclarations
): string {
  const labels = Object.entries(options).map(([flag, option]) => optionLabel(flag, option))
  // Labels longer than this go on a line of their own, the help below them.
  const column = Math.min(Math.max(...labels.map((label) => label.length)) + 2, 26)
  const rows = Object.values(options).flatMap((option, index) => {
    const label = labels[index]!
    const shownDefault = option.defaultText ?? option.default
    const help =
      shownDefault === undefined ? option.help : `${option.help} (default: ${shownDefault})`
    const lines = wrap(help, helpWidth - 2 - column)
    const indent = ' '.repeat(2 + column)
    const first = label.length + 2 <= column ? `  ${label.padEnd(column)}${lines[0]}` : undefined
    return [
      ...(first ? [first] : [`  ${label}`, `${indent}${lines[0]}`]),
      ...lines.slice(1).map((line) => `${indent}${line}`)
    ]
  })

  return [
    `Usage: ${declaration.usage}`,
    '',
    declaration.description.trimEnd(),
    '',
    'Options:',
    ...rows,
    '',
    declaration.exitCodes.trimEnd(),
    ''
  ].join('\n')
}

/** Checks a value that must be a whole number above 0 (`--threads 2`). */
export function positiveInteger(value: string, flag: string): number {
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) {
    throw new UsageError(`\`${flag} ${value}\`: expected a whole number above 0`)
  }

  return number
}
