import {DatasetError} from '../errors.js'
import type {TableItem} from '../types/diff.js'
import {belongsToEntry, type DatasetDefinition} from './definition.js'
import {describeValue, followEntry, own, placeOf, text} from './record-fields.js'

/** `tables.json`: every GFM table of every entry, keyed by its entry and ordinal. */
export const tables: DatasetDefinition<Omit<TableItem, 'record'>> = {
  name: 'tables',
  file: 'tables.json',
  schema: 'tables',
  writer: 'build',
  recordDefinition: 'table',
  key: ['locale', 'flavour', 'key'],
  references: belongsToEntry,
  diff: {
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
    translation: {texts: [['caption'], ['header', '*'], ['rows', '*', 'cells', '*']], fields: []},
    followRename(record, rename) {
      const copy = followEntry(record, rename)
      const key = own(record, 'key')
      if (typeof key === 'string' && key.startsWith(`${rename.from.key}#`)) {
        copy.key = rename.to.key + key.slice(rename.from.key.length)
      }

      return copy
    }
  }
}
