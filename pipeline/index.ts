/**
 * Herald as a library: what the CLI does, callable from code. The API surface test
 * (`test/api.test.ts`) pins this list; change it on purpose only.
 */
export {runBuild, datasetFiles, datasetNames} from './engine/build.js'
export type {BuildOptions, BuildResult, Datasets, PageSource} from './engine/build.js'
export {processPage} from './engine/process-page.js'
export type {PageResult} from './engine/process-page.js'
export {findDates, isDateLine} from './extract/dates/parse-date.js'
export {diffDatasets, hasChanges} from './diff/diff-datasets.js'
export {diffDatasetFolders, readDatasets} from './datasets/read-folder.js'
export {formatSummary} from './diff/format-summary.js'
export {rules} from './diagnostics/rules.js'
export {canonicalJson} from './datasets/canonical-json.js'
export {validateDataset} from './datasets/validate.js'
export {main} from './cli/main.js'
export type {Entry} from './types/entries.js'
export type {Table} from './types/tables.js'
export type {Offer} from './types/offers.js'
export type {CountryRule} from './types/country-rules.js'
export type {Report, Message} from './types/report.js'
