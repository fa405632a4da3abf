import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build as runBuild} from '../pipeline/commands/build.js'
import type {BuildDatasets as Datasets} from '../pipeline/engine/assemble-datasets.js'
import {hasCorpus, headFolder} from './helpers/corpus.js'
import {
  readOracle,
  scoreAgainstOracle,
  scoredKinds,
  type OracleScore
} from './helpers/country-oracle.js'

/**
 * Herald's country rules on the corpus head (every locale, both flavours, plain pages with
 * their sxs twin's English as a build of both gives them), scored against the places the
 * oracle's readers labelled (`test/oracle/country-scope.json`). The floors are a little
 * below what the rules reach: a change that loses places, or starts emitting places the
 * readers said are not scope, fails here.
 */

/** Precision and recall each kind must keep, over every folder. */
const floors: Record<(typeof scoredKinds)[number], {precision: number; recall: number}> = {
  scope: {precision: 0.98, recall: 0.965},
  excluded: {precision: 0.94, recall: 0.955},
  region: {precision: 0.9, recall: 0.91},
  requirement: {precision: 1, recall: 1}
}

/** At most this many notPlaces (support routing, currencies, languages…) emitted, over all folders. */
const notPlacesCeiling = 70

describe.runIf(hasCorpus)('country rules of ../shared/corpus/head', () => {
  let build: Datasets
  let score: OracleScore

  // One build of the whole head serves both checks: it is the slow part.
  beforeAll(async () => {
    build = (await runBuild({inputs: [headFolder]})).datasets!
    score = scoreAgainstOracle(build.countryRules, readOracle())
    const summary = scoredKinds.map((kind) => {
      const {precision, recall, truePositives, falsePositives, falseNegatives} = score.kinds[kind]
      return `${kind}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${truePositives}, fp ${falsePositives}, fn ${falseNegatives})`
    })
    console.info(
      `Country rules vs oracle over ${score.folders.length} folders:\n${summary.join('\n')}\nnotPlaces emitted: ${score.notPlacesEmitted.length}`
    )
  })

  it('scores every locale and flavour of the corpus', () => {
    expect(score.folders.length).toBe(12)
    expect(new Set(score.folders.map((folder) => path.posix.basename(folder)))).toEqual(
      new Set(['live', 'live-sxs'])
    )
  })

  for (const kind of scoredKinds) {
    it(`keeps ${kind} precision and recall above their floors`, () => {
      const {precision, recall} = score.kinds[kind]
      const misses = score.falseNegatives.filter((line) => line.includes(` ${kind} `))
      const extras = score.falsePositives.filter((line) => line.includes(` ${kind} `))
      expect(
        precision,
        `extra ${kind} records:\n${extras.slice(0, 40).join('\n')}`
      ).toBeGreaterThanOrEqual(floors[kind].precision)
      expect(
        recall,
        `missed ${kind} records:\n${misses.slice(0, 40).join('\n')}`
      ).toBeGreaterThanOrEqual(floors[kind].recall)
    })
  }

  it('emits few of the places the readers said are not scope', () => {
    const emitted = score.notPlacesEmitted.map(
      (item) => `${item.folder} ${item.entryKey} ${item.place} (${item.why}: ${item.text})`
    )
    expect(emitted.length, emitted.slice(0, 40).join('\n')).toBeLessThanOrEqual(notPlacesCeiling)
    // Support routing, currencies, languages and URLs are told apart by rule: none of them.
    const byRule = score.notPlacesEmitted.filter((item) =>
      ['support-routing', 'currency', 'language', 'url'].includes(item.why)
    )
    expect(byRule.map((item) => `${item.folder} ${item.entryKey} ${item.text}`)).toEqual([])
  })

  it('gives an entry the same scope, exclusions and regions in every locale and flavour', () => {
    // Every locale's page of one English source commit is a translation of the same English,
    // and the rules read that English (plain pages through their twin): the places must agree.
    const commitOf = new Map<string, string>()
    for (const entry of build.entries) {
      commitOf.set(`${entry.source.file}\0${entry.key}`, entry.source.sourceCommit ?? '')
    }
    const groups = new Map<string, Map<string, Set<string>>>()
    for (const entry of build.entries) {
      const group = `${entry.key} @${entry.source.sourceCommit ?? '?'}`
      const folders = groups.get(group) ?? new Map<string, Set<string>>()
      folders.set(path.posix.dirname(entry.source.file), new Set())
      groups.set(group, folders)
    }
    for (const rule of build.countryRules) {
      if (rule.kind === 'requirement') continue
      const commit = commitOf.get(`${rule.source.file}\0${rule.entryKey}`) ?? '?'
      const folder = path.posix.dirname(rule.source.file)
      groups
        .get(`${rule.entryKey} @${commit}`)
        ?.get(folder)
        ?.add(`${rule.kind} ${rule.country ?? rule.region}`)
    }

    const disagreements: string[] = []
    for (const [group, folders] of groups) {
      if (folders.size < 2) continue
      const [first, ...others] = [...folders]
      const expected = [...first![1]].sort().join(', ')
      for (const [folder, places] of others) {
        const actual = [...places].sort().join(', ')
        if (actual !== expected)
          disagreements.push(`${group}\n  ${first![0]}: ${expected}\n  ${folder}: ${actual}`)
      }
    }
    expect(disagreements.join('\n')).toBe('')
    expect(groups.size).toBeGreaterThan(219)
  })
})
