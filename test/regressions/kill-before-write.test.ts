import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {recoverInterruptedWrite, writeFolder} from '../../pipeline/datasets/write-folder.js'
import {root, scratchFolder, snapshot} from '../helpers/scratch.js'

// The SIGKILL test killed a build after a delay, which could land before any write and
// pass without testing the swap. Here the writer stops at each step of the write — the
// staging folder made, the files written and synced, the old folder moved aside, the new
// one swapped in — and is killed exactly there.
const oldFiles = {'entries.json': '[1]\n', 'report.json': '{"old":true}\n'}
const newFiles = {'entries.json': '[2]\n', 'report.json': '{"new":true}\n', 'offers.json': '[]\n'}

function killAt(out: string, step: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'test', 'helpers', 'write-and-stop.mjs'),
        out,
        JSON.stringify(newFiles),
        step
      ],
      {stdio: ['ignore', 'pipe', 'inherit']}
    )
    let said = ''
    child.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString()
      if (said.includes(`at ${step}\n`)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve(`${said.trim()} (${signal ?? 'exited'})`))
  })
}

it('leaves the old or the new folder whole when killed at any step of the write', async () => {
  for (const step of ['staging', 'staged', 'old-moved', 'swapped']) {
    const out = path.join(scratchFolder(), 'out')
    writeFolder(out, oldFiles, {writer: 'build'})
    expect(await killAt(out, step), step).toBe(`at ${step} (SIGKILL)`)

    // What a reader sees right after the kill: the old set, the new set, or (between the
    // two renames) no folder and the old set beside it.
    const seen = fs.existsSync(out) ? snapshot(out) : snapshot(`${out}.herald-old`)
    expect([oldFiles, newFiles], step).toContainEqual(seen)

    // The next run puts back what the killed one left.
    recoverInterruptedWrite(out)
    expect(snapshot(out), step).toEqual(step === 'swapped' ? newFiles : oldFiles)
    expect(fs.readdirSync(path.dirname(out)), step).toEqual(['out'])
  }
})
