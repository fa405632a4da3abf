import {compareCodePoints} from '../compare.js'
import type {FieldChange} from '../types/diff.js'

/** What the entry and offer timelines share: a commit point and how changes are listed. */

/** A commit and its date. */
export interface Point {
  commit: string
  date: string
}

/** The top-level fields of a change list (`/sections/details/text` → `/sections`). */
export function topFields(changes: readonly FieldChange[]): string[] {
  const fields = new Set(changes.map((change) => `/${change.path.split('/')[1] ?? ''}`))
  return [...fields].sort(compareCodePoints)
}

/**
 * Field changes as the history datasets hold them: `{path, old, new}`. A diff's mark of a
 * translation-only change is left out; `herald history --english` leaves the changes out.
 */
export function historyChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((change) => {
    const copy = {...change}
    delete copy.translation
    return copy
  })
}

/** Field changes in the order of their paths. */
export function byPath(a: FieldChange, b: FieldChange): number {
  return compareCodePoints(a.path, b.path)
}

/** One string for a record's identity parts, for a map key. */
export function identity(...parts: string[]): string {
  return JSON.stringify(parts)
}
