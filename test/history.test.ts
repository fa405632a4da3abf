import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Io} from '../pipeline/cli/io.js'
import {parseUntil} from '../pipeline/cli/history.js'
import {main} from '../pipeline/cli/main.js'
import {PageEngine} from '../pipeline/engine/engine.js'
import {openDocs, resolveDocs} from '../pipeline/git/docs-source.js'
import {parseLog} from '../pipeline/git/walk-commits.js'
import {buildHistory, type HistoryDatasets} from '../pipeline/history/build-history.js'
import type {Commit} from '../pipeline/types/commits.js'
import type {EntryTimeline} from '../pipeline/types/entry-history.js'
import type {OfferTimeline} from '../pipeline/types/offer-history.js'

/**
 * `herald history` on the real git history of the French side-by-side pages. The facts
 * asserted were read from `git log` and `git show` of the bundle, not from the output.
 */

const historyFolder = path.resolve(import.meta.dirname, '../../shared/corpus/history')
const bundle = path.join(historyFolder, 'fr-fr.bundle')
const hasHistory = fs.existsSync(bundle)

if (!hasHistory) {
  console.warn(`History tests skipped: ${bundle} is absent (see README, Contribute).`)
}

interface Run {
  code: number
  stderr: string
  stats: {commits: number; versions: number; distinct: number; parsed: number}
}

async function run(args: string[]): Promise<Run> {
  let stderr = ''
  const io: Io = {stdout: () => {}, stderr: (text) => (stderr += text), isTerminal: false}
  const code = await main(['history', ...args], io)
  const match =
    /herald history: (\d+) commits, (\d+) page versions \((\d+) distinct\), parsed (\d+), [\d.]+ s/.exec(
      stderr
    )
  const [commits, versions, distinct, parsed] = (match ?? []).slice(1).map(Number)
  return {
    code,
    stderr,
    stats: {commits: commits!, versions: versions!, distinct: distinct!, parsed: parsed!}
  }
}

function readJson<T>(folder: string, name: string): T {
  return (JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as {records: T}).records
}

const datasetFiles = ['commits.json', 'entry-history.json', 'offer-history.json']

