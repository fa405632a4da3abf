import type {OfferItem} from '../types/diff.js'
import {belongsToEntry, type DatasetDefinition} from './definition.js'
import {followEntry, optionalText, placeOf, text} from './record-fields.js'

/**
 * `offers.json`: one record per offer ID an entry names, and per table row or list item
 * that gives a Material ID without one. A record is known by its offer ID in its entry,
 * or by `material:<Material ID>` when it has none: where the entry names it (table, list,
 * text) and its row may change, its key does not.
 */
export const offers: DatasetDefinition<Omit<OfferItem, 'record'>> = {
  name: 'offers',
  file: 'offers.json',
  schema: 'offers',
  writer: 'build',
  recordDefinition: 'offer',
  key: ['locale', 'flavour', 'entryKey', 'offerId', 'materialId', 'role'],
  references: belongsToEntry,
  diff: {
    identify(record, where) {
      const entryKey = text(record, 'entryKey', where)
      const offerId = optionalText(record, 'offerId', where) ?? null
      const materialId = offerId === null ? text(record, 'materialId', where) : undefined
      const id = offerId ?? `material:${materialId}`
      const role = optionalText(record, 'role', where)
      const identity = {
        ...placeOf(record, entryKey, where),
        key: [entryKey, id, ...(role === undefined ? [] : [role])].join('#'),
        entryKey,
        offerId,
        ...(materialId === undefined ? {} : {materialId}),
        ...(role === undefined ? {} : {role})
      }
      return {identity, parts: [entryKey, id, role ?? '']}
    },
    // The table ordinal and row of an offer move when a table or a row is inserted above.
    incidental: [['source', 'line'], ['source', 'column'], ['table'], ['row']],
    implied: () => false,
    translation: {texts: [['name'], ['columns', '*']], fields: []},
    followRename: followEntry
  }
}
