import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {PageResult} from './process-page.js'
import type {PageTask} from './page-worker.js'
import {failedFile, processBytes, type ReadOptions} from './read-page.js'

/**
 * Processes pages on worker threads, one page per worker at a time. A page that takes
 * longer than `maxFileTime` has its worker terminated and is reported; the pool starts
 * a fresh worker and goes on. With `threads: 1`, or where the compiled worker is not
 * there (tests run the TypeScript sources), pages are processed in this thread, without
 * a time cap.
 */

const workerFile = new URL('./page-worker.js', import.meta.url)

export interface PoolOptions extends ReadOptions {
  threads: number
  /** Called after each page with the count done so far. */
  onProgress?: (done: number, total: number) => void
  /** Milliseconds one page may take on a worker. */
  maxFileTime: number
}

export const defaultMaxFileTime = 60_000

/**
 * A worker costs its start-up: loading the pipeline and building the CLDR tables of
 * each locale it meets (about a second on this corpus). Below a few megabytes of pages
 * a second worker does not pay for itself.
 */
const minWorkerBytes = 4 * 1024 * 1024

export function canUseWorkers(): boolean {
  return workerFile.protocol === 'file:' && fs.existsSync(fileURLToPath(workerFile))
}

export interface Job {
  name: string
  bytes: Uint8Array
}

/**
 * Parsing allocates short-lived objects at a high rate; a young generation larger than
 * V8's default (what `--max-semi-space-size=64` gives the main thread) spends far less
 * time in scavenges — see ../shared/PERF.md.
 */
const youngGenerationMb = 192

/** A page that needs more heap than this is reported (`file-crashed`), not the run. */
const oldGenerationMb = 4096

function startWorker(): Worker {
  return new Worker(workerFile, {
    resourceLimits: {
      maxYoungGenerationSizeMb: youngGenerationMb,
      maxOldGenerationSizeMb: oldGenerationMb
    }
  })
}

export async function processInPool(jobs: Job[], options: PoolOptions): Promise<PageResult[]> {
  const readOptions: ReadOptions = {overrides: options.overrides, maxFileSize: options.maxFileSize}
  if (options.threads <= 1 || jobs.length === 0 || !canUseWorkers()) {
    return jobs.map((job, index) => {
      const result = processBytes(job.name, job.bytes, readOptions)
      options.onProgress?.(index + 1, jobs.length)
      return result
    })
  }

  const results: PageResult[] = new Array(jobs.length)
  let next = 0
  let done = 0
  const finished = () => options.onProgress?.(++done, jobs.length)

  const runWorker = () =>
    new Promise<void>((resolve) => {
      // A larger young generation halves the time spent in scavenges on these pages.
      let worker = startWorker()
      let timer: NodeJS.Timeout | undefined
      let current = -1

      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate()
          resolve()
          return
        }

        current = next++
        const job = jobs[current]!
        timer = setTimeout(onTimeout, options.maxFileTime)
        const task: PageTask = {id: current, name: job.name, bytes: job.bytes, options: readOptions}
        worker.postMessage(task)
      }

      const onMessage = (message: {id: number; result: PageResult}) => {
        clearTimeout(timer)
        results[message.id] = message.result
        finished()
        feed()
      }

      const onError = (error: Error) => {
        clearTimeout(timer)
        results[current] = failedFile(jobs[current]!.name, {
          line: null,
          column: null,
          ruleId: 'file-crashed',
          severity: 'error',
          reason: `Herald's worker failed on this file (${error.message}): please report it with the file`
        })
        finished()
        restart()
      }

      const onTimeout = () => {
        results[current] = failedFile(jobs[current]!.name, {
          line: null,
          column: null,
          ruleId: 'file-timeout',
          severity: 'error',
          reason: `Processing took longer than ${options.maxFileTime} ms: stopped; raise the cap with \`--max-file-time\` if the page is real`
        })
        finished()
        restart()
      }

      const attach = () => {
        worker.on('message', onMessage)
        worker.on('error', onError)
      }

      const restart = () => {
        worker.removeAllListeners()
        void worker.terminate()
        worker = startWorker()
        attach()
        feed()
      }

      attach()
      feed()
    })

  // One worker still bounds the time of each page; more pay off only for megabytes.
  const bytes = jobs.reduce((sum, job) => sum + job.bytes.length, 0)
  const threads = bytes < minWorkerBytes ? 1 : Math.min(options.threads, jobs.length)
  await Promise.all(Array.from({length: threads}, runWorker))
  return results
}
