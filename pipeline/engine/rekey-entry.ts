import type {EntryRecords} from './extract-part.js'

/**
 * Gives an entry and every record that belongs to it a new key: a slug used by two H2s of
 * one page keeps both entries, the later one as `month/slug~2`.
 */
export function rekeyEntry(records: EntryRecords, key: string): void {
  const old = records.entry.key
  records.entry.key = key
  for (const table of records.tables) {
    table.entryKey = key
    table.key = key + table.key.slice(old.length)
  }

  for (const offer of records.offers) offer.entryKey = key
  for (const rule of records.countryRules) rule.entryKey = key
}
