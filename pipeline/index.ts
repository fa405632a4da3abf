/**
 * Herald as a library: what the CLI does, callable from code. The API surface test
 * (`test/api.test.ts`) pins this list, and the README's API section documents it; change
 * them together, on purpose only.
 */

// The commands, as functions: each takes the options of its CLI command.
export {build} from './commands/build.js'
export type {BuildOptions, BuildResult} from './commands/build.js'
export {regenerate} from './commands/regenerate.js'
export type {RegenerateOptions, RegenerateResult} from './commands/regenerate.js'
export {regenerateSources} from './commands/regenerate-sources.js'
export type {
  RegenerateSourcesOptions,
  RegenerateSourcesResult
} from './commands/regenerate-sources.js'
export {readConfig} from './config/read-config.js'
export type {Config, ConfigSource} from './config/read-config.js'
export {history} from './commands/history.js'
export type {HistoryCommandOptions, HistoryCommandResult} from './commands/history.js'
export {diff} from './commands/diff.js'
export type {DiffCommandOptions, DiffCommandResult} from './commands/diff.js'
export {exportDatasets} from './commands/export.js'
export type {ExportOptions, ExportResult} from './commands/export.js'
export {main} from './cli/main.js'

// The steps beneath them, for tools that hold pages or datasets in memory.
export {PageEngine} from './engine/engine.js'
export type {EngineOptions, Page} from './engine/engine.js'
export {processPage} from './engine/process-page.js'
export type {PageResult} from './engine/process-page.js'
export type {BuildDatasets} from './engine/assemble-datasets.js'
export {buildCatalog} from './catalog/build-catalog.js'
export type {Catalog, CatalogInput} from './catalog/build-catalog.js'
export {diffDatasets, hasChanges} from './diff/diff-datasets.js'
export {readDatasets} from './diff/read-datasets.js'
export {diffDatasetFolders} from './diff/diff-folders.js'
export {formatSummary} from './diff/format-summary.js'
export {findDates, isDateLine} from './extract/dates/parse-date.js'

// The contract: datasets, schemas, rules.
export {registry, contractVersion, schemaId} from './datasets/registry.js'
export {canonicalJson} from './datasets/canonical-json.js'
export {validateDataset} from './datasets/validate.js'
export {rules} from './diagnostics/rules.js'
export type {Entry} from './types/entries.js'
export type {Table} from './types/tables.js'
export type {Offer} from './types/offers.js'
export type {CountryRule} from './types/country-rules.js'
export type {Announcement} from './types/announcements.js'
export type {Report, Message} from './types/report.js'
export type {Diff} from './types/diff.js'
export type {EntryTimeline} from './types/entry-history.js'
export type {OfferTimeline} from './types/offer-history.js'
export type {Commit} from './types/commits.js'
