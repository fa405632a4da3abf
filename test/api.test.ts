import {expect, it} from 'vitest'

it('exposes exactly the documented API', async () => {
  const api = await import('../pipeline/index.js')
  expect(Object.keys(api).sort()).toEqual([
    'PageEngine',
    'build',
    'canonicalJson',
    'diffDatasetFolders',
    'diffDatasets',
    'exportDatasets',
    'findDates',
    'formatSummary',
    'hasChanges',
    'isDateLine',
    'main',
    'processPage',
    'readDatasets',
    'registry',
    'rules',
    'validateDataset'
  ])
})
