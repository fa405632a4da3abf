import {isDeepStrictEqual} from 'node:util'
import type {EntryItem, FieldChange} from '../types/diff.js'
import type {DatasetDefinition, JsonRecord} from './definition.js'
import {optionalText, own, placeOf, text} from './record-fields.js'

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
  return isDeepStrictEqual(swapped, change.new)
}

/** `entries.json`: one record per announcement, keyed `month/id` within locale and flavour. */
export const entries: DatasetDefinition<Omit<EntryItem, 'record'>> = {
  name: 'entries',
  file: 'entries.json',
  schema: 'entries',
  writer: 'build',
  recordDefinition: 'entry',
  key: ['locale', 'flavour', 'key'],
  diff: {
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
      ['source', 'sourceCommit'],
      ['source', 'handoff'],
      ['source', 'twin']
    ],
    implied: impliedAnchors,
    translation: {
      texts: [
        ['title'],
        ['dateText'],
        ['categories', '*'],
        ['status'],
        ['sections', '*'],
        ['sections', '*', 'heading']
      ],
      fields: [
        // A link's text is the words of the page around its URL: its English, where the
        // page has any, is in the section's `en`.
        ['links', '*', 'text'],
        // Which English commit the page was translated from, and by whom (HT, MT): a page
        // translated again gets new ones whether its English changed or not.
        ['source', 'sourceCommit'],
        ['source', 'translationType']
      ]
    },
    followRename: (record) => record
  }
}
