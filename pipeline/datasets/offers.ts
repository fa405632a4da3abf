import type {OfferItem} from '../types/diff.js'
import type {DatasetDefinition} from './definition.js'
import {followEntry, optionalText, placeOf, text} from './record-fields.js'

/** `offers.json`: one record per offer ID an entry names. */
export const offers: DatasetDefinition<Omit<OfferItem, 'record'>> = {
  name: 'offers',
  file: 'offers.json',
  schema: 'offers',
  writer: 'build',
  recordDefinition: 'offer',
  key: ['locale', 'flavour', 'entryKey', 'offerId', 'role'],
  references: {
    dataset: 'entries',
    fields: ['locale', 'flavour', 'entryKey'],
    to: ['locale', 'flavour', 'key']
  },
  diff: {
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
    translation: {texts: [['name'], ['columns', '*']], fields: []},
    followRename: followEntry
  }
}
