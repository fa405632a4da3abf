import fs from 'node:fs'
import path from 'node:path'

/** The shared corpus beside the project; tests that need it are skipped without it. */
export const corpusFolder = path.resolve(import.meta.dirname, '../../../shared/corpus')
export const headFolder = path.join(corpusFolder, 'head')
export const hasCorpus = fs.existsSync(headFolder)

if (!hasCorpus) {
  console.warn(`Corpus tests skipped: ${headFolder} is absent (see README, Contribute).`)
}
