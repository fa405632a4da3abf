import {Worker, type ResourceLimits} from 'node:worker_threads'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {crashed, timedOut} from './failed-page.js'
import type {PageResult} from './process-page.js'
import type {TwinPage} from './open-twin.js'
import type {WorkerReply, WorkerTask} from './page-worker.js'

/**
 * Processes pages on worker threads, one page per worker at a time. A worker first loads
 * the pipeline and says it is ready; only then is it given a page and the page's clock
 * started, so `--max-file-time` counts the page, never the worker's start-up. A page over
 * its time has its worker terminated and is reported (`file-timeout`); a worker that
 * crashes or runs out of memory fails its page (`file-crashed`); either way a fresh worker
 * takes its place and the pool goes on. Workers live until `close()`, across runs.
 */

/** A page to process. */
export interface Job {
  name: string
  bytes: Uint8Array
  twin?: TwinPage
  /**
   * Jobs of one lane go to one worker, in order: the versions of one page, so that the
   * worker's memo of page parts serves the next version.
   */
  lane?: string
}

/** How the pool runs. */
export interface PoolOptions {
  threads: number
  /** Milliseconds one page may take once its worker is ready. */
  maxFileTime: number
  overrides?: SeverityOverrides
  /** The worker script (tests give one that misbehaves on purpose). */
  workerFile?: URL
  /** Limits of each worker's heap. */
  resourceLimits?: ResourceLimits
  /** Limits of the worker a page that ran out of memory is tried again on. */
  retryResourceLimits?: ResourceLimits
}

/** Default `--max-file-time`. */
export const defaultMaxFileTime = 60_000

/** The compiled worker, beside this module in `dist/`. */
export const defaultWorkerFile = new URL('./page-worker.js', import.meta.url)

/**
 * Parsing allocates short-lived objects at a high rate, and a young generation larger
 * than V8's default spends less time in scavenges (see ../shared/PERF.md); but every
 * worker holds its young generation whole, and a build's peak memory is its workers'.
 * Measured on the corpus (2 workers): 192 MB took a full build to 700–950 MB of peak RSS,
 * 64 MB to 530–630 MB, 32 MB to ~500 MB, with no run time difference beyond the noise of a
 * busy machine. V8 sizes its old generation by the cap too: at 4 GB the workers grew to
 * ~300 MB each on the corpus, at 1 GB they collect earlier (a full build's peak RSS 620 →
 * 450–480 MB, no slower). A page that needs more than that (a 16 MB single-line page does)
 * gets one more try on a worker of its own with `retryLimits`; past those it is reported
 * (`file-crashed`), not the run.
 */
const defaultLimits: ResourceLimits = {maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 1024}

/** The heap of the one-off worker a page that ran out of memory is tried again on. */
const retryLimits: ResourceLimits = {maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 4096}

/**
 * How long a worker may take to load the pipeline before it counts as broken. Generous:
 * start-up is a second or two, more on a machine busy with other work.
 */
const startTimeout = 120_000

interface Slot {
  worker: Worker
  /** Resolves when the worker is ready; rejects with why it could not start. */
  ready: Promise<void>
}

