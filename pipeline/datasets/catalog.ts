import type {DatasetDefinition} from './definition.js'

/**
 * `announcements.json`: the catalog, one record per announcement across the locales and
 * flavours of a build (see `catalog/build-catalog.ts`). Not diffed: its changes are the
 * changes of the entries, offers and country rules it is made of.
 */
export const announcements: DatasetDefinition = {
  name: 'announcements',
  file: 'announcements.json',
  schema: 'announcements',
  writer: 'build',
  recordDefinition: 'announcement',
  key: ['key']
}
