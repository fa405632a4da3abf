import fs from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {ResourceLimits} from 'node:worker_threads'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {tooLarge} from './failed-page.js'
import {PageCache, pageKey} from './page-cache.js'
import {PartMemo} from './part-memo.js'
import type {TwinPage} from './open-twin.js'
import type {PageResult} from './process-page.js'
import {defaultMaxFileTime, defaultWorkerFile, WorkerPool, type Job} from './worker-pool.js'

/**
 * The page engine: pages (a name and bytes) in, page results (records and diagnostics)
 * out, in the order given. Behind it, a content-hash cache of results on disk and a pool
 * of worker threads; the commands never see either. Results depend on a page's name and
 * bytes, the severities and Herald's code only: the same page gives the same result in
 * `herald build`, `regenerate` and `history`.
 */

/** A page to process: bytes, and the name it is reported under (with `/`). */
export interface Page {
  name: string
  bytes: Uint8Array
  /** For a plain page: its twin, the sxs page of the same source commit (see `pairTwins`). */
  twin?: TwinPage
}

/** How the engine runs. */
export interface EngineOptions {
  overrides?: SeverityOverrides
  /** Largest page parsed, in bytes; a larger one is reported (`file-too-large`). */
  maxFileSize?: number
  /** Milliseconds one page may take on a worker. */
  maxFileTime?: number
  /** Worker threads; 1 processes pages in this thread (no time cap). Default: the cores. */
  threads?: number
  /** Where results are cached by content hash; no cache when undefined. */
  cacheFolder?: string
  /** The worker script (tests give one that misbehaves on purpose). */
  workerFile?: URL
  /** Heap limits of each worker. */
  resourceLimits?: ResourceLimits
  /** Heap limits of the worker a page that ran out of memory is tried again on. */
  retryResourceLimits?: ResourceLimits
  /** Called after each page parsed (pages from the cache are not counted). */
  onProgress?: (done: number, total: number) => void
}

/** What the engine did since it was created. */
export interface EngineStats {
  pages: number
  /** Pages parsed; the others came from the cache or were too large to parse. */
  parsed: number
}

/** Default `--max-file-size`. */
export const defaultMaxFileSize = 16 * 1024 * 1024

/**
 * A worker costs its start-up (loading the pipeline, about a second); below a few
 * megabytes of pages a second worker does not pay for itself. One worker still bounds the
 * time of each page.
 */
const minBytesPerWorker = 4 * 1024 * 1024

/** Processes pages, through the cache and the pool. */
export class PageEngine {
  readonly stats: EngineStats = {pages: 0, parsed: 0}
  private readonly cache: PageCache | undefined
  private readonly memo = new PartMemo()
  private pool: WorkerPool | undefined

  constructor(private readonly options: EngineOptions = {}) {
    this.cache = options.cacheFolder ? new PageCache(options.cacheFolder) : undefined
  }

  /** The cache key of a page: what `herald build` compares with its last run. */
  keyOf(page: Page): string {
    return pageKey(page, {overrides: this.options.overrides})
  }

  /**
   * The results of `pages`, in their order. `lanes` keeps the versions of one page on one
   * worker, in order, so that each reuses the parts of the one before (`herald history`).
   */
  async process(pages: readonly Page[], options: {lanes?: boolean} = {}): Promise<PageResult[]> {
    const maxFileSize = this.options.maxFileSize ?? defaultMaxFileSize
    const results: PageResult[] = new Array(pages.length)
    const pending: Array<{index: number; key: string}> = []
    const jobs: Job[] = []
    for (const [index, page] of pages.entries()) {
      this.stats.pages++
      if (page.bytes.length > maxFileSize) {
        results[index] = tooLarge(page.name, page.bytes.length, maxFileSize)
        continue
      }

      const key = this.keyOf(page)
      const cached = this.cache?.get(key)
      if (cached) {
        results[index] = cached
        continue
      }

      pending.push({index, key})
      jobs.push({...page, ...(options.lanes ? {lane: page.name} : {})})
    }

    let done = 0
    const progress = () => this.options.onProgress?.(++done, jobs.length)
    const processed = await this.parse(jobs, progress)
    processed.forEach((result, at) => {
      const {index, key} = pending[at]!
      results[index] = result
      this.cache?.set(key, result)
    })
    this.stats.parsed += jobs.length
    return results
  }

  private async parse(jobs: Job[], progress: () => void): Promise<PageResult[]> {
    const threads = this.options.threads ?? availableParallelism()
    const workerFile = this.options.workerFile ?? defaultWorkerFile
    if (jobs.length === 0) return []
    if (threads <= 1 || !canStartWorkers(workerFile)) {
      const {processPageSafely} = await import('./process-page-safely.js')
      return jobs.map((job) => {
        const result = processPageSafely(job.name, job.bytes, {
          overrides: this.options.overrides,
          // Parts recur only in the versions of one page (a part's key holds the page's
          // name): a memo serves lanes, and in a build would only hold results to no use.
          memo: job.lane === undefined ? undefined : this.memo,
          twin: job.twin
        })
        progress()
        return result
      })
    }

    const bytes = jobs.reduce((sum, job) => sum + job.bytes.length, 0)
    this.pool ??= new WorkerPool({
      threads: Math.max(1, Math.min(threads, Math.ceil(bytes / minBytesPerWorker))),
      maxFileTime: this.options.maxFileTime ?? defaultMaxFileTime,
      overrides: this.options.overrides,
      workerFile,
      resourceLimits: this.options.resourceLimits,
      retryResourceLimits: this.options.retryResourceLimits
    })
    return this.pool.run(jobs, progress)
  }

  /** Ends the workers; the engine can still be used (it starts new ones). */
  async close(): Promise<void> {
    await this.pool?.close()
    this.pool = undefined
  }
}

/**
 * Workers run compiled JavaScript: from the TypeScript sources (as the tests run them)
 * there is no worker file, and pages are processed in this thread.
 */
function canStartWorkers(workerFile: URL): boolean {
  return workerFile.protocol === 'file:' && fs.existsSync(fileURLToPath(workerFile))
}