/** A pool of page workers. */
export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly laneOwners = new Map<string, Slot>()

  constructor(private readonly options: PoolOptions) {}

  private start(limits = this.options.resourceLimits ?? defaultLimits): Slot {
    const worker = new Worker(this.options.workerFile ?? defaultWorkerFile, {
      workerData: {overrides: this.options.overrides ?? {}},
      resourceLimits: limits
    })
    // Between pages nobody listens; an 'error' event without a listener would end the run.
    worker.on('error', () => {})
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the worker did not start within ${startTimeout} ms`)),
        startTimeout
      )
      const settle = (error?: Error) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', settle)
        worker.off('exit', onExit)
        if (error) reject(error)
        else resolve()
      }

      const onMessage = (message: WorkerReply) => {
        if (message.type === 'ready') settle()
      }

      const onExit = (code: number) => settle(new Error(`the worker exited with code ${code}`))
      worker.on('message', onMessage)
      worker.on('error', settle)
      worker.on('exit', onExit)
    })
    // A worker that fails to start is seen by whoever awaits it; not an unhandled rejection.
    ready.catch(() => {})
    return {worker, ready}
  }

  private replace(slot: Slot): Slot {
    void slot.worker.terminate()
    const fresh = this.start()
    this.slots[this.slots.indexOf(slot)] = fresh
    for (const [lane, owner] of this.laneOwners)
      if (owner === slot) this.laneOwners.set(lane, fresh)
    return fresh
  }

  /**
   * Runs one job on a ready worker; resolves with its result, the slot to go on with (a
   * pool slot whose worker failed is replaced), and whether the worker ran out of memory.
   */
  private runOn(
    slot: Slot,
    job: Job,
    id: number,
    pooled = true
  ): Promise<{result: PageResult; slot: Slot; outOfMemory: boolean}> {
    return new Promise((resolve) => {
      const {worker} = slot
      const finish = (result: PageResult, failed: boolean, outOfMemory = false) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        resolve({result, slot: failed && pooled ? this.replace(slot) : slot, outOfMemory})
      }

      const onMessage = (message: WorkerReply) => {
        if (message.type === 'result' && message.id === id) finish(message.result, false)
      }

      const onError = (error: Error) =>
        finish(
          crashed(job.name, `its worker failed: ${error.message}`),
          true,
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        )
      const onExit = (code: number) =>
        finish(crashed(job.name, `its worker exited with code ${code}`), true)
      const timer = setTimeout(
        () => finish(timedOut(job.name, this.options.maxFileTime), true),
        this.options.maxFileTime
      )
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      const task: WorkerTask = {
        id,
        name: job.name,
        bytes: job.bytes,
        twin: job.twin,
        memo: job.lane !== undefined
      }
      worker.postMessage(task)
    })
  }

  /** Runs a job that ran out of memory once more, on a worker of its own with a larger heap. */
  private async retryAlone(job: Job, id: number): Promise<PageResult> {
    const alone = this.start(this.options.retryResourceLimits ?? retryLimits)
    try {
      await alone.ready
      return (await this.runOn(alone, job, id, false)).result
    } catch (error) {
      return crashed(job.name, `no worker could start: ${(error as Error).message}`)
    } finally {
      void alone.worker.terminate()
    }
  }

  /** Processes the jobs; results in the order of `jobs`. */
  async run(jobs: readonly Job[], onDone?: () => void): Promise<PageResult[]> {
    const results: PageResult[] = new Array(jobs.length)
    const waiting = jobs.map((job, index) => ({job, index}))
    const wanted = Math.min(this.options.threads, jobs.length)
    while (this.slots.length < wanted) this.slots.push(this.start())

    /** The next job this slot may take: one of its lanes, or one of no one's lane. */
    const take = (slot: Slot) => {
      const at = waiting.findIndex(({job}) => {
        const owner = job.lane === undefined ? undefined : this.laneOwners.get(job.lane)
        return owner === undefined || owner === slot
      })
      if (at === -1) return undefined
      const [next] = waiting.splice(at, 1)
      if (next!.job.lane !== undefined) this.laneOwners.set(next!.job.lane, slot)
      return next
    }

    const drive = async (first: Slot) => {
      let slot = first
      for (let next = take(slot); next; next = take(slot)) {
        try {
          await slot.ready
        } catch (error) {
          results[next.index] = crashed(
            next.job.name,
            `no worker could start: ${(error as Error).message}`
          )
          onDone?.()
          slot = this.replace(slot)
          continue
        }

        const done = await this.runOn(slot, next.job, next.index)
        results[next.index] = done.outOfMemory
          ? await this.retryAlone(next.job, next.index)
          : done.result
        slot = done.slot
        onDone?.()
      }
    }

    // Lanes keep a page's versions on one worker; a slot whose lanes are done helps with
    // the rest, so the loop runs until no job is left for anyone.
    while (waiting.length > 0) {
      await Promise.all(this.slots.slice(0, wanted).map((slot) => drive(slot)))
      if (waiting.length > 0) this.laneOwners.clear()
    }

    return results
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
    this.laneOwners.clear()
  }
}
