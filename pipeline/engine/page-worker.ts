import {parentPort} from 'node:worker_threads'
import {processBytes, type ReadOptions} from './read-page.js'

/**
 * A worker thread: page bytes in, a compact page result out (plain data, never a
 * syntax tree across threads).
 */

export interface PageTask {
  id: number
  name: string
  bytes: Uint8Array
  options: ReadOptions
}

parentPort?.on('message', (task: PageTask) => {
  parentPort!.postMessage({id: task.id, result: processBytes(task.name, task.bytes, task.options)})
})
