import {distance} from 'fastest-levenshtein'
import {compareCodePoints} from '../compare.js'
import {entries} from '../datasets/entries.js'
import type {KeyPart} from '../datasets/definition.js'
import {isObject, own} from '../datasets/record-fields.js'
import type {EntryItem, EntryRename} from '../types/diff.js'
import {recordChanges, sortByOrder, type DiffOptions} from './keyed-diff.js'

/**
 * Renamed entries: a removed and an added entry of the same locale, flavour, month and
 * number whose titles or slugs are close. A slug fixed while the entry was also renumbered
 * stays removed + added: the number is what ties the two.
 */

// Bounds on the quadratic work of renames, against hostile input: real groups are one
// removed and one added entry, real titles and slugs shorter than the prefix compared.
/** Longest prefix of a title or slug compared for similarity, in code points. */
const maxCompared = 200
/** Largest removed × added group searched for renames; a larger one is left as is. */
const maxPairs = 1024

/** The first code points of a string, each as one UTF-16 unit, so distances count code points. */
function codePoints(value: string, astral: Map<string, string>): string {
  const points = Array.from(value).slice(0, maxCompared)
  return points
    .map((point) => {
      if (point.length === 1) return point
      let unit = astral.get(point)
      // Private-use units stand for astral code points; titles hold a handful at most.
      if (unit === undefined) astral.set(point, (unit = String.fromCharCode(0xe000 + astral.size)))
      return unit
    })
    .join('')
}

/** 1 − Levenshtein distance / longer length, by code point; 0 when both are empty. */
export function similarity(a: string, b: string): number {
  const astral = new Map<string, string>()
  const x = codePoints(a, astral)
  const y = codePoints(b, astral)
  const longer = Math.max(x.length, y.length)
  if (longer === 0) return 0
  return 1 - distance(x, y) / longer
}

function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().replaceAll(/\s+/g, ' ').trim()
}

/** An entry record's English title (or its text), normalised for comparison. */
function titleOf(record: Record<string, unknown>): string {
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
 * Pairs removed and added entries into renames when their titles are close (similarity
 * ≥ 0.6) or their slugs are (≥ 0.8): a typo fixed in a slug, `…-february-1-20201` →
 * `…-2021`. Pairs are taken greedily, best similarity first.
 */
export function findRenames(
  added: EntryItem[],
  removed: EntryItem[],
  options: DiffOptions = {}
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
    const changes = recordChanges(entries.diff!, from.record, to.record, {
      ...options,
      said: (change) => change.path === '/key' || change.path === '/id'
    })
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
