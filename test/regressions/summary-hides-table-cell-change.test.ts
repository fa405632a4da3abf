import {expect, it} from 'vitest'
import type {DatasetRecords} from '../../pipeline/datasets/diffed.js'
import {diffDatasets} from '../../pipeline/diff/diff-datasets.js'
import {formatSummary} from '../../pipeline/diff/format-summary.js'

// The diff compares a table's rows as one array: the summary showed the changed row as
// JSON cut at 80 characters, and a new link in its third cell fell past the cut.
it('shows a link changed inside a table row, cell by cell', () => {
  const cell = (text: string) => ({text, en: text})
  const table = (link: string) => ({
    key: '2021-03/price-lists#1',
    entryKey: '2021-03/price-lists',
    locale: 'fr-FR',
    flavour: 'sxs',
    month: '2021-03',
    ordinal: 1,
    rows: [
      {
        line: 12,
        cells: [cell('Microsoft 365 E3'), cell('USD 36.00'), cell(`[Price list](${link})`)]
      }
    ]
  })
  const datasets = (link: string): DatasetRecords => ({
    label: link,
    entries: [],
    offers: [],
    countryRules: [],
    tables: [table(link)]
  })
  const summary = formatSummary(
    diffDatasets(
      datasets('https://example.com/2021-02.pdf'),
      datasets('https://example.com/2021-03.pdf')
    )
  )
  expect(summary).toContain(
    '- 2021-03 fr-FR (sxs) `price-lists` table 1: rows/0/cells/2/en ' +
      '"[Price list](https://example.com/2021-02.pdf)" → "[Price list](https://example.com/2021-03.pdf)"\n'
  )
})
