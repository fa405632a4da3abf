import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {PageEngine} from '../../pipeline/engine/engine.js'

// Workers have a 1 GB heap so that V8 collects early and a build's peak memory stays low;
// with that alone, a page that needs more (a 16 MB single-line page) crashed its worker
// and was reported. It is now tried once more on a worker of its own with a larger heap.
// Here the same, scaled down: a 64 MB heap for the pool, 1 GB for the retry.
const root = path.resolve(import.meta.dirname, '..', '..')
const workerFile = new URL('../../dist/engine/page-worker.js', import.meta.url)

it.runIf(fs.existsSync(path.join(root, 'dist', 'engine', 'page-worker.js')))(
  'processes a page that outgrows the worker heap on a larger one, and only that page',
  async () => {
    const front = '---\nms.contentlocale: fr-FR\n---\n## <a name="slug-one"></a>Titre\n\n'
    const large = front + 'Une annonce de nouvelles offres. '.repeat(150_000) + '\n'
    const small = front + 'Une annonce.\n'
    const run = async (retryMb: number) => {
      const engine = new PageEngine({
        threads: 2,
        workerFile,
        resourceLimits: {maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64},
        retryResourceLimits: {maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: retryMb}
      })
      try {
        return await engine.process([
          {name: 'fr-fr/2020-november.md', bytes: new TextEncoder().encode(large)},
          {name: 'fr-fr/2020-december.md', bytes: new TextEncoder().encode(small)}
        ])
      } finally {
        await engine.close()
      }
    }

    // Too little heap on the retry too: reported, and the other page goes on.
    const failed = await run(64)
    expect(failed.map((result) => result.report.status)).toEqual(['failed', 'processed'])
    expect(failed[0]!.messages).toMatchObject([
      {ruleId: 'file-crashed', reason: expect.stringMatching(/memory limit/)}
    ])

    const retried = await run(1024)
    expect(retried.map((result) => result.report.status)).toEqual(['processed', 'processed'])
    expect(retried[0]!.entries).toHaveLength(1)
  }
)
