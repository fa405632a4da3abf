import {isDeepStrictEqual} from 'node:util'
import {compareCodePoints} from '../compare.js'
import {isObject} from '../datasets/record-fields.js'
import type {FieldChange} from '../types/diff.js'

/**
 * The changed fields between two versions of a record, as JSON Pointers. Objects are
 * compared field by field (the path goes into them), everything else as a whole value:
 * an array that differs is one change at the array's path.
 */

/** A key as one segment of a JSON Pointer: `~` and `/` escaped (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** The keys of a JSON Pointer (`/sections/a~1b/text` → `sections`, `a/b`, `text`). */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function collect(old: unknown, current: unknown, path: string, out: FieldChange[]): void {
  if (isObject(old) && isObject(current)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])].sort(
      compareCodePoints
    )
    for (const key of keys) {
      const at = `${path}/${pointerSegment(key)}`
      if (!Object.hasOwn(old, key)) out.push({path: at, new: current[key]})
      else if (!Object.hasOwn(current, key)) out.push({path: at, old: old[key]})
      else collect(old[key], current[key], at, out)
    }

    return
  }

  if (!isDeepStrictEqual(old, current)) out.push({path, old, new: current})
}

/** Every changed field from `old` to `current`, ordered by path. */
export function fieldChanges(old: unknown, current: unknown): FieldChange[] {
  const out: FieldChange[] = []
  collect(old, current, '', out)
  return out
}

/** A copy of `value` without the field at `path` (`*` stands for every array item). */
export function withoutField(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (head === '*') {
    return Array.isArray(value) ? value.map((item) => withoutField(item, rest)) : value
  }

  if (!isObject(value) || !Object.hasOwn(value, head)) return value
  const copy = {...value}
  if (rest.length === 0) delete copy[head]
  else copy[head] = withoutField(value[head], rest)
  return copy
}
