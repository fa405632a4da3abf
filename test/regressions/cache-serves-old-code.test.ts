import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {fixtureFolder} from '../helpers/fixtures.js'
import {readRecords, root, runBin, scratchFolder} from '../helpers/scratch.js'

// The page cache was keyed by the package.json version and the schemas: after a change
// of the extraction code (an upgrade, a local fix, a checkout of another commit) a
// rebuild served the old code's results, even into a fresh --out. The key now covers
// the code itself.
it('parses the pages again when the code changed, whatever the cache holds', async () => {
  const install = scratchFolder('herald-install-')
  for (const item of ['bin', 'dist', 'schemas', 'package.json']) {
    fs.cpSync(path.join(root, item), path.join(install, item), {recursive: true})
  }

  fs.symlinkSync(path.join(root, 'node_modules'), path.join(install, 'node_modules'))
  const cache = path.join(install, 'cache')
  const input = path.join(fixtureFolder, 'categories-forms')
  const links = (out: string) =>
    readRecords<{links: unknown[]}>(out, 'entries.json').flatMap((entry) => entry.links)

  const first = await runBin(['build', input, '--out', path.join(install, 'a'), '--cache', cache], {
    install
  })
  expect(first.code, first.stderr).toBe(0)
  expect(links(path.join(install, 'a')).length).toBeGreaterThan(0)

  // A local fix to the extraction code: entries keep no links.
  const module = path.join(install, 'dist', 'extract', 'entries', 'extract-entry.js')
  const code = fs.readFileSync(module, 'utf8')
  expect(code).toContain('links: linksOf(block),')
  fs.writeFileSync(module, code.replace('links: linksOf(block),', 'links: [],'))

  const second = await runBin(
    ['build', input, '--out', path.join(install, 'b'), '--cache', cache],
    {
      install
    }
  )
  expect(second.code, second.stderr).toBe(0)
  expect(links(path.join(install, 'b'))).toEqual([])
})
