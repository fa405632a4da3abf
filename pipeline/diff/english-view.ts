import type {FieldPath, TranslationSpec} from '../datasets/definition.js'
import {isObject, own} from '../datasets/record-fields.js'

/**
 * The English view of a record: the record without what follows the translation (a
 * dataset's `TranslationSpec`), so that comparing two views finds the changes of the
 * English and of the language-independent facts only. `herald diff --english` compares
 * views; a full diff compares records and marks the changes the views do not have.
 */

function matches(pattern: FieldPath, at: readonly string[]): boolean {
  return (
    pattern.length === at.length &&
    pattern.every((segment, index) => segment === '*' || segment === at[index])
  )
}

/** Whether some pattern could still match below `at`: the walk stops where none can. */
function leadsTo(patterns: readonly FieldPath[], at: readonly string[]): boolean {
  return patterns.some(
    (pattern) =>
      pattern.length > at.length &&
      at.every((segment, index) => pattern[index] === '*' || pattern[index] === segment)
  )
}

function view(
  spec: TranslationSpec,
  patterns: readonly FieldPath[],
  value: unknown,
  at: string[]
): unknown {
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) => {
      const below = [...at, String(index)]
      return leadsTo(patterns, below) ? view(spec, patterns, item, below) : item
    })
  }

  if (!isObject(value)) return value
  const isText = spec.texts.some((pattern) => matches(pattern, at))
  // A spread copies every own key as an own key, `__proto__` included.
  const copy = {...value}
  for (const [key, item] of Object.entries(value)) {
    const below = [...at, key]
    // The translation of a value whose English is there beside it.
    const translated = isText && key === 'text' && typeof own(value, 'en') === 'string'
    if (translated || spec.fields.some((pattern) => matches(pattern, below))) delete copy[key]
    else if (leadsTo(patterns, below)) copy[key] = view(spec, patterns, item, below)
  }

  return copy
}

/**
 * The English view of `value`, the value at `at` (path segments, `[]` for a whole record)
 * of a record of the dataset `spec` describes: `text` dropped where `en` is beside it,
 * and the fields that follow the translation dropped. Only the parts on the way to a
 * declared path are copied; `value` is never changed.
 */
export function englishView(
  spec: TranslationSpec,
  value: unknown,
  at: readonly string[] = []
): unknown {
  // The paths of what the view may drop: the walk goes down only where they lead.
  const dropped = [...spec.fields, ...spec.texts.map((pattern) => [...pattern, 'text'])]
  return view(spec, dropped, value, [...at])
}
