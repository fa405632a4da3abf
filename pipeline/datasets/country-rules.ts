import type {CountryRuleItem} from '../types/diff.js'
import {belongsToEntry, type DatasetDefinition} from './definition.js'
import {followEntry, optionalText, placeOf, text} from './record-fields.js'

/** `country-rules.json`: the places an entry constrains, and the rules it sets for them. */
export const countryRules: DatasetDefinition<Omit<CountryRuleItem, 'record'>> = {
  name: 'countryRules',
  file: 'country-rules.json',
  schema: 'country-rules',
  writer: 'build',
  recordDefinition: 'rule',
  key: ['locale', 'flavour', 'entryKey', 'country', 'region', 'kind'],
  references: belongsToEntry,
  diff: {
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
    // `fieldName` is the identifier's native name (`ИНН`, `EGRPOU`), which translation
    // leaves as is.
    translation: {texts: [['name'], ['comment'], ['leadIn'], ['sourceText']], fields: []},
    followRename: followEntry
  }
}
