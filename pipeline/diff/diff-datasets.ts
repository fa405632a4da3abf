import type {
  CountryRuleItem,
  Diff,
  EntryItem,
  EntryRename,
  FieldChange,
  OfferItem,
  TableItem
} from '../types/diff.js'

/**
 * What changed between two sets of datasets, record by record. Records are matched by a
 * key per dataset, never by position, so reordering records is no change. Pure: the
 * records come in, the diff goes out; reading folders is `read-dataset.ts`.
 */

import {compareCodePoints} from '../compare.js'
import {datasetFiles as buildFiles} from '../datasets/registry.js'

export {compareCodePoints}

/** A record as parsed from a dataset file: a JSON object, read through `Object.hasOwn`. */
export type JsonRecord = Record<string, unknown>

export type DatasetName = 'entries' | 'offers' | 'countryRules' | 'tables'

/** The datasets of one folder (a dataset missing from the folder is empty). */
export interface Datasets {
  /** Where they come from, for messages: a folder or `REV:PATH`. */
  label: string
  entries: JsonRecord[]
  offers: JsonRecord[]
  countryRules: JsonRecord[]
  tables: JsonRecord[]
}

/** The datasets a diff compares, in the order the summary lists them. */
export const datasetNames: readonly DatasetName[] = ['entries', 'offers', 'countryRules', 'tables']

export const datasetFiles: Readonly<Record<DatasetName, string>> = buildFiles

/** Input that cannot be diffed (unreadable, not JSON, a record without its key): exit 2. */
export class DatasetError extends Error {}

// ---------------------------------------------------------------------------------------
// Order and equality

type KeyPart = string | number

function compareParts(a: readonly KeyPart[], b: readonly KeyPart[]): number {
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

function isObject(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function own(record: JsonRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => deepEqual(item, b[index]))
    )
  }

  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  }

  return false
}

// ---------------------------------------------------------------------------------------
// Field changes

function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * Objects are compared field by field (the path goes into them), everything else as a
 * whole value: an array that differs is one change at the array's path.
 */
function collectChanges(old: unknown, current: unknown, path: string, out: FieldChange[]): void {
  if (isObject(old) && isObject(current)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])].sort(
      compareCodePoints
    )
    for (const key of keys) {
      const at = `${path}/${pointerSegment(key)}`
      if (!Object.hasOwn(old, key)) out.push({path: at, new: current[key]})
      else if (!Object.hasOwn(current, key)) out.push({path: at, old: old[key]})
      else collectChanges(old[key], current[key], at, out)
    }

    return
  }

  if (!deepEqual(old, current)) out.push({path, old, new: current})
}

/** A copy of `value` without the field at `path` (`*` stands for every array item). */
function without(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (head === '*') {
    return Array.isArray(value) ? value.map((item) => without(item, rest)) : value
  }

  if (!isObject(value) || !Object.hasOwn(value, head)) return value
  const copy: JsonRecord = {...value}
  if (rest.length === 0) delete copy[head]
  else copy[head] = without(value[head], rest)
  return copy
}

// ---------------------------------------------------------------------------------------
// Datasets: a key function each

interface Identity {
  locale: string
  flavour: string
  /** The match key after locale and flavour, readable. */
  key: string
  month: string
}

/** An entry renamed from one key to another, which the records of that entry follow. */
interface Rename {
  from: {key: string; id: string}
  to: {key: string; id: string}
}

interface DatasetSpec<I extends Identity> {
  /**
   * The identity every added, removed or changed item carries, and the match key after
   * locale and flavour. Throws a DatasetError for a record without its key fields.
   */
  identify: (record: JsonRecord, where: () => string) => {identity: I; parts: KeyPart[]}
  /**
   * Fields that change when the page around the record changes, not the record: a line
   * moves whenever an entry above it grows, a row number whenever a row is inserted above
   * it, and every entry of a page gets the page's new source commit when the page is
   * translated again. For readers that is noise, so a record whose only changes are in
   * these fields is not changed; when something else changed too, their changes are
   * listed with the rest, so that the change list is complete.
   */
  incidental: readonly (readonly string[])[]
  /** A change that other changes of the record already say, left out of the list. */
  implied: (change: FieldChange, old: JsonRecord, current: JsonRecord) => boolean
  /** The record with the fields that name its entry moved from `rename.from` to `to`. */
  followRename: (record: JsonRecord, rename: Rename) => JsonRecord
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : `a ${typeof value}`
}

function text(record: JsonRecord, name: string, where: () => string): string {
  const value = own(record, name)
  if (typeof value === 'string') return value
  throw new DatasetError(
    `${where()}: \`${name}\` should be a string, found ${describeValue(value)}`
  )
}

