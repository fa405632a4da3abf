import fs from 'node:fs'
import path from 'node:path'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import type {CountryRule} from '../../pipeline/types/country-rules.js'

/**
 * Scores country rules against `test/oracle/country-scope.json`, the places each entry of
 * the corpus head constrains as labelled by reading (see `test/oracle/README.md`).
 */

/** A place the oracle says an entry constrains. */
export interface OraclePlace {
  kind: 'scope' | 'excluded' | 'region' | 'requirement'
  country: string | null
  region: string | null
  section: string
  evidence: string
  uncertain?: boolean
}

/** A place an entry names without constraining it, and why. */
export interface OracleNotPlace {
  text: string
  why: 'support-routing' | 'currency' | 'language' | 'product-name' | 'url' | 'mention'
  section: string
}

/** One labelled entry. */
export interface OracleEntry {
  key: string
  places: OraclePlace[]
  notPlaces: OracleNotPlace[]
  notes?: string
}

/** The oracle file. */
export const oraclePath = path.resolve(import.meta.dirname, '../oracle/country-scope.json')

/** The labelled entries. */
export function readOracle(): OracleEntry[] {
  return JSON.parse(fs.readFileSync(oraclePath, 'utf8')) as OracleEntry[]
}

/** The kinds scored. */
export const scoredKinds = ['scope', 'excluded', 'region', 'requirement'] as const

/** Counts of one kind over every folder and entry. */
export interface KindScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
}

/** A notPlace a build emitted as a place of its entry. */
export interface EmittedNotPlace {
  folder: string
  entryKey: string
  text: string
  why: OracleNotPlace['why']
  place: string
}

/** What {@link scoreAgainstOracle} measures. */
export interface OracleScore {
  kinds: Record<(typeof scoredKinds)[number], KindScore>
  /** Folders (`locale/flavour`) scored: each oracle entry is scored once per folder. */
  folders: string[]
  notPlacesEmitted: EmittedNotPlace[]
  /** Misses and extras by folder, entry and place, for reading. */
  falsePositives: string[]
  falseNegatives: string[]
}

function placeOf(record: {country: string | null; region: string | null}): string {
  return record.country ?? record.region ?? '?'
}

/** The places a notPlace's text names, as a rule's `country` or `region` would hold them. */
function namedPlaces(text: string): string[] {
  const found = findCountries(text, 'en')
  return [
    ...found.countries.map((country) => country.code),
    ...found.regions.map((region) => region.region)
  ]
}

/**
 * Precision and recall of each kind over every folder (`locale/flavour` of the rules'
 * source files) and every oracle entry, a place counted once per kind; and the notPlaces a
 * folder emitted: a place named only by a notPlace text, emitted for that entry, that the
 * oracle does not list as a place of the entry under any kind.
 */
export function scoreAgainstOracle(rules: CountryRule[], oracle: OracleEntry[]): OracleScore {
  const folders = [...new Set(rules.map((rule) => path.posix.dirname(rule.source.file)))].sort()
  const byFolderEntry = new Map<string, Set<string>>()
  for (const rule of rules) {
    const id = `${path.posix.dirname(rule.source.file)}\0${rule.entryKey}`
    const set = byFolderEntry.get(id) ?? new Set<string>()
    set.add(`${rule.kind} ${placeOf(rule)}`)
    byFolderEntry.set(id, set)
  }

  const counts = Object.fromEntries(
    scoredKinds.map((kind) => [kind, {truePositives: 0, falsePositives: 0, falseNegatives: 0}])
  ) as Record<(typeof scoredKinds)[number], Omit<KindScore, 'precision' | 'recall'>>
  const score: OracleScore = {
    kinds: {} as OracleScore['kinds'],
    folders,
    notPlacesEmitted: [],
    falsePositives: [],
    falseNegatives: []
  }
  for (const folder of folders) {
    for (const entry of oracle) {
      const predicted = byFolderEntry.get(`${folder}\0${entry.key}`) ?? new Set<string>()
      const gold = new Set(entry.places.map((place) => `${place.kind} ${placeOf(place)}`))
      for (const item of predicted) {
        const kind = item.split(' ')[0] as (typeof scoredKinds)[number]
        if (gold.has(item)) counts[kind].truePositives++
        else {
          counts[kind].falsePositives++
          score.falsePositives.push(`${folder} ${entry.key} ${item}`)
        }
      }
      for (const item of gold) {
        if (predicted.has(item)) continue
        counts[item.split(' ')[0] as (typeof scoredKinds)[number]].falseNegatives++
        score.falseNegatives.push(`${folder} ${entry.key} ${item}`)
      }
      const goldPlaces = new Set(entry.places.map(placeOf))
      const predictedPlaces = new Set(
        [...predicted].map((item) => item.split(' ').slice(1).join(' '))
      )
      const counted = new Set<string>()
      for (const notPlace of entry.notPlaces) {
        for (const place of namedPlaces(notPlace.text)) {
          if (goldPlaces.has(place) || !predictedPlaces.has(place) || counted.has(place)) continue
          counted.add(place)
          score.notPlacesEmitted.push({
            folder,
            entryKey: entry.key,
            text: notPlace.text,
            why: notPlace.why,
            place
          })
        }
      }
    }
  }

  for (const kind of scoredKinds) {
    const {truePositives, falsePositives, falseNegatives} = counts[kind]
    score.kinds[kind] = {
      truePositives,
      falsePositives,
      falseNegatives,
      precision: truePositives / Math.max(1, truePositives + falsePositives),
      recall: truePositives / Math.max(1, truePositives + falseNegatives)
    }
  }

  return score
}
