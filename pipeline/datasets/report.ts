import type {DatasetDefinition} from './definition.js'

/** `report.json`: what a build read, extracted and reported (one object, not records). */
export const report: DatasetDefinition = {
  name: 'report',
  file: 'report.json',
  schema: 'report',
  writer: 'build'
}
