import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../pipeline/cli/main.js'
import {datasetFiles} from '../pipeline/engine/build.js'
import {recoverInterruptedWrite, writeDatasets} from '../pipeline/datasets/write-folder.js'
import {validateDataset, type SchemaName} from '../pipeline/datasets/validate.js'

const root = path.resolve(import.meta.dirname, '..')
const compiled = fs.existsSync(path.join(root, 'dist', 'cli.js'))

function temporary(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'herald-write-'))
}

function capture() {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    isTerminal: false
  }
  return io
}

/** Every dataset file is there, parses, and passes its schema. */
function isWholeOutput(folder: string): boolean {
  for (const [name, file] of Object.entries(datasetFiles)) {
    const full = path.join(folder, file)
    if (!fs.existsSync(full)) return false
    if (
      validateDataset(name as SchemaName, JSON.parse(fs.readFileSync(full, 'utf8'))) !== undefined
    )
      return false
  }

  return true
}

describe('output folder', () => {
  it('writes every file of a run or none', () => {
    const folder = temporary()
    const out = path.join(folder, 'out')
    writeDatasets(out, {'entries.json': '[]\n', 'report.json': '{}\n'})
    expect(fs.readdirSync(out).sort()).toEqual(['entries.json', 'report.json'])
    writeDatasets(out, {'entries.json': '[1]\n'})
    expect(fs.readdirSync(out)).toEqual(['entries.json'])
    expect(fs.readdirSync(folder)).toEqual(['out'])
  })

  it('refuses to replace a folder holding files Herald did not write, unless --force', async () => {
    const folder = temporary()
    const out = path.join(folder, 'mine')
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(out, 'thesis.docx'), 'precious')
    const io = capture()
    const code = await main(
      ['build', path.join(root, 'test/fixtures/sxs-entry'), '--out', out, '--no-cache'],
      io
    )
    expect(code).toBe(2)
    expect(io.err).toContain('holds files Herald did not write (`thesis.docx`)')
    expect(io.err).toContain('--force')
    expect(io.err).not.toContain('    at ')
    expect(fs.readdirSync(out)).toEqual(['thesis.docx'])

    const forced = await main(
      ['build', path.join(root, 'test/fixtures/sxs-entry'), '--out', out, '--no-cache', '--force'],
      capture()
    )
    expect(forced).toBe(0)
    expect(fs.readdirSync(out)).not.toContain('thesis.docx')
    expect(isWholeOutput(out)).toBe(true)
  })

  it('puts back the previous output when a run died between its two renames', () => {
    const folder = temporary()
    const out = path.join(folder, 'out')
    fs.mkdirSync(`${out}.herald-old`)
    fs.writeFileSync(path.join(`${out}.herald-old`, 'entries.json'), '[]\n')
    fs.mkdirSync(`${out}.herald-tmp-12345`)
    recoverInterruptedWrite(out)
    expect(fs.readdirSync(folder)).toEqual(['out'])
    expect(fs.readFileSync(path.join(out, 'entries.json'), 'utf8')).toBe('[]\n')
  })

  it.runIf(compiled)(
    'leaves the previous output whole and valid when killed at any moment (SIGKILL)',
    async () => {
      const folder = temporary()
      const out = path.join(folder, 'out')
      const input = path.join(root, 'input')
      const build = (delay: number) =>
        new Promise<void>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              path.join(root, 'bin/herald.js'),
              'build',
              input,
              '--out',
              out,
              '--no-cache',
              '--threads',
              '1'
            ],
            {stdio: 'ignore'}
          )
          const timer = setTimeout(() => child.kill('SIGKILL'), delay)
          child.on('exit', () => {
            clearTimeout(timer)
            resolve()
          })
        })

      await build(60_000)
      expect(isWholeOutput(out)).toBe(true)
      for (let round = 0; round < 12; round++) {
        // Spread the kills over a run (about a second): reading, parsing, writing, swapping.
        await build(150 + round * 90)
        const whole =
          isWholeOutput(out) || (!fs.existsSync(out) && isWholeOutput(`${out}.herald-old`))
        expect(whole, `round ${round}`).toBe(true)
        recoverInterruptedWrite(out)
        expect(isWholeOutput(out), `round ${round} after recovery`).toBe(true)
      }
    },
    120_000
  )
})
