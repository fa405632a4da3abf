import fs from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {build as runBuild} from '../../pipeline/commands/build.js'
import {fixtureFolder} from '../helpers/fixtures.js'

// Keys were made of whatever the page wrote: a slug anchor with a space or a slash, a
// section anchor with `_` or an accent, an English header starting with `-`, or a number
// anchor too long for an integer broke the datasets' schemas, and one such page made the
// whole build write nothing ("invalid dataset").
it('makes schema-valid keys of any anchor and header', async () => {
  const result = await runBuild({
    pages: [
      {
        name: 'hostile/2020-december.md',
        bytes: fs.readFileSync(
          path.join(fixtureFolder, 'hostile', 'hostile-anchors', '2020-december.md')
        )
      }
    ],
    threads: 1
  })
  expect(result.invalid).toBeUndefined()
  const [entry] = result.datasets!.entries
  expect(entry).toMatchObject({
    key: '2020-12/new-offers-december',
    anchors: ['new offers/december', '12345678901234567890123'],
    number: null
  })
  expect(Object.keys(entry!.sections)).toEqual([
    'categories',
    'constructor',
    'proto-',
    'etapes-suivantes'
  ])
  expect(result.datasets!.tables[0]!.columns.map((column) => column.key)).toEqual([
    'remarks',
    'iso-code'
  ])
})
