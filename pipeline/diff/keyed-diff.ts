import {compareCodePoints} from '../compare.js'
import type {DiffSpec, Identity, JsonRecord, KeyPart, Rename} from '../datasets/definition.js'
import type {FieldChange} from '../types/diff.js'
import {englishView} from './english-view.js'
import {fieldChanges, withoutField} from './field-changes.js'

/**
 * The diff of one dataset: records matched by their key (a dataset's `DiffSpec`), never by
 * position, so reordering records is no change.
 */

/** Records of one dataset as a diff reads them, with a label for messages. */
export interface Side {
  /** Where the records come from: a folder, `REV:PATH`, a commit. */
  label: string
  /** The dataset's file, for messages (`entries.json`). */
  file: string
  records: readonly JsonRecord[]
}

/** An added or removed record, with its identity. */
export type Added<I> = I & {record: JsonRecord}
/** A changed record, with its identity and at least one field change. */
export type Changed<I> = I & {changes: [FieldChange, ...FieldChange[]]}

/** What changed in one dataset. */
export interface KeyedDiff<I extends Identity> {
  added: Added<I>[]
  removed: Added<I>[]
  changed: Changed<I>[]
}

/** Renames by `[locale, flavour, old entry key]`, which the records of an entry follow. */
export type Renames = Map<string, Rename>

/** The key of a rename in {@link Renames}. */
export function renameKey(locale: string, flavour: string, key: string): string {
  return JSON.stringify([locale, flavour, key])
}

/** Orders key parts: as numbers when both are numbers, else by code point. */
export function compareParts(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index++) {
    const x = a[index]!
    const y = b[index]!
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : compareCodePoints(String(x), String(y))
    if (order !== 0) return order
  }

  return a.length - b.length
}

/** Items in the order of their key parts. */
export function sortByOrder<T>(items: {item: T; order: KeyPart[]}[]): T[] {
  return items.sort((a, b) => compareParts(a.order, b.order)).map(({item}) => item)
}

interface Keyed<I extends Identity> {
  identity: I
  /** Sort order: locale, flavour, key parts, occurrence. */
  order: KeyPart[]
  record: JsonRecord
  /** The record as compared: for old records, with their entry's rename applied. */
  compared: JsonRecord
}

/**
 * Records by match key. A key repeated within one dataset (which a well-formed dataset
 * does not have) gets its occurrence number, so repeats pair up in their order instead of
 * overwriting each other.
 */
function keyRecords<I extends Identity>(
  spec: DiffSpec<I>,
  side: Side,
  renames?: Renames
): Map<string, Keyed<I>> {
  const keyed = new Map<string, Keyed<I>>()
  const seen = new Map<string, number>()
  for (const [index, record] of side.records.entries()) {
    const at = () => `${side.label}/${side.file}, record ${index + 1}`
    const {identity, parts} = spec.identify(record, at)
    const {entryKey} = identity as {entryKey?: string}
    const rename =
      renames && entryKey !== undefined
        ? renames.get(renameKey(identity.locale, identity.flavour, entryKey))
        : undefined
    const compared = rename ? spec.followRename(record, rename) : record
    const match = rename ? spec.identify(compared, at) : {identity, parts}
    const base = JSON.stringify([match.identity.locale, match.identity.flavour, ...match.parts])
    const occurrence = (seen.get(base) ?? 0) + 1
    seen.set(base, occurrence)
    if (occurrence > 1) identity.key += `~${occurrence}`
    keyed.set(JSON.stringify([base, occurrence]), {
      identity,
      order: [identity.locale, identity.flavour, ...parts, occurrence],
      record,
      compared
    })
  }

  return keyed
}

function isNonEmpty<T>(items: T[]): items is [T, ...T[]] {
  return items.length > 0
}

/** How two versions of a record are compared. */
export interface CompareOptions {
  /** Compare the records' English views only (`english-view.ts`). */
  english?: boolean
  /** Changes said elsewhere (a rename's key and ID), left out. */
  said?: (change: FieldChange) => boolean
}

/** How a diff compares records: whole, or by their English only. */
export interface DiffOptions {
  /** Only changes of the English and of language-independent facts count. */
  english?: boolean
}

type Compared = Pick<DiffSpec, 'incidental' | 'implied'>

function keptChanges(
  spec: Compared,
  old: unknown,
  current: unknown,
  said: (change: FieldChange) => boolean
): FieldChange[] {
  const ignore = (change: FieldChange) =>
    said(change) || spec.implied(change, old as JsonRecord, current as JsonRecord)
  const kept = fieldChanges(old, current).filter((change) => !ignore(change))
  const {incidental} = spec
  if (kept.length === 0 || incidental.length === 0) return kept
  const strip = (record: unknown) => incidental.reduce(withoutField, record)
  return fieldChanges(strip(old), strip(current)).some((change) => !ignore(change)) ? kept : []
}

/** Whether one pointer is the other or inside it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)
}

/**
 * The changes from `old` to `current`, without those `said` elsewhere or implied by
 * others; empty when only incidental fields changed (see `DiffSpec.incidental`). With
 * `english`, the changes of the records' English views; otherwise every change, those
 * the English views do not have marked `translation`.
 */
export function recordChanges(
  spec: Compared & Pick<DiffSpec, 'translation'>,
  old: JsonRecord,
  current: JsonRecord,
  options: CompareOptions = {}
): FieldChange[] {
  const said = options.said ?? (() => false)
  const all = keptChanges(spec, old, current, said)
  if (all.length === 0) return all
  const view = (record: JsonRecord) => englishView(spec.translation, record)
  const english = keptChanges(spec, view(old), view(current), said)
  if (options.english) return english
  return all.map((change) =>
    english.some((kept) => overlaps(kept.path, change.path))
      ? change
      : {...change, translation: true}
  )
}

/** The diff of one dataset from `old` to `current`; old records follow `renames`. */
export function diffRecords<I extends Identity>(
  spec: DiffSpec<I>,
  old: Side,
  current: Side,
  options: DiffOptions & {renames?: Renames} = {}
): KeyedDiff<I> {
  const {renames, english} = options
  const olds = keyRecords(spec, old, renames)
  const news = keyRecords(spec, current)
  const added: {item: Added<I>; order: KeyPart[]}[] = []
  const removed: {item: Added<I>; order: KeyPart[]}[] = []
  const changed: {item: Changed<I>; order: KeyPart[]}[] = []

  for (const [key, before] of olds) {
    const after = news.get(key)
    if (!after) {
      removed.push({item: {...before.identity, record: before.record}, order: before.order})
      continue
    }

    const changes = recordChanges(spec, before.compared, after.record, {english})
    if (isNonEmpty(changes)) {
      changed.push({item: {...after.identity, changes}, order: after.order})
    }
  }

  for (const [key, after] of news) {
    if (!olds.has(key)) {
      added.push({item: {...after.identity, record: after.record}, order: after.order})
    }
  }

  return {added: sortByOrder(added), removed: sortByOrder(removed), changed: sortByOrder(changed)}
}
