import fs from 'node:fs'
import {describeFileError} from './find-page-files.js'

/**
 * A page file's bytes, or why they were not read: over the size cap (then the file is
 * not even opened: a mistaken 2 GB file must not be read to be refused), or an error.
 */
export type ReadPageFile = {bytes: Uint8Array} | {size: number; tooLarge: true} | {problem: string}

/** Reads `absolute`, unless it is larger than `maxSize` bytes. */
export function readPageFile(absolute: string, maxSize: number): ReadPageFile {
  try {
    const size = fs.statSync(absolute).size
    if (size > maxSize) return {size, tooLarge: true}
    return {bytes: fs.readFileSync(absolute)}
  } catch (error) {
    return {problem: describeFileError(error)}
  }
}
