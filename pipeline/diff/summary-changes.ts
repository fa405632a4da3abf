import {isDeepStrictEqual} from 'node:util'
import type {DiffSpec, FieldPath} from '../datasets/definition.js'
import {compareCodePoints} from '../compare.js'
import {isObject, own} from '../datasets/record-fields.js'
import type {FieldChange} from '../types/diff.js'
import {englishView} from './english-view.js'
import {pointerKeys, pointerSegment} from './field-changes.js'

/**
 * A record's changes as the summary shows them. The diff compares arrays as whole values
 * (a table's `/rows` is one change), which hides a changed link in one cell behind the
 * shortened JSON of the whole table: the summary goes down to the values that changed
 * (`rows/3/cells/2/en`). What changed in the translation only is not shown value by
 * value but named, so that a record translated again reads as one line.
 */

/** What the summary says of one record's changes. */
export interface SummaryChanges {
  /** Changes of English values and facts, down to the values that changed. */
  shown: FieldChange[]
  /**
   * The values whose translation changed and English did not (`title`, `sections/summary`),
   * in order.
   */
  translated: string[]
}

/** The values that differ between `old` and `current`, into arrays of one length and objects. */
function leaves(path: string, old: unknown, current: unknown, out: FieldChange[]): FieldChange[] {
  if (Array.isArray(old) && Array.isArray(current) && old.length === current.length) {
    for (const [index, item] of old.entries()) {
      const other: unknown = current[index]
      if (!isDeepStrictEqual(item, other)) leaves(`${path}/${index}`, item, other, out)
    }
  } else if (isObject(old) && isObject(current)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])]
    for (const key of keys.sort(compareCodePoints)) {
      const [a, b] = [own(old, key), own(current, key)]
      if (!isDeepStrictEqual(a, b)) leaves(`${path}/${pointerSegment(key)}`, a, b, out)
    }
  } else {
    out.push({
      path,
      ...(old === undefined ? {} : {old}),
      ...(current === undefined ? {} : {new: current})
    })
  }

  return out
}

function matches(pattern: FieldPath, keys: readonly string[]): boolean {
  return (
    pattern.length === keys.length &&
    pattern.every((segment, index) => segment === '*' || segment === keys[index])
  )
}

/** `sections/summary` for `/sections/summary/text`: a text is named by the value it is of. */
function nameOf(keys: readonly string[]): string {
  return (keys.at(-1) === 'text' ? keys.slice(0, -1) : keys).join('/')
}

/**
 * The changes of one record of the dataset `spec` describes, as the summary shows them.
 * Incidental fields are not named among the translated ones, and inside an array they are
 * left out (a row's line moves with every row inserted above it); where the record
 * changed, the diff lists them beside the rest.
 */
export function summaryChanges(
  spec: Pick<DiffSpec, 'incidental' | 'translation'>,
  changes: readonly FieldChange[]
): SummaryChanges {
  const shown: FieldChange[] = []
  const translated = new Set<string>()
  const isIncidental = (keys: readonly string[]) =>
    spec.incidental.some((pattern) => matches(pattern, keys))

  for (const change of changes) {
    const keys = pointerKeys(change.path)
    if (change.translation) {
      if (!isIncidental(keys)) translated.add(nameOf(keys))
      continue
    }

    const all = leaves(change.path, change.old, change.new, [])
    if (all.length === 1 && all[0]!.path === change.path) {
      shown.push(change)
      continue
    }

    // The values of the English views that changed: the others changed in translation.
    const view = (value: unknown) => englishView(spec.translation, value, keys)
    const english = new Set(
      leaves(change.path, view(change.old), view(change.new), []).map((leaf) => leaf.path)
    )
    for (const leaf of all) {
      const leafKeys = pointerKeys(leaf.path)
      if (isIncidental(leafKeys)) continue
      if (english.has(leaf.path)) shown.push(leaf)
      else translated.add(nameOf(leafKeys))
    }
  }

  // A value whose English is shown changed: that its translation followed goes unsaid.
  const said = new Set(shown.map((change) => pointerKeys(change.path).slice(0, -1).join('/')))
  return {shown, translated: [...translated].filter((name) => !said.has(name))}
}
