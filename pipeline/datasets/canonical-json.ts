import {compareCodePoints} from '../compare.js'

/**
 * Canonical JSON: object keys sorted by code point, 2-space indent, trailing newline.
 * Arrays keep their order — every dataset states its own natural order — so the same
 * data always gives the same bytes, and a change in the docs gives a readable diff.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    // No prototype: a key named `__proto__` is then a key like any other, not a setter.
    const sorted = Object.create(null) as Record<string, unknown>
    for (const key of Object.keys(value).sort(compareCodePoints)) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) sorted[key] = sortKeys(item)
    }

    return sorted
  }

  return value
}

/**
 * Canonical JSON: keys sorted by code point, 2-space indent, a trailing newline. The
 * same value always gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n'
}
