import {countryRules} from '../datasets/country-rules.js'
import type {DatasetDefinition, Identity} from '../datasets/definition.js'
import {diffedNames, type DatasetRecords, type DiffedDataset} from '../datasets/diffed.js'
import {entries} from '../datasets/entries.js'
import {offers} from '../datasets/offers.js'
import {schemaId} from '../datasets/registry.js'
import {tables} from '../datasets/tables.js'
import type {Diff} from '../types/diff.js'
import {findRenames} from './find-renames.js'
import {diffRecords, renameKey, type DiffOptions, type Renames, type Side} from './keyed-diff.js'

/**
 * What changed between two sets of datasets, record by record: entries first (with
 * renames), then the offers, country rules and tables, which follow their entry's rename.
 * Pure: records in, diff out; reading folders is `read-datasets.ts`.
 */

export type {DiffOptions} from './keyed-diff.js'

function side(records: DatasetRecords, definition: DatasetDefinition<Identity>): Side {
  return {
    label: records.label,
    file: definition.file,
    records: records[definition.name as DiffedDataset]
  }
}

/**
 * The diff from `old` to `current`; with `english`, only changes of the English and of
 * language-independent facts count (see `english-view.ts`). Throws a DatasetError for a
 * record without its key.
 */
export function diffDatasets(
  old: DatasetRecords,
  current: DatasetRecords,
  options: DiffOptions = {}
): Diff {
  const english = options.english === true
  const entryDiff = diffRecords(entries.diff!, side(old, entries), side(current, entries), {
    english
  })
  const {renamed, added, removed} = findRenames(entryDiff.added, entryDiff.removed, {english})

  // The offers, country rules and tables of a renamed entry follow it: their entry key
  // and ID change with the entry's, which the entry's rename already says.
  const renames: Renames = new Map()
  for (const rename of renamed) {
    renames.set(renameKey(rename.locale, rename.flavour, rename.from.key), rename)
  }

  const follow = <I extends Identity>(definition: DatasetDefinition<I>) =>
    diffRecords(definition.diff!, side(old, definition), side(current, definition), {
      renames,
      english
    })

  return {
    $schema: schemaId('diff') as Diff['$schema'],
    ...(english ? {english} : {}),
    entries: {added, removed, changed: entryDiff.changed, renamed},
    offers: {...follow(offers), renamed: []},
    countryRules: {...follow(countryRules), renamed: []},
    tables: {...follow(tables), renamed: []}
  }
}

/** Whether a diff holds any change at all. */
export function hasChanges(diff: Diff): boolean {
  return diffedNames.some((name) => {
    const {added, removed, changed, renamed} = diff[name]
    return added.length + removed.length + changed.length + renamed.length > 0
  })
}