describe.runIf(hasHistory)('history: fr-fr live-sxs', () => {
  let temporary: string
  let repo: string
  let cold: Run
  let warm: Run
  let commits: Commit[]
  let entries: EntryTimeline[]
  let offers: OfferTimeline[]

  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', repo, ...args], {encoding: 'utf8', maxBuffer: 1 << 28})

  beforeAll(async () => {
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-history-test-'))
    repo = path.join(temporary, 'repo.git')
    execFileSync('git', ['clone', '--bare', '--quiet', bundle, repo])
    const cache = path.join(temporary, 'cache')
    const common = ['--docs', bundle, '--ref', 'live-sxs', '--cache', cache]
    cold = await run([...common, '--out', path.join(temporary, 'cold')])
    warm = await run([...common, '--out', path.join(temporary, 'warm')])
    const out = path.join(temporary, 'cold')
    commits = readJson(out, 'commits.json')
    entries = readJson(out, 'entry-history.json')
    offers = readJson(out, 'offer-history.json')
  })

  afterAll(() => {
    if (temporary) fs.rmSync(temporary, {recursive: true, force: true})
  })

  /** The sha of the first-parent commit of that day that touched `file`. */
  function commitOn(day: string, file: string): string {
    const shas = git(
      'log',
      '--first-parent',
      '--format=%H %cI',
      'live-sxs',
      '--',
      `announcements/${file}`
    )
      .split('\n')
      .filter((line) => line.split(' ')[1]?.startsWith(day))
      .map((line) => line.split(' ')[0]!)
    expect(shas, `${file} on ${day}`).toHaveLength(1)
    return shas[0]!
  }

  /** The entry's key just after `sha`, following its renames back from its last key. */
  function keyAt(timeline: EntryTimeline, sha: string): string {
    const order = commits.map((commit) => commit.sha)
    const at = order.indexOf(sha)
    let key = timeline.key
    for (const version of [...timeline.versions].reverse()) {
      if (order.indexOf(version.commit) <= at) break
      const change = version.changes.find((item) => item.path === '/key')
      if (version.change === 'renamed' && change) key = change.old as string
    }

    return key
  }

  /** Entries of `month` present just after `sha`. */
  function presentAt(month: string, sha: string): string[] {
    const order = commits.map((commit) => commit.sha)
    const at = order.indexOf(sha)
    return entries
      .filter((timeline) => timeline.month === month)
      .filter((timeline) => {
        const before = timeline.versions.filter((version) => order.indexOf(version.commit) <= at)
        return before.length > 0 && before.at(-1)!.change !== 'removed'
      })
      .map((timeline) => keyAt(timeline, sha))
  }

  function slugsOf(sha: string, file: string): Set<string> {
    const text = git('show', `${sha}:announcements/${file}`)
    return new Set(
      text
        .split('\n')
        .filter((line) => line.startsWith('## '))
        .map((line) => /^## <a name="([^"]+)">/.exec(line)?.[1])
        .filter((slug): slug is string => slug !== undefined)
    )
  }

  it('walks every first-parent commit that touched the folder, oldest first', () => {
    const touching = git(
      'log',
      '--first-parent',
      '--reverse',
      '--format=%H %cI',
      'live-sxs',
      '--',
      'announcements'
    )
      .trim()
      .split('\n')
    expect(commits.map((commit) => `${commit.sha} ${commit.date}`)).toEqual(touching)
    expect(cold.code).toBe(0)
    expect(cold.stats.commits).toBe(touching.length)
  })

  it('2020-november.md grows 4 → 7 → 10 → 14 entries; each diff names exactly the added H2s', () => {
    const growth: Array<[string, number, string[]]> = [
      [
        '2020-11-06',
        4,
        [
          'cloud-solution-provider-csp-promo-for-microsoft-365-business-voice-is-now-available',
          'dynamics-365-recently-launched-and-upcoming-new-offers-and-products',
          'introducing-microsoft-365-business-voice-for-nonprofit-organizations',
          'new-microsoft-teams-advanced-communications-skus-for-government-community-cloud-gcc-coming-soon'
        ]
      ],
      [
        '2020-11-13',
        7,
        [
          'expanding-commercial-licensing-partner-content-on-the-operations-readiness-gallery',
          'microsoft-teams-rooms-premium-sku-launch',
          'testing-available-partner-center-api-updates-and-user-interface-ui-enhancements-for-the-education-customer-validation-process'
        ]
      ],
      [
        '2020-11-19',
        10,
        [
          '409-errors-due-to-duplicate-mca-requests',
          'api-throttling-to-partners-calling-partner-center-apis',
          'euefta-change-of-partner-billing-currency-for-new-commerce-offers'
        ]
      ],
      [
        '2020-11-27',
        14,
        [
          'introducing-the-ability-to-purchase-saas-offers-with-metered-billing-in-partner-center',
          'new-unified-account-management-experience',
          'office-365-e1-for-mid-market-promo-latam-apac-and-india',
          'partner-center-api-updates-and-user-interface-ui-enhancements-to-strengthen-customer-screening-in-certain-countries'
        ]
      ]
    ]

    for (const [day, count, expected] of growth) {
      const sha = commitOn(day, '2020-november.md')
      // The expected slugs are H2 anchors of this version, not of the one before.
      const now = slugsOf(sha, '2020-november.md')
      const parent = git('rev-parse', `${sha}^`).trim()
      const existed = git('ls-tree', '--name-only', parent, '--', 'announcements/2020-november.md')
      const earlier = existed.trim() ? slugsOf(parent, '2020-november.md') : new Set<string>()
      for (const slug of expected) {
        expect(now.has(slug), `${slug} in ${day}`).toBe(true)
        expect(earlier.has(slug), `${slug} before ${day}`).toBe(false)
      }

      expect(presentAt('2020-11', sha), day).toHaveLength(count)
      const added = entries
        .filter((timeline) => timeline.month === '2020-11')
        .filter((timeline) =>
          timeline.versions.some((version) => version.commit === sha && version.change === 'added')
        )
        .map((timeline) => keyAt(timeline, sha))
        .sort()
      expect(added, day).toEqual(expected.map((slug) => `2020-11/${slug}`))
    }
  })

  it('2020-11-27: a slug fixed under the same number (7) is a rename, not removed + added', () => {
    const sha = commitOn('2020-11-27', '2020-november.md')
    const from =
      '2020-11/testing-available-partner-center-api-updates-and-user-interface-ui-enhancements-for-the-education-customer-validation-process'
    const to =
      '2020-11/testing-available-partner-center-api-and-user-interface-ui-enhancements-for-the-education-customer-validation-process'
    const timeline = entries.find((item) => item.key === to)!
    expect(timeline.renamedFrom).toEqual([from])
    expect(timeline.firstSeen.commit).toBe(commitOn('2020-11-13', '2020-november.md'))
    const renamed = timeline.versions.find((version) => version.change === 'renamed')!
    expect(renamed.commit).toBe(sha)
    expect(renamed.date).toBe('2020-11-27T16:45:33+00:00')
    expect(renamed.fields).toEqual(expect.arrayContaining(['/id', '/key', '/title']))
    expect(renamed.changes).toContainEqual({path: '/key', old: from, new: to})
    expect(entries.some((item) => item.key === from)).toBe(false)
    expect(commits.find((commit) => commit.sha === sha)!.entries.renamed).toBe(1)
  })

  it('2021-02-08: a slug fixed while renumbered (5 → 4) stays removed + added', () => {
    const sha = commitOn('2021-02-08', '2021-january.md')
    const old = entries.find(
      (item) => item.key === '2021-01/calling-plan-and-phone-system-updates-for-february-1-20201'
    )!
    expect(old.removed).toEqual({commit: sha, date: '2021-02-08T16:19:25+00:00'})
    const fixed = entries.find(
      (item) => item.key === '2021-01/calling-plan-and-phone-system-updates-for-february-1-2021'
    )!
    expect(fixed.firstSeen.commit).toBe(sha)
    expect(fixed.renamedFrom).toEqual([])
  })

  it('2021-01-08: an offer of 2020-december.md renamed “Self Service” → “Self-Service”', () => {
    const sha = commitOn('2021-01-08', '2020-december.md')
    const offer = offers.find((item) => item.offerId === '931acecc-34c3-4f83-913e-c7fdbfd7e2a1')!
    expect(offer.entries.every((key) => key.startsWith('2020-12/'))).toBe(true)
    const version = offer.versions.find((item) => item.commit === sha)!
    expect(version).toMatchObject({change: 'changed', date: '2021-01-08T18:09:56+00:00'})
    expect(version.fields).toContain('/name')
    expect(version.changes).toContainEqual({
      path: '/name/en',
      old: 'Dynamics 365 Human Resources Self Service (Nonprofits Pricing)',
      new: 'Dynamics 365 Human Resources Self-Service (Nonprofits Pricing)'
    })
    expect(offer.name?.en).toBe('Dynamics 365 Human Resources Self-Service (Nonprofits Pricing)')
    expect(offer.lastChanged.commit).toBe(sha)
    expect(commits.find((commit) => commit.sha === sha)!.offers.changed).toBeGreaterThanOrEqual(1)
  })

  it('2021-04-13: the onboarding entry of 2021-february.md moves from 2021-02-25 to 2021-04-02', () => {
    const sha = commitOn('2021-04-13', '2021-february.md')
    const timeline = entries.find(
      (item) =>
        item.key ===
        '2021-02/changes-to-the-cloud-solution-provider-csp-customer-onboarding-requirements'
    )!
    const version = timeline.versions.find((item) => item.commit === sha)!
    expect(version.change).toBe('changed')
    expect(version.date).toBe('2021-04-13T02:00:16+00:00')
    expect(version.fields).toContain('/date')
    expect(version.changes).toContainEqual({path: '/date', old: '2021-02-25', new: '2021-04-02'})
  })

  it('parses each distinct page version once; a warm cache parses none', () => {
    // Distinct (name, blob) of the Markdown files the commits brought, from git itself.
    const raw = git(
      'log',
      '--first-parent',
      '--format=',
      '--raw',
      '--no-abbrev',
      '-M',
      'live-sxs',
      '--',
      'announcements'
    )
    const versions = raw
      .split('\n')
      .filter((line) => line.startsWith(':'))
      .map((line) => line.split('\t'))
      .filter(([meta]) => !meta!.endsWith(' D'))
      .map((fields) => `${fields.at(-1)} ${fields[0]!.split(' ')[3]}`)
      .filter((version) => version.split(' ')[0]!.endsWith('.md'))
    const distinct = new Set(versions).size
    expect(cold.stats).toMatchObject({versions: versions.length, distinct, parsed: distinct})
    expect(commits.reduce((sum, commit) => sum + commit.parsed, 0)).toBe(distinct)
    expect(warm.code).toBe(0)
    expect(warm.stats).toMatchObject({commits: cold.stats.commits, distinct, parsed: 0})
  })

  it('gives the same bytes on every run', () => {
    for (const name of datasetFiles) {
      const first = fs.readFileSync(path.join(temporary, 'cold', name))
      const second = fs.readFileSync(path.join(temporary, 'warm', name))
      expect(second.equals(first), name).toBe(true)
    }
  })

  it('--until stops before the first commit after the date', async () => {
    const out = path.join(temporary, 'until')
    const cache = path.join(temporary, 'cache')
    const result = await run(
      ['--docs', bundle, '--ref', 'live-sxs', '--until', '2020-06-30', '--out', out].concat([
        '--cache',
        cache
      ])
    )
    expect(result.code).toBe(0)
    const early = readJson<Commit[]>(out, 'commits.json')
    expect(early).toEqual(commits.filter((commit) => commit.date < '2020-07-01'))
  })

  it('rejects a ref that would be an option, and a ref the bundle lacks', async () => {
    const out = path.join(temporary, 'refused')
    const cache = path.join(temporary, 'cache')
    for (const ref of ['--output=/tmp/x', 'no-such-branch']) {
      const result = await run(['--docs', bundle, `--ref=${ref}`, '--out', out, '--cache', cache])
      expect(result.code, ref).toBe(2)
      expect(fs.existsSync(out)).toBe(false)
    }
  })

  describe('English versions apart from translation churn', () => {
    let english: HistoryDatasets

    beforeAll(async () => {
      // The pages are in the cache of the runs above: only the diffs run again.
      const cacheFolder = path.join(temporary, 'cache')
      const source = await openDocs(bundle, {cacheFolder: path.join(cacheFolder, 'docs')})
      const docs = await resolveDocs(source, 'live-sxs')
      const engine = new PageEngine({cacheFolder})
      const result = await buildHistory({
        repo: docs.source.repo,
        commit: docs.commit,
        folder: docs.folder,
        engine,
        english: true
      }).finally(() => engine.close())
      expect(result.invalid).toBeUndefined()
      english = result.datasets
    })

    /**
     * What a `changed` version of the full history changed, read from its changes alone:
     * `english` where an English value or a fact changed; `translation` where only the
     * French of a `{text, en}` value (every one of these pages has its English beside it)
     * or an array's items' French text did; `metadata` where only the source changed (its
     * commit, translation type, hand-off date, twin or position).
     */
    function kindOf(version: EntryTimeline['versions'][number]) {
      const metadata = /^\/source\/(?:sourceCommit|translationType|handoff|twin|line|column)$/
      const frenchText = /^\/(?:title|dateText|status|sections\/[^/]+(?:\/heading)?)\/text$/
      const withoutText = (items: unknown[]) =>
        JSON.stringify(
          items.map((item) => {
            if (item === null || typeof item !== 'object') return item
            const rest: Record<string, unknown> = {...item}
            delete rest.text
            return rest
          })
        )
      const kinds = version.changes.map((change) => {
        if (metadata.test(change.path)) return 'metadata'
        if (frenchText.test(change.path)) return 'translation'
        const {old, new: current} = change
        if (Array.isArray(old) && Array.isArray(current)) {
          return withoutText(old) === withoutText(current) ? 'translation' : 'english'
        }

        return 'english'
      })
      if (kinds.includes('english')) return 'english'
      return kinds.includes('translation') ? 'translation' : 'metadata'
    }

    const versionsOf = (timelines: EntryTimeline[], change: string) =>
      timelines.flatMap((timeline) =>
        timeline.versions
          .filter((version) => version.change === change)
          .map((version) => ({timeline, version}))
      )

    it('counts 205 changed versions: 197 English, 8 translation only, none metadata only', () => {
      const counts = {english: 0, translation: 0, metadata: 0}
      for (const {version} of versionsOf(entries, 'changed')) counts[kindOf(version)]++
      // A new source commit alone is no version at all (it is incidental): none is left
      // whose only change is the source; a new translation type never came alone.
      expect(counts).toEqual({english: 197, translation: 8, metadata: 0})
    })

    it('keeps exactly the English versions, and every addition, removal and rename', () => {
      const label = ({timeline, version}: {timeline: EntryTimeline; version: {commit: string}}) =>
        `${timeline.key} ${version.commit}`
      const expected = versionsOf(entries, 'changed')
        .filter(({version}) => kindOf(version) === 'english')
        .map(label)
      expect(versionsOf(english.entryHistory, 'changed').map(label)).toEqual(expected)
      for (const change of ['added', 'removed', 'renamed']) {
        expect(versionsOf(english.entryHistory, change).map(label), change).toEqual(
          versionsOf(entries, change).map(label)
        )
      }

      // An English version lists no French: every text had its English beside it.
      const paths = english.entryHistory.flatMap((timeline) =>
        timeline.versions.flatMap((version) => version.changes.map((change) => change.path))
      )
      expect(paths.filter((at) => at.endsWith('/text'))).toEqual([])
      expect(paths).not.toContain('/source/sourceCommit')
    })

    it('2021-03-11: “Fonctions” → “Fonctionnalités” for Capabilities is no English version', () => {
      // git show 4f0806d -- announcements/2020-november.md: the French label of the
      // category changed, its English `Capabilities` did not.
      const sha = commitOn('2021-03-11', '2020-november.md')
      const key = '2020-11/api-throttling-to-partners-calling-partner-center-apis'
      const at = (timelines: EntryTimeline[]) =>
        timelines.find((timeline) => timeline.key === key)!.versions.find((v) => v.commit === sha)
      expect(at(entries)?.changes).toContainEqual({
        path: '/categories',
        old: [{key: 'capabilities', text: 'Fonctions', en: 'Capabilities'}],
        new: [{key: 'capabilities', text: 'Fonctionnalités', en: 'Capabilities'}]
      })
      expect(at(english.entryHistory)).toBeUndefined()
    })

    it('2021-04-13: the onboarding entry’s new date is an English version', () => {
      const sha = commitOn('2021-04-13', '2021-february.md')
      const timeline = english.entryHistory.find(
        (item) =>
          item.key ===
          '2021-02/changes-to-the-cloud-solution-provider-csp-customer-onboarding-requirements'
      )!
      const version = timeline.versions.find((item) => item.commit === sha)!
      expect(version.changes).toContainEqual({path: '/date', old: '2021-02-25', new: '2021-04-02'})
      expect(version.changes.some((change) => change.path.endsWith('/text'))).toBe(false)
    })

    it('counts a commit’s English changes only', () => {
      const changed = (list: Commit[]) => list.reduce((sum, item) => sum + item.entries.changed, 0)
      expect(changed(commits)).toBe(205)
      expect(changed(english.commits)).toBe(197)
    })
  })
})

describe('history: reading git', () => {
  it('parses `git log -z --raw`, renames and paths with any character', () => {
    const blob = (digit: string) => digit.repeat(40)
    const zero = '0'.repeat(40)
    const out = Buffer.from(
      [
        `\x01${'a'.repeat(40)}`,
        '2020-01-01T00:00:00+01:00',
        'first: add',
        `\n:000000 100644 ${zero} ${blob('1')} A`,
        'announcements/2020-may.md',
        `:000000 120000 ${zero} ${blob('2')} A`,
        'announcements/link.md',
        `\x01${'b'.repeat(40)}`,
        '2020-01-02T00:00:00Z',
        'second',
        `\n:100644 100644 ${blob('1')} ${blob('3')} R087`,
        'announcements/2020-may.md',
        'announcements/2020 \x01 tab\there.md',
        ''
      ].join('\0')
    )
    expect(parseLog(out)).toEqual([
      {
        sha: 'a'.repeat(40),
        date: '2020-01-01T00:00:00+01:00',
        subject: 'first: add',
        files: [
          {status: 'A', blob: blob('1'), path: 'announcements/2020-may.md'},
          {status: 'A', blob: undefined, path: 'announcements/link.md'}
        ]
      },
      {
        sha: 'b'.repeat(40),
        date: '2020-01-02T00:00:00Z',
        subject: 'second',
        files: [
          {
            status: 'R',
            blob: blob('3'),
            path: 'announcements/2020 \x01 tab\there.md',
            from: 'announcements/2020-may.md'
          }
        ]
      }
    ])
  })

  it('reads --until as the end of a UTC day, or an ISO date-time', () => {
    expect(parseUntil('2021-04-30')).toBe(Date.parse('2021-04-30T23:59:59.999Z'))
    expect(parseUntil('2021-04-30T12:00:00+02:00')).toBe(Date.parse('2021-04-30T10:00:00Z'))
    expect(() => parseUntil('2021-02-30')).toThrow(/--until/)
    expect(() => parseUntil('yesterday')).toThrow(/--until/)
  })
})
