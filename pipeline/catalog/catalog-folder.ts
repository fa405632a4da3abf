import fs from 'node:fs'
import path from 'node:path'
import {canonicalJson} from '../datasets/canonical-json.js'
import {announcements as announcementsDataset} from '../datasets/catalog.js'
import {folderMarker, markerFile} from '../datasets/folder-owner.js'
import {fileContent} from '../datasets/registry.js'
import {report as reportDataset} from '../datasets/report.js'
import {validateDataset} from '../datasets/validate.js'
import {writeFolder} from '../datasets/write-folder.js'
import type {SeverityOverrides} from '../diagnostics/rules.js'
import {readDatasets} from '../diff/read-datasets.js'
import {assembleReport} from '../engine/assemble-datasets.js'
import {DatasetError} from '../errors.js'
import type {Announcement} from '../types/announcements.js'
import type {CountryRule} from '../types/country-rules.js'
import type {Entry} from '../types/entries.js'
import type {Offer} from '../types/offers.js'
import type {Report} from '../types/report.js'
import {buildCatalog} from './build-catalog.js'

/**
 * The catalog across the folders of several sources (`herald regenerate` with a config):
 * their entries, offers and country rules read back, one catalog built over all of them,
 * and a folder written with `announcements.json` and a `report.json` that holds what only
 * the sources together show — the locales that disagree on an English fact, and each
 * locale's coverage. A folder that holds no datasets yet (a source that failed on its
 * first run) is left out; one that failed later keeps its last datasets, so the catalog
 * covers what the folders hold.
 */

/** What {@link writeCatalogFolder} wrote. */
export interface CatalogFolder {
  announcements: Announcement[]
  report: Report
  /** The folders the catalog was built from. */
  folders: string[]
}

/** How the catalog folder is written. */
export interface CatalogFolderOptions {
  /** Replace the folder whichever command wrote it. */
  force?: boolean
  /** Severities of the rules (`catalog-disagreement`). */
  overrides?: SeverityOverrides
}

/** Builds the catalog of `folders` and replaces `out` with it. */
export async function writeCatalogFolder(
  folders: readonly string[],
  out: string,
  options: CatalogFolderOptions = {}
): Promise<CatalogFolder> {
  const read = folders.filter((folder) => fs.existsSync(path.join(folder, 'entries.json')))
  const input = {entries: [] as Entry[], offers: [] as Offer[], countryRules: [] as CountryRule[]}
  for (const folder of read) {
    const datasets = await readDatasets(folder)
    // Herald wrote them, each checked against its schema before it was written.
    input.entries.push(...(datasets.entries as unknown as Entry[]))
    input.offers.push(...(datasets.offers as unknown as Offer[]))
    input.countryRules.push(...(datasets.countryRules as unknown as CountryRule[]))
  }

  const catalog = buildCatalog(input, options.overrides)
  const report = assembleReport([], catalog)
  const written = [
    {definition: announcementsDataset, data: catalog.announcements},
    {definition: reportDataset, data: report}
  ]
  const files: Record<string, string> = {}
  for (const {definition, data} of written) {
    const content = fileContent(definition, data)
    const invalid = validateDataset(definition.name as 'announcements' | 'report', content)
    if (invalid) throw new DatasetError(`The catalog fails its schema, nothing written: ${invalid}`)
    files[definition.file] = canonicalJson(content)
  }

  files[markerFile] = folderMarker('regenerate', written)
  writeFolder(out, files, {writer: 'regenerate', force: options.force})
  return {announcements: catalog.announcements, report, folders: read}
}
