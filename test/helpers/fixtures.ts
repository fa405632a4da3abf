import fs from 'node:fs'
import path from 'node:path'
import {processPage, type PageResult} from '../../pipeline/engine/process-page.js'

export const fixtureFolder = path.resolve(import.meta.dirname, '../fixtures')

/** Processes the one month page of `test/fixtures/<name>/`, named as in datasets. */
export function processFixture(name: string): PageResult {
  const folder = path.join(fixtureFolder, name)
  const page = fs.readdirSync(folder).find((file) => /^\d{4}-[a-z]+\.md$/.test(file))
  if (!page) throw new Error(`No month page in ${folder}`)
  return processPage(`${name}/${page}`, fs.readFileSync(path.join(folder, page)))
}
