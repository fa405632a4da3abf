/**
 * The datasets a build writes, and their files: declared once for the build, the diff
 * and the output folder check.
 */
export const datasetFiles = {
  entries: 'entries.json',
  tables: 'tables.json',
  offers: 'offers.json',
  countryRules: 'country-rules.json',
  report: 'report.json'
} as const

export type BuildDatasetName = keyof typeof datasetFiles

export const datasetNames = Object.keys(datasetFiles) as BuildDatasetName[]
