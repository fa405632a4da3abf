import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {bundleRepo, makeDocsRepo} from '../helpers/docs-repo.js'
import {runCli} from '../helpers/run-cli.js'

// Any failure of the `git rev-parse` that checks a cached clone of a bundle or URL made
// Herald delete the clone and clone again: git missing from PATH, or a clone git refuses
// to use (another owner), lost it. Only a folder git says is no repository may go.
let scratch = ''
let bundle = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-clone-kept-'))
  const docs = makeDocsRepo(path.join(scratch, 'docs'), 'announcements', ['sxs-entry'])
  bundle = bundleRepo(docs, path.join(scratch, 'docs.bundle'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/** Regenerates from the bundle with its own cache; the cached clone made by the first run. */
async function cachedClone(
  name: string
): Promise<{clone: string; again: () => ReturnType<typeof runCli>}> {
  const cache = path.join(scratch, `${name}-cache`)
  const again = () =>
    runCli('regenerate', '--docs', bundle, '--out', path.join(scratch, name), '--cache', cache)
  expect((await again()).code).toBe(0)
  const clones = fs.readdirSync(path.join(cache, 'docs'))
  expect(clones).toHaveLength(1)
  const clone = path.join(cache, 'docs', clones[0]!)
  // A file of ours in the clone: still there means the clone was not made again.
  fs.writeFileSync(path.join(clone, 'kept-by-herald-test'), '')
  return {clone, again}
}

it('keeps the clone when git is missing, and says to install it', async () => {
  const {clone, again} = await cachedClone('no-git')
  const saved = process.env.PATH
  process.env.PATH = path.join(scratch, 'no-such-folder')
  let result
  try {
    result = await again()
  } finally {
    process.env.PATH = saved
  }

  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(/^herald: .*git is not installed.*install git/)
  expect(fs.existsSync(path.join(clone, 'kept-by-herald-test'))).toBe(true)
})

it('keeps a clone git refuses to use (another owner), and says why', async (context) => {
  const {clone, again} = await cachedClone('other-owner')
  const other = process.getuid?.() === 65534 ? 65533 : 65534
  try {
    fs.chownSync(clone, other, other)
  } catch {
    context.skip('giving the clone another owner needs root')
  }

  const result = await again()
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('dubious ownership')
  expect(result.stderr).toContain(clone)
  expect(fs.existsSync(path.join(clone, 'kept-by-herald-test'))).toBe(true)
})

it('keeps a clone it cannot read, and says so (not as root: root reads any folder)', async (context) => {
  context.skip(process.getuid?.() === 0, 'root reads a folder whatever its mode')
  const {clone, again} = await cachedClone('unreadable')
  // git cannot look into objects/ and answers that the folder is no repository.
  fs.chmodSync(path.join(clone, 'objects'), 0o000)
  let result
  try {
    result = await again()
  } finally {
    fs.chmodSync(path.join(clone, 'objects'), 0o755)
  }

  expect(result.code).toBe(2)
  expect(result.stderr).toContain(`Cannot use the cached clone ${clone}`)
  expect(result.stderr).toMatch(/permission denied/i)
  expect(fs.existsSync(path.join(clone, 'kept-by-herald-test'))).toBe(true)
})
