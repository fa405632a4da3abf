import type {DatasetDefinition} from './definition.js'

/**
 * The datasets `herald history` writes: timelines folded from diffs of consecutive
 * commits. They are not diffed themselves.
 */

/** `entry-history.json`: one timeline per entry that ever appeared. */
export const entryHistory: DatasetDefinition = {
  name: 'entryHistory',
  file: 'entry-history.json',
  schema: 'entry-history',
  writer: 'history',
  recordDefinition: 'entryTimeline',
  key: ['locale', 'flavour', 'key']
}

/** `offer-history.json`: one timeline per offer ID that ever appeared. */
export const offerHistory: DatasetDefinition = {
  name: 'offerHistory',
  file: 'offer-history.json',
  schema: 'offer-history',
  writer: 'history',
  recordDefinition: 'offerTimeline',
  key: ['locale', 'flavour', 'offerId']
}

/** `commits.json`: one record per commit walked, oldest first. */
export const commits: DatasetDefinition = {
  name: 'commits',
  file: 'commits.json',
  schema: 'commits',
  writer: 'history',
  recordDefinition: 'commit',
  key: ['sha']
}