function optionalText(record: JsonRecord, name: string, where: () => string): string | undefined {
  const value = own(record, name)
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  throw new DatasetError(
    `${where()}: \`${name}\` should be a string or absent, found ${describeValue(value)}`
  )
}

function monthOf(key: string): string {
  const slash = key.indexOf('/')
  return slash === -1 ? '' : key.slice(0, slash)
}

/** Locale, flavour (`''` when the record has none) and month, common to every dataset. */
function placeOf(record: JsonRecord, entryKey: string, where: () => string): Omit<Identity, 'key'> {
  return {
    locale: text(record, 'locale', where),
    flavour: optionalText(record, 'flavour', where) ?? '',
    month: optionalText(record, 'month', where) ?? monthOf(entryKey)
  }
}

/** For the datasets whose records belong to an entry: `entryKey` and `entryId` follow. */
function followEntry(record: JsonRecord, rename: Rename): JsonRecord {
  const copy: JsonRecord = {...record, entryKey: rename.to.key}
  if (Object.hasOwn(record, 'entryId')) copy.entryId = rename.to.id
  return copy
}

/**
 * An entry's anchors are its slug and its number: an `/anchors` change that only follows
 * a new slug (a rename) or a new number is said by `/id` (or the rename's `from` and
 * `to`) and `/number`.
 */
function impliedAnchors(change: FieldChange, old: JsonRecord, current: JsonRecord): boolean {
  if (change.path !== '/anchors' || !Array.isArray(change.old)) return false
  const swaps = new Map<unknown, unknown>()
  const [oldId, newId] = [own(old, 'id'), own(current, 'id')]
  if (typeof oldId === 'string' && typeof newId === 'string') swaps.set(oldId, newId)
  const [oldNumber, newNumber] = [own(old, 'number'), own(current, 'number')]
  if (Number.isInteger(oldNumber) && Number.isInteger(newNumber)) {
    swaps.set(String(oldNumber), String(newNumber))
  }

  const swapped = change.old.map((anchor: unknown) =>
    swaps.has(anchor) ? swaps.get(anchor) : anchor
  )
  return deepEqual(swapped, change.new)
}

const entrySpec: DatasetSpec<Omit<EntryItem, 'record'>> = {
  identify(record, where) {
    const key = text(record, 'key', where)
    const slash = key.indexOf('/')
    const identity = {
      ...placeOf(record, key, where),
      key,
      id: optionalText(record, 'id', where) ?? key.slice(slash + 1)
    }
    return {identity, parts: [key]}
  },
  // In the history of the French pages, 866 of 1071 entry changes were a new source
  // commit alone.
  incidental: [
    ['source', 'line'],
    ['source', 'column'],
    ['source', 'sourceCommit']
  ],
  implied: impliedAnchors,
  followRename: (record) => record
}

const offerSpec: DatasetSpec<Omit<OfferItem, 'record'>> = {
  identify(record, where) {
    const entryKey = text(record, 'entryKey', where)
    const offerId = text(record, 'offerId', where)
    const role = optionalText(record, 'role', where)
    const identity = {
      ...placeOf(record, entryKey, where),
      key: [entryKey, offerId, ...(role === undefined ? [] : [role])].join('#'),
      entryKey,
      offerId,
      ...(role === undefined ? {} : {role})
    }
    return {identity, parts: [entryKey, offerId, role ?? '']}
  },
  // The table ordinal and row of an offer move when a table or a row is inserted above.
  incidental: [['source', 'line'], ['source', 'column'], ['table'], ['row']],
  implied: () => false,
  followRename: followEntry
}

const countryRuleSpec: DatasetSpec<Omit<CountryRuleItem, 'record'>> = {
  identify(record, where) {
    const entryKey = text(record, 'entryKey', where)
    const country = optionalText(record, 'country', where)
    const region = optionalText(record, 'region', where)
    const kind = text(record, 'kind', where)
    // A region rule has no country: its region stands in, or every region of an entry
    // would share one key.
    const place = country ?? region ?? ''
    const identity = {
      ...placeOf(record, entryKey, where),
      key: [entryKey, place, kind].join('#'),
      entryKey,
      country: country ?? null,
      ...(region === undefined ? {} : {region}),
      kind
    }
    return {identity, parts: [entryKey, place, kind]}
  },
  incidental: [
    ['source', 'line'],
    ['source', 'column']
  ],
  implied: () => false,
  followRename: followEntry
}

