import type {PartResult} from './extract-part.js'

/**
 * Results of page parts kept in memory, so that a part seen again — the same entry in the
 * next version of a page, which is what most commits of a docs repository leave alone —
 * is not parsed again. Keyed by the part's text and everything else it depends on (see
 * `process-page.ts`); a reused result is moved to the part's new first line.
 *
 * Bounded by count: the parts of the last few dozen page versions, what `herald history`
 * needs to reuse a page's parts in the next commit that changes it.
 */

interface Remembered {
  result: PartResult
  /** The line the part started on when it was extracted. */
  line: number
}

/** How many part results are kept; the least recently used go first. */
const defaultCapacity = 2048

/** An in-memory, least-recently-used store of part results. */
export class PartMemo {
  private readonly parts = new Map<string, Remembered>()
  /** Parts found and not found, for tests and measurements. */
  readonly stats = {hits: 0, misses: 0}

  constructor(private readonly capacity = defaultCapacity) {}

  /** The result of the part with this key, its lines moved to start at `line`. */
  get(key: string, line: number): PartResult | undefined {
    const found = this.parts.get(key)
    if (!found) {
      this.stats.misses++
      return undefined
    }

    this.stats.hits++
    // Map order is insertion order: re-inserting marks the part as recently used.
    this.parts.delete(key)
    this.parts.set(key, found)
    return shiftLines(structuredClone(found.result), line - found.line)
  }

  /** Keeps a part's result, extracted with the part starting at `line`. */
  set(key: string, line: number, result: PartResult): void {
    this.parts.delete(key)
    this.parts.set(key, {result: structuredClone(result), line})
    if (this.parts.size > this.capacity) {
      this.parts.delete(this.parts.keys().next().value!)
    }
  }
}

/**
 * Moves every source line of a part's records and messages by `delta`: each field named
 * `line` holds a line of the page (`source.line`, a table row's `line`, a message's).
 */
export function shiftLines<T>(value: T, delta: number): T {
  if (delta === 0) return value
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }

    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    for (const [name, field] of Object.entries(record)) {
      if (name === 'line' && typeof field === 'number') record[name] = field + delta
      else visit(field)
    }
  }

  visit(value)
  return value
}
