import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from './helpers/run-cli.js'
import {commands, reportError} from '../pipeline/cli/main.js'
import {DocsSourceError, GitError, UsageError} from '../pipeline/errors.js'

/** `herald` itself: dispatch, version, help, and the one mapping of errors to exit codes. */

const packageJson = path.resolve(import.meta.dirname, '../package.json')
const {version} = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as {version: string}

let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-cli-main-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

describe('dispatch', () => {
  it('--version and -v print the version of package.json', async () => {
    for (const flag of ['--version', '-v']) {
      expect(await runCli(flag)).toEqual({code: 0, stdout: `${version}\n`, stderr: ''})
    }
  })

  it('--help lists every command with its summary; no command at all is a usage error', async () => {
    const help = await runCli('--help')
    expect(help.code).toBe(0)
    for (const command of commands) {
      const line = help.stdout.split('\n').find((row) => row.startsWith(`  ${command.synopsis} `))
      expect(line?.endsWith(` ${command.summary}`), command.name).toBe(true)
    }

    expect(await runCli('help')).toEqual(help)
    const none = await runCli()
    expect(none.code).toBe(2)
    expect(none.stdout).toBe(help.stdout)
  })

  it('`herald help <command>` is `herald <command> --help`', async () => {
    for (const command of commands) {
      const help = await runCli('help', command.name)
      expect(help).toEqual(await runCli(command.name, '--help'))
      expect(help.code).toBe(0)
      expect(help.stdout).toBe(command.help())
      expect(help.stdout).toMatch(new RegExp(`^Usage: herald ${command.name}`))
    }
  })

  it('an unknown command or option says so and points to --help, without a stack trace', async () => {
    expect(await runCli('biuld')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'herald: Unknown command `biuld`: run `herald --help`\n'
    })
    expect(await runCli('--frobnicate')).toMatchObject({
      code: 2,
      stderr: 'herald: Unknown option `--frobnicate`: run `herald --help`\n'
    })
    expect(await runCli('diff', '--josn', 'a', 'b')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'herald: Unknown option `--josn` for `herald diff` (did you mean `--json`?): ' +
        'run `herald diff --help`\n'
    })
    expect(await runCli('history', '--docs')).toMatchObject({
      code: 2,
      stderr: 'herald: `--docs` needs a value: give `--docs SRC`\n'
    })
  })

  it('an expected error of a command: its message, exit 2, no hint to --debug', async () => {
    const missing = path.join(scratch, 'nowhere')
    const result = await runCli('diff', missing, missing)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^herald: No folder/)
    expect(result.stderr).not.toContain('--debug')
  })
})

describe('reportError: the one place errors become messages and exit codes', () => {
  function report(error: unknown, debug = false): {code: number; stderr: string} {
    let stderr = ''
    const code = reportError(error, debug, {
      stdout: () => {},
      stderr: (text) => (stderr += text),
      isTerminal: false
    })
    return {code, stderr}
  }

  it('a HeraldError of any area: its message, exit 2', () => {
    expect(report(new UsageError('`--x` is wrong'))).toEqual({
      code: 2,
      stderr: 'herald: `--x` is wrong\n'
    })
    expect(report(new DocsSourceError('No commit `x`'), true)).toEqual({
      code: 2,
      stderr: 'herald: No commit `x`\n'
    })
    const git = new GitError(['-c', 'a=b', 'log', '--oneline'], 'fatal: bad revision', 128)
    expect(report(git).stderr).toBe('herald: `git log` failed: fatal: bad revision\n')
  })

  it('anything else: its message and how to see the stack, or the stack with --debug', () => {
    const bug = new TypeError('Cannot read properties of undefined')
    const plain = report(bug)
    expect(plain.code).toBe(2)
    expect(plain.stderr).toBe(
      'herald: Cannot read properties of undefined\n' +
        'Run again with --debug for the stack trace, and report it if the input looks valid.\n'
    )
    const debug = report(bug, true)
    expect(debug.stderr).toBe(`herald: Cannot read properties of undefined\n${bug.stack}\n`)
    expect(report('a thrown string').stderr).toMatch(/^herald: a thrown string\nRun again/)
  })
})
