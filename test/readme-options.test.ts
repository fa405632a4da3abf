import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {commands} from '../pipeline/cli/main.js'
import {optionLabel} from '../pipeline/cli/options.js'

/**
 * The README's option tables and the commands' declarations say the same: each command
 * has a `### \`herald <command> …\`` section whose table lists every option it takes
 * (`-h, --help` excepted: the CLI section says every command takes it), and no other.
 */

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8')

/** The options of the table after each `### \`herald <command>` heading, by command. */
function readmeTables(): Map<string, string[]> {
  const tables = new Map<string, string[]>()
  let command: string | undefined
  for (const line of readme.split('\n')) {
    const heading = /^#{2,4} `herald ([a-z]+)\b/.exec(line)
    if (heading) {
      command = heading[1]!
      expect(tables.has(command), `two sections for herald ${command}`).toBe(false)
      tables.set(command, [])
    } else if (line.startsWith('#')) command = undefined
    else if (command && line.startsWith('| `-')) {
      tables.get(command)!.push(/^\| `([^`]+)`/.exec(line)![1]!)
    }
  }

  return tables
}

it('every command has a section with an option table in the README, and no other command', () => {
  const tables = readmeTables()
  expect([...tables.keys()].sort()).toEqual(commands.map((command) => command.name).sort())
})

it.each(commands.map((command) => ({name: command.name, command})))(
  'the README table of herald $name lists its options, and only those',
  ({command}) => {
    const declared = Object.entries(command.options)
      .filter(([flag]) => flag !== 'help')
      .map(([flag, option]) => optionLabel(flag, option))
    const listed = readmeTables().get(command.name) ?? []
    expect({missing: declared.filter((label) => !listed.includes(label))}).toEqual({missing: []})
    expect({unknown: listed.filter((label) => !declared.includes(label))}).toEqual({unknown: []})
    expect(new Set(listed).size).toBe(listed.length)
  }
)
