// Module hooks of record-loads.mjs: every module loaded, written down before it loads.
import fs from 'node:fs'

export async function load(url, context, nextLoad) {
  fs.appendFileSync(process.env.HERALD_LOAD_LOG, `${url}\n`)
  return nextLoad(url, context)
}
