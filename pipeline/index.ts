/**
 * Herald as a library: what the CLI does, callable from code. The API surface test
 * (`test/api.test.ts`) pins this list; change it on purpose only.
 */
export {runBuild, datasetFiles, datasetNames} from './build/build.js'
export type {BuildOptions, BuildResult, Datasets, PageSource} from './build/build.js'
export {processPage} from './process-page.js'
export type {PageResult} from './process-page.js'
export {findDates, isDateLine} from './dates/parse-date.js'
export {diffDatasets, hasChanges} from './diff/diff-datasets.js'
export {diffDatasetFolders, readDatasets} from './diff/read-dataset.js'
export {formatSummary} from './diff/format-summary.js'
export {rules} from './diagnostics/rules.js'
export {canonicalJson} from './output/canonical-json.js'
export {validateDataset} from './output/validate-datasets.js'
export {main} from './cli.js'
export type {Entry} from './types/entries.js'
export type {Table} from './types/tables.js'
export type {Offer} from './types/offers.js'
export type {CountryRule} from './types/country-rules.js'
export type {Report, Message} from './types/report.js'