const tableSpec: DatasetSpec<Omit<TableItem, 'record'>> = {
  identify(record, where) {
    const entryKey = text(record, 'entryKey', where)
    const ordinal = own(record, 'ordinal')
    if (!Number.isInteger(ordinal)) {
      throw new DatasetError(
        `${where()}: \`ordinal\` should be a whole number, found ${describeValue(ordinal)}`
      )
    }

    const identity = {
      ...placeOf(record, entryKey, where),
      key: `${entryKey}#${ordinal as number}`,
      entryKey,
      ordinal: ordinal as number
    }
    return {identity, parts: [entryKey, ordinal as number]}
  },
  incidental: [
    ['source', 'line'],
    ['source', 'column'],
    ['rows', '*', 'line']
  ],
  implied: () => false,
  followRename(record, rename) {
    const copy = followEntry(record, rename)
    const key = own(record, 'key')
    if (typeof key === 'string' && key.startsWith(`${rename.from.key}#`)) {
      copy.key = rename.to.key + key.slice(rename.from.key.length)
    }

    return copy
  }
}

// ---------------------------------------------------------------------------------------
// The generic diff

type Added<I> = I & {record: JsonRecord}
type Changed<I> = I & {changes: [FieldChange, ...FieldChange[]]}

interface DatasetDiff<I extends Identity> {
  added: Added<I>[]
  removed: Added<I>[]
  changed: Changed<I>[]
}

interface Keyed<I extends Identity> {
  identity: I
  /** Sort order: locale, flavour, key parts, occurrence. */
  order: KeyPart[]
  record: JsonRecord
  /** The record as compared: for old records, with their entry's rename applied. */
  compared: JsonRecord
}

/** Renames by `[locale, flavour, old entry key]`. */
type Renames = Map<string, Rename>

function renameKey(locale: string, flavour: string, key: string): string {
  return JSON.stringify([locale, flavour, key])
}

/**
 * Records by match key. A key repeated within one dataset (which a well-formed dataset
 * does not have) gets its occurrence number, so repeats pair up in their order instead of
 * overwriting each other.
 */
function keyRecords<I extends Identity>(
  spec: DatasetSpec<I>,
  records: readonly JsonRecord[],
  where: (index: number) => string,
  renames?: Renames
): Map<string, Keyed<I>> {
  const keyed = new Map<string, Keyed<I>>()
  const seen = new Map<string, number>()
  for (const [index, record] of records.entries()) {
    const at = () => where(index)
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

/**
 * The changes from `old` to `current`, without those `said` elsewhere or implied by
 * others; empty when only incidental fields changed (see DatasetSpec.incidental).
 */
function recordChanges(
  spec: Pick<DatasetSpec<Identity>, 'incidental' | 'implied'>,
  old: JsonRecord,
  current: JsonRecord,
  said: (change: FieldChange) => boolean = () => false
): FieldChange[] {
  const ignore = (change: FieldChange) => said(change) || spec.implied(change, old, current)
  const changes: FieldChange[] = []
  collectChanges(old, current, '', changes)
  const kept = changes.filter((change) => !ignore(change))
  const {incidental} = spec
  if (kept.length === 0 || incidental.length === 0) return kept
  const strip = (record: unknown) => incidental.reduce(without, record)
  const content: FieldChange[] = []
  collectChanges(strip(old), strip(current), '', content)
  return content.some((change) => !ignore(change)) ? kept : []
}

function sortByOrder<T>(items: {item: T; order: KeyPart[]}[]): T[] {
  return items.sort((a, b) => compareParts(a.order, b.order)).map(({item}) => item)
}

function diffRecords<I extends Identity>(
  spec: DatasetSpec<I>,
  name: DatasetName,
  old: Datasets,
  current: Datasets,
  renames?: Renames
): DatasetDiff<I> {
  const where = (label: string) => (index: number) =>
    `${label}/${datasetFiles[name]}, record ${index + 1}`
  const olds = keyRecords(spec, old[name], where(old.label), renames)
  const news = keyRecords(spec, current[name], where(current.label))
  const added: {item: Added<I>; order: KeyPart[]}[] = []
  const removed: {item: Added<I>; order: KeyPart[]}[] = []
  const changed: {item: Changed<I>; order: KeyPart[]}[] = []

  for (const [key, before] of olds) {
    const after = news.get(key)
    if (!after) {
      removed.push({item: {...before.identity, record: before.record}, order: before.order})
      continue
    }

    const changes = recordChanges(spec, before.compared, after.record)
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

// ---------------------------------------------------------------------------------------
// Renamed entries

// Bounds on the quadratic work of renames, against hostile input: real groups are one
// removed and one added entry, real titles and slugs shorter than the prefix compared.
/** Longest prefix of a title or slug compared for similarity, in code points. */
const maxCompared = 200
/** Largest removed × added group searched for renames; a larger one is left as is. */
const maxPairs = 1024

function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().replaceAll(/\s+/g, ' ').trim()
}

/** 1 − Levenshtein distance / longer length, by code point; 0 when both are empty. */
export function similarity(a: string, b: string): number {
  const x = Array.from(a).slice(0, maxCompared)
  const y = Array.from(b).slice(0, maxCompared)
  const longer = Math.max(x.length, y.length)
  if (longer === 0) return 0
  let previous = Array.from({length: y.length + 1}, (_, index) => index)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost))
    }

    previous = row
  }

  return 1 - previous[y.length]! / longer
}

