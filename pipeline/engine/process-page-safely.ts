import {crashed} from './failed-page.js'
import {processPage, type PageResult, type ProcessOptions} from './process-page.js'

/**
 * The guarded entry to page processing, apart from `failed-page.ts` so that a run which
 * parses nothing (an unchanged rebuild) never loads the parser and the extractors.
 */

/** Processes a page; an unexpected exception becomes a `file-crashed` result. */
export function processPageSafely(
  name: string,
  bytes: Uint8Array,
  options: ProcessOptions
): PageResult {
  try {
    return processPage(name, bytes, options)
  } catch (error) {
    return crashed(name, (error as Error).message ?? String(error))
  }
}
