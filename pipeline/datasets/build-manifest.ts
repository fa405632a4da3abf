import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type {Report} from '../types/report.js'

/**
 * What the last build into an output folder read and wrote. When every input hashes
 * the same and the output files are as that build left them, the build has nothing
 * to do: it prints the recorded report instead of re-assembling and rewriting tens of
 * megabytes of identical JSON.
 */

interface Manifest {
  inputs: string
  outputs: Record<string, {size: number; mtimeMs: number}>
  report: Report
}

export class BuildManifest {
  private readonly file: string

  constructor(
    cacheFolder: string,
    private readonly out: string
  ) {
    const id = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16)
    this.file = path.join(cacheFolder, 'builds', `${id}.json`)
  }

  private static inputsHash(keys: string[]): string {
    return createHash('sha256').update(keys.join('\n')).digest('hex')
  }

  private stat(name: string): {size: number; mtimeMs: number} | undefined {
    try {
      const stat = fs.statSync(path.join(this.out, name))
      return {size: stat.size, mtimeMs: stat.mtimeMs}
    } catch {
      return undefined
    }
  }

  /** The recorded report when nothing changed, else undefined. */
  unchanged(keys: string[]): Report | undefined {
    let manifest: Manifest
    try {
      manifest = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Manifest
    } catch {
      return undefined
    }

    if (manifest.inputs !== BuildManifest.inputsHash(keys)) return undefined
    for (const [name, recorded] of Object.entries(manifest.outputs)) {
      const now = this.stat(name)
      if (!now || now.size !== recorded.size || now.mtimeMs !== recorded.mtimeMs) return undefined
    }

    return manifest.report
  }

  record(keys: string[], report: Report, names: string[]): void {
    const outputs: Manifest['outputs'] = {}
    for (const name of names) {
      const stat = this.stat(name)
      if (stat) outputs[name] = stat
    }

    try {
      fs.mkdirSync(path.dirname(this.file), {recursive: true})
      const manifest: Manifest = {inputs: BuildManifest.inputsHash(keys), outputs, report}
      fs.writeFileSync(`${this.file}.tmp`, JSON.stringify(manifest))
      fs.renameSync(`${this.file}.tmp`, this.file)
    } catch {
      // Without a manifest the next build only does more work.
    }
  }
}
