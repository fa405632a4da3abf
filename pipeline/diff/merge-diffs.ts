import {compareCodePoints} from '../compare.js'
import {diffedNames} from '../datasets/diffed.js'
import {schemaId} from '../datasets/registry.js'
import type {Diff} from '../types/diff.js'

/**
 * The diffs of several folders (one per docs source of a config) as one diff: what the
 * one commit of `herald regenerate` changes, for its message and its summary. Every list
 * is ordered as a single diff orders it, by locale and flavour first; the folders'
 * own order (by key) is kept within a locale and flavour.
 */

/** The locale and flavour every item of a diff carries. */
interface Located {
  locale: string
  flavour: string
}

const byLocaleAndFlavour = (a: Located, b: Located) =>
  compareCodePoints(a.locale, b.locale) || compareCodePoints(a.flavour, b.flavour)

/** Concatenated, then stably sorted by locale and flavour. */
function merged<Item extends Located>(lists: ReadonlyArray<readonly Item[]>): Item[] {
  return lists.flat().sort(byLocaleAndFlavour)
}

/** One diff of the changes of every diff given; all full diffs, or all English ones. */
export function mergeDiffs(diffs: readonly Diff[]): Diff {
  const result: Diff = {
    $schema: schemaId('diff') as Diff['$schema'],
    ...(diffs.some((diff) => diff.english) ? {english: true} : {}),
    entries: {added: [], removed: [], changed: [], renamed: []},
    offers: {added: [], removed: [], changed: [], renamed: []},
    countryRules: {added: [], removed: [], changed: [], renamed: []},
    tables: {added: [], removed: [], changed: [], renamed: []}
  }
  for (const name of diffedNames) {
    const target = result[name] as unknown as Record<string, Located[]>
    for (const part of ['added', 'removed', 'changed', 'renamed'] as const) {
      target[part] = merged(
        diffs.map((diff) => (diff[name] as unknown as Record<string, Located[]>)[part]!)
      )
    }
  }

  return result
}
