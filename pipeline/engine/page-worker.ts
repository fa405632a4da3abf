import {parentPort, workerData} from 'node:worker_threads'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {processPageSafely} from './process-page-safely.js'
import type {TwinPage} from './open-twin.js'
import {PartMemo} from './part-memo.js'
import type {PageResult} from './process-page.js'

/**
 * A worker thread: page bytes in, a compact page result out (plain data, never a syntax
 * tree across threads). It says it is ready once the pipeline is loaded, so that the
 * time cap of the first page does not count the start-up.
 */

/** A page for the worker. */
export interface WorkerTask {
  id: number
  name: string
  bytes: Uint8Array
  twin?: TwinPage
  /**
   * Whether the page is one of a lane (the versions of one page, in order) and so may
   * reuse and keep parts in the memo; the pages of a build never share a part.
   */
  memo: boolean
}

/** What a worker says: ready, or a page's result. */
export type WorkerReply = {type: 'ready'} | {type: 'result'; id: number; result: PageResult}

const overrides = (workerData as {overrides?: SeverityOverrides} | undefined)?.overrides
// The versions of a page that one worker is given in order reuse each other's parts.
const memo = new PartMemo()

parentPort?.on('message', (task: WorkerTask) => {
  const result = processPageSafely(task.name, task.bytes, {
    overrides,
    memo: task.memo ? memo : undefined,
    twin: task.twin
  })
  parentPort!.postMessage({type: 'result', id: task.id, result} satisfies WorkerReply)
})
parentPort?.postMessage({type: 'ready'} satisfies WorkerReply)