function titleOf(record: JsonRecord): string {
  const title = own(record, 'title')
  if (!isObject(title)) return ''
  const value = own(title, 'en') ?? own(title, 'text')
  return typeof value === 'string' ? normalise(value) : ''
}

interface Candidate {
  from: EntryItem
  to: EntryItem
  title: number
  slug: number
}

function groupByNumber(items: EntryItem[]): Map<string, EntryItem[]> {
  const groups = new Map<string, EntryItem[]>()
  for (const item of items) {
    const number = own(item.record, 'number')
    if (!Number.isInteger(number)) continue
    const group = JSON.stringify([item.locale, item.flavour, item.month, number])
    const members = groups.get(group)
    if (members) members.push(item)
    else groups.set(group, [item])
  }

  return groups
}

function byBestCandidate(a: Candidate, b: Candidate): number {
  return (
    Math.max(b.title, b.slug) - Math.max(a.title, a.slug) ||
    Math.min(b.title, b.slug) - Math.min(a.title, a.slug) ||
    compareCodePoints(a.from.key, b.from.key) ||
    compareCodePoints(a.to.key, b.to.key)
  )
}

/**
 * A removed and an added entry of the same locale, flavour, month and number are one
 * renamed entry when their titles are close (similarity ≥ 0.6) or their slugs are
 * (≥ 0.8): a typo fixed in a slug, `…-february-1-20201` → `…-2021`. Pairs are taken
 * greedily, best similarity first. A slug fixed while the entry was also renumbered
 * stays removed + added: the number is what ties the two.
 */
function findRenames(
  added: EntryItem[],
  removed: EntryItem[]
): {renamed: EntryRename[]; added: EntryItem[]; removed: EntryItem[]} {
  const addedGroups = groupByNumber(added)
  const candidates: Candidate[] = []
  for (const [group, froms] of groupByNumber(removed)) {
    const tos = addedGroups.get(group)
    if (!tos || froms.length * tos.length > maxPairs) continue
    for (const from of froms) {
      for (const to of tos) {
        const title = similarity(titleOf(from.record), titleOf(to.record))
        const slug = similarity(from.id, to.id)
        if (title >= 0.6 || slug >= 0.8) candidates.push({from, to, title, slug})
      }
    }
  }

  const paired = new Set<EntryItem>()
  const renamed: {item: EntryRename; order: KeyPart[]}[] = []
  for (const {from, to} of candidates.sort(byBestCandidate)) {
    if (paired.has(from) || paired.has(to)) continue
    paired.add(from)
    paired.add(to)
    // The new key and slug are the rename's `to`.
    const changes = recordChanges(
      entrySpec,
      from.record,
      to.record,
      (change) => change.path === '/key' || change.path === '/id'
    )
    renamed.push({
      item: {
        locale: to.locale,
        flavour: to.flavour,
        month: to.month,
        number: own(to.record, 'number') as number,
        from: {key: from.key, id: from.id},
        to: {key: to.key, id: to.id},
        changes
      },
      order: [from.locale, from.flavour, from.key, to.key]
    })
  }

  return {
    renamed: sortByOrder(renamed),
    added: added.filter((item) => !paired.has(item)),
    removed: removed.filter((item) => !paired.has(item))
  }
}

// ---------------------------------------------------------------------------------------

/** The diff from `old` to `current`. Throws a DatasetError for a record without its key. */
export function diffDatasets(old: Datasets, current: Datasets): Diff {
  const entries = diffRecords(entrySpec, 'entries', old, current)
  const {renamed, added, removed} = findRenames(entries.added, entries.removed)

  // The offers, country rules and tables of a renamed entry follow it: their entry key
  // and ID change with the entry's, which the entry's rename already says.
  const renames: Renames = new Map()
  for (const rename of renamed) {
    renames.set(renameKey(rename.locale, rename.flavour, rename.from.key), rename)
  }

  return {
    entries: {added, removed, changed: entries.changed, renamed},
    offers: {...diffRecords(offerSpec, 'offers', old, current, renames), renamed: []},
    countryRules: {
      ...diffRecords(countryRuleSpec, 'countryRules', old, current, renames),
      renamed: []
    },
    tables: {...diffRecords(tableSpec, 'tables', old, current, renames), renamed: []}
  }
}

export function hasChanges(diff: Diff): boolean {
  return datasetNames.some((name) => {
    const {added, removed, changed, renamed} = diff[name]
    return added.length + removed.length + changed.length + renamed.length > 0
  })
}
