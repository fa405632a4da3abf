import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * What the last run into an output folder read and wrote. When everything it read is the
 * same (the caller's keys: page hashes for a build, the commits walked for a history) and
 * the output files are as that run left them, the run has nothing to do: it reports what
 * the last one found instead of re-assembling and rewriting tens of megabytes of
 * identical JSON. Kept in the cache folder, by output folder.
 */

interface Manifest<T> {
  inputs: string
  outputs: Record<string, {size: number; mtimeMs: number}>
  result: T
}

/** The manifest of the runs into one output folder. */
export class RunManifest<T> {
  private readonly file: string

  constructor(
    cacheFolder: string,
    private readonly out: string
  ) {
    const id = createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16)
    this.file = path.join(cacheFolder, 'runs', `${id}.json`)
  }

  private static inputsHash(keys: readonly string[]): string {
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

  /** What the last run found, when it read the same `keys` and its output is untouched. */
  unchanged(keys: readonly string[]): T | undefined {
    let manifest: Manifest<T>
    try {
      manifest = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Manifest<T>
    } catch {
      return undefined
    }

    if (manifest.inputs !== RunManifest.inputsHash(keys)) return undefined
    for (const [name, recorded] of Object.entries(manifest.outputs)) {
      const now = this.stat(name)
      if (!now || now.size !== recorded.size || now.mtimeMs !== recorded.mtimeMs) return undefined
    }

    return manifest.result
  }

  /** Records a run that read `keys`, wrote the files `names` and found `result`. */
  record(keys: readonly string[], result: T, names: readonly string[]): void {
    const outputs: Manifest<T>['outputs'] = {}
    for (const name of names) {
      const stat = this.stat(name)
      if (stat) outputs[name] = stat
    }

    try {
      fs.mkdirSync(path.dirname(this.file), {recursive: true})
      const manifest: Manifest<T> = {inputs: RunManifest.inputsHash(keys), outputs, result}
      fs.writeFileSync(`${this.file}.tmp`, JSON.stringify(manifest))
      fs.renameSync(`${this.file}.tmp`, this.file)
    } catch {
      // Without a manifest the next run only does more work.
    }
  }
}
