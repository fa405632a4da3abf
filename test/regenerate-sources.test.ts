import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {docsRepository, fixturePage} from './helpers/docs-repo.js'
import {gitIn as git} from './helpers/git.js'
import {runCli} from './helpers/run-cli.js'
import {readRecords, scratchFolder, snapshot} from './helpers/scratch.js'
import {commitMessageCap} from '../pipeline/commands/commit-message.js'
import {
  isDone,
  reasonOf,
  regenerateSources,
  type RegenerateSourcesResult
} from '../pipeline/commands/regenerate-sources.js'
import {readConfig} from '../pipeline/config/read-config.js'
import {oneAtATime, settleBounded} from '../pipeline/sources/run-bounded.js'
import {corpusFolder} from './helpers/corpus.js'

/** `herald regenerate --config CONFIG [--commit]` with the cache inside `repo`. */
function regenerateConfig(config: string, repo: string, commit = false) {
  return runCli(
    'regenerate',
    '--config',
    config,
    ...(commit ? ['--commit'] : []),
    '--cache',
    path.join(repo, '.cache')
  )
}

/**
 * `herald regenerate` over the sources of a config, on small docs repositories made here:
 * every source into its folder, one catalog over them, one commit; a source that fails
 * stops none of the others.
 */

/** The French November 2020 page, and the same page said to be German. */
const frenchPage = fs.readFileSync(fixturePage('sxs-entry'), 'utf8')
const germanPage = frenchPage.replace('ms.contentlocale: fr-FR', 'ms.contentlocale: de-DE')

/** A repository to publish the datasets in, with one commit. */
function publishedRepo(): string {
  const repo = scratchFolder('herald-published-')
  git(repo, 'init', '--quiet')
  fs.writeFileSync(path.join(repo, 'README.md'), 'Datasets\n')
  git(repo, 'add', '--all')
  git(repo, 'commit', '--quiet', '-m', 'Start')
  // regenerate commits with the repository's own identity.
  git(repo, 'config', 'user.name', 'Herald Test')
  git(repo, 'config', 'user.email', 'test@example.invalid')
  git(repo, 'config', 'commit.gpgsign', 'false')
  return repo
}

function writeConfig(repo: string, sources: unknown[]): string {
  const file = path.join(repo, 'herald.config.json')
  fs.writeFileSync(file, JSON.stringify({sources, catalog: {out: 'data/catalog'}}, null, 2))
  return file
}

const commitCount = (repo: string) => Number(git(repo, 'rev-list', '--count', 'HEAD'))

/** The files the last commit of `repo` changed. */
const committedFiles = (repo: string) =>
  git(repo, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()

interface CatalogRecord {
  key: string
  locales: Record<string, {flavours: string[]}>
}

describe('a config of three sources, one of which fails', () => {
  let french = ''
  let german = ''
  let repo = ''
  let result: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    french = docsRepository([{'2020-november.md': frenchPage}])
    german = docsRepository([{'2020-november.md': germanPage}])
    repo = publishedRepo()
    const config = writeConfig(repo, [
      {docs: french, ref: 'live', locale: 'fr-fr', out: 'data/fr-fr'},
      {docs: german, ref: 'no-such-branch', locale: 'de-de', out: 'data/broken'},
      {docs: german, ref: 'live', locale: 'de-DE', out: 'data/de-de'}
    ])
    result = await runCli(
      'regenerate',
      '--config',
      config,
      '--commit',
      '--cache',
      path.join(repo, '.cache'),
      '--threads',
      '1'
    )
  })

  it('exits 3 and names the source that failed, with why', () => {
    expect(result.code).toBe(3)
    expect(result.stderr).toContain(
      `herald: data/broken failed, left as it was: No commit \`no-such-branch\` in \`${german}\`: branches: live\n`
    )
    expect(result.stderr).toContain(
      'herald: 1 of 4 folders failed (data/broken); the others were written and committed\n'
    )
  })

  it('writes the other sources, each into its folder', () => {
    expect(fs.existsSync(path.join(repo, 'data/broken'))).toBe(false)
    const locales = (folder: string) =>
      new Set(
        readRecords<{locale: string}>(path.join(repo, folder), 'entries.json').map(
          (entry) => entry.locale
        )
      )
    expect(locales('data/fr-fr')).toEqual(new Set(['fr-FR']))
    expect(locales('data/de-de')).toEqual(new Set(['de-DE']))
  })

  it('builds one catalog over the folders written: each announcement with both locales', () => {
    const catalog = readRecords<CatalogRecord>(
      path.join(repo, 'data/catalog'),
      'announcements.json'
    )
    const entries = readRecords<{key: string}>(path.join(repo, 'data/fr-fr'), 'entries.json')
    expect(catalog.map((record) => record.key)).toEqual(entries.map((entry) => entry.key).sort())
    for (const record of catalog) {
      expect(Object.keys(record.locales)).toEqual(['de-DE', 'fr-FR'])
    }

    const report = JSON.parse(
      fs.readFileSync(path.join(repo, 'data/catalog/report.json'), 'utf8')
    ) as {
      coverage: Array<{locale: string; missing: number; present: number}>
    }
    expect(report.coverage.map(({locale, missing}) => ({locale, missing}))).toEqual([
      {locale: 'de-DE', missing: 0},
      {locale: 'fr-FR', missing: 0}
    ])
  })

  it('makes one commit of the folders written, whose message names the failed source', () => {
    expect(commitCount(repo)).toBe(2)
    const files = committedFiles(repo)
    expect(files).toEqual(
      expect.arrayContaining([
        'data/fr-fr/entries.json',
        'data/de-de/entries.json',
        'data/catalog/announcements.json'
      ])
    )
    expect(files.every((file) => /^data\/(?:fr-fr|de-de|catalog)\//.test(file))).toBe(true)
    const message = git(repo, 'log', '-1', '--format=%B')
    expect(message.split('\n')[0]).toBe(result.stdout.split('\n')[0])
    expect(message).toMatch(/^herald: 2 entries added/)
    expect(message).toContain(
      'Not regenerated (left as they were):\n- data/broken: No commit `no-such-branch`'
    )
    expect(
      git(repo, 'log', '-1', '--format=%(trailers:key=Docs-Out,valueonly)').split('\n')
    ).toEqual(['data/fr-fr', 'data/de-de'])
    expect(
      git(repo, 'log', '-1', '--format=%(trailers:key=Docs-Commit,valueonly)').split('\n')
    ).toEqual([git(french, 'rev-parse', 'HEAD'), git(german, 'rev-parse', 'HEAD')])
  })

  it('the config fixed and run again: the missing folder is added in one more commit', async () => {
    const config = writeConfig(repo, [
      {docs: french, ref: 'live', locale: 'fr-fr', out: 'data/fr-fr'},
      {docs: german, ref: 'live', locale: 'de-de', out: 'data/broken'},
      {docs: german, ref: 'live', locale: 'de-DE', out: 'data/de-de'}
    ])
    const again = await regenerateConfig(config, repo, true)
    expect(again.code).toBe(0)
    expect(commitCount(repo)).toBe(3)
    expect(committedFiles(repo).every((file) => /^data\/(?:broken|catalog)\//.test(file))).toBe(
      true
    )
    // Nothing changed since: no commit.
    const unchanged = await regenerateConfig(config, repo, true)
    expect(unchanged.code).toBe(0)
    expect(unchanged.stdout).toBe('herald: no changes\n')
    expect(unchanged.stderr).toContain('nothing to commit')
    expect(commitCount(repo)).toBe(3)
  })
})

describe('a source whose pages are of another locale than the config says', () => {
  it('is refused before its folder is written; the others are written', async () => {
    const french = docsRepository([{'2020-november.md': frenchPage}])
    const repo = publishedRepo()
    const config = writeConfig(repo, [
      {docs: french, ref: 'live', locale: 'fr-fr', out: 'data/fr-fr'},
      {docs: french, ref: 'live', locale: 'ja-jp', out: 'data/ja-jp'}
    ])
    const result = await regenerateConfig(config, repo)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain(
      `herald: data/ja-jp failed, left as it was: ${config}: sources[1].locale is "ja-jp", but ` +
        `pages of \`${french}\` are fr-FR (announcements/2020-november.md): fix the \`locale\` ` +
        'or the `docs` of sources[1]\n'
    )
    expect(fs.existsSync(path.join(repo, 'data/ja-jp'))).toBe(false)
    expect(fs.existsSync(path.join(repo, 'data/fr-fr/entries.json'))).toBe(true)
    // Without --commit, nothing is committed.
    expect(commitCount(repo)).toBe(1)
  })
})

describe('fetching at once or one at a time', () => {
  it('writes the same bytes', async () => {
    const french = docsRepository([{'2020-november.md': frenchPage}])
    const german = docsRepository([{'2020-november.md': germanPage}])
    const folders = [1, 3].map((parallel) => {
      const repo = publishedRepo()
      const config = writeConfig(repo, [
        {docs: french, locale: 'fr-fr', out: 'data/fr-fr'},
        {docs: german, locale: 'de-de', out: 'data/de-de'}
      ])
      return {repo, config, parallel}
    })
    for (const {repo, config, parallel} of folders) {
      const run = await runCli(
        'regenerate',
        '--config',
        config,
        '--parallel',
        String(parallel),
        '--cache',
        path.join(repo, '.cache')
      )
      expect(run.code).toBe(0)
    }

    for (const folder of ['data/fr-fr', 'data/de-de', 'data/catalog']) {
      const [one, three] = folders.map(({repo}) => snapshot(path.join(repo, folder)))
      expect(Object.keys(one!).length).toBeGreaterThan(1)
      expect(three).toEqual(one)
    }
  })
})

describe('the caches of a config run', () => {
  it('a second run on the same docs reads the clones and page results of the first', async () => {
    const french = docsRepository([{'2020-november.md': frenchPage}])
    const german = docsRepository([{'2020-november.md': germanPage}])
    const repo = publishedRepo()
    const config = readConfig(
      writeConfig(repo, [
        {docs: `file://${french}`, locale: 'fr-fr', out: 'data/fr-fr'},
        {docs: `file://${german}`, locale: 'de-de', out: 'data/de-de'}
      ])
    )
    const run = () =>
      regenerateSources({config, cacheFolder: path.join(repo, '.cache'), threads: 1})
    const first = await run()
    const second = await run()
    const states = (result: RegenerateSourcesResult) =>
      result.sources.map((outcome) =>
        isDone(outcome)
          ? {cloned: outcome.docs.source.cloned, unchanged: outcome.build.unchanged}
          : reasonOf(outcome.error)
      )
    expect(states(first)).toEqual([
      {cloned: true, unchanged: false},
      {cloned: true, unchanged: false}
    ])
    // Fetched into the clones, and every page as the last build left it: nothing rebuilt.
    expect(states(second)).toEqual([
      {cloned: false, unchanged: true},
      {cloned: false, unchanged: true}
    ])
  })
})

describe('settleBounded and oneAtATime', () => {
  /** A promise and the function that settles it. */
  function deferred() {
    let resolve!: () => void
    const promise = new Promise<void>((done) => (resolve = done))
    return {promise, resolve}
  }

  it('runs at most `limit` at once, keeps the order, and settles every item whatever fails', async () => {
    let running = 0
    let most = 0
    const gates = Array.from({length: 7}, deferred)
    const settled = settleBounded(gates, 3, async (gate, index) => {
      running++
      most = Math.max(most, running)
      await gate.promise
      running--
      if (index === 2) throw new Error('third')
      return index * 10
    })
    // Release them out of order: the results keep the items' order.
    for (const index of [1, 0, 4, 2, 3, 6, 5]) {
      gates[index]!.resolve()
      await new Promise((tick) => setImmediate(tick))
    }

    const outcomes = await settled
    expect(most).toBe(3)
    expect(
      outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed'))
    ).toEqual([0, 10, 'failed', 30, 40, 50, 60])
  })

  it('takes turns: a task starts once the one before it has ended, failed or not', async () => {
    const turn = oneAtATime()
    const log: string[] = []
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await new Promise((tick) => setImmediate(tick))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }

    const results = await Promise.allSettled([
      turn(task('a', true)),
      turn(task('b')),
      turn(task('c'))
    ])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
  })
})

/** The history bundles of the corpus: two locales as two sources. */
const historyFolder = path.join(corpusFolder, 'history')
const bundles = {
  fr: path.join(historyFolder, 'fr-fr.bundle'),
  ja: path.join(historyFolder, 'ja-jp.bundle')
}
const hasBundles = Object.values(bundles).every((bundle) => fs.existsSync(bundle))
if (!hasBundles) {
  console.warn(
    `Regenerating a config of the history bundles skipped: ${historyFolder} is absent (see README).`
  )
}

/** The commit a branch of a bundle names. */
function bundleHead(bundle: string, branch: string): string {
  const heads = git(historyFolder, 'bundle', 'list-heads', bundle, `refs/heads/${branch}`)
  return heads.split(' ')[0]!
}

interface CorpusEntry {
  key: string
  locale: string
  flavour: string
}

describe.runIf(hasBundles)('a config of the fr-FR (plain) and ja-JP (sxs) history bundles', () => {
  let repo = ''
  let config = ''
  let result: Awaited<ReturnType<typeof runCli>>
  const regenerate = () => regenerateConfig(config, repo, true)

  beforeAll(async () => {
    repo = publishedRepo()
    config = writeConfig(repo, [
      {docs: bundles.fr, ref: 'live', locale: 'fr-fr', out: 'data/fr-fr'},
      {docs: bundles.ja, ref: 'live-sxs', locale: 'ja-jp', out: 'data/ja-jp'}
    ])
    result = await regenerate()
  })

  it('regenerates both into their folders, the plain pages with the English of their twins', () => {
    expect([0, 1]).toContain(result.code)
    expect(result.stderr).toContain('herald: data/fr-fr: English for the plain pages from')
    const fr = readRecords<CorpusEntry & {title: {en?: string}}>(
      path.join(repo, 'data/fr-fr'),
      'entries.json'
    )
    const ja = readRecords<CorpusEntry>(path.join(repo, 'data/ja-jp'), 'entries.json')
    expect(fr.length).toBeGreaterThan(100)
    expect(ja.length).toBeGreaterThan(100)
    expect(new Set(fr.map((entry) => `${entry.locale} ${entry.flavour}`))).toEqual(
      new Set(['fr-FR plain'])
    )
    expect(new Set(ja.map((entry) => `${entry.locale} ${entry.flavour}`))).toEqual(
      new Set(['ja-JP sxs'])
    )
    expect(fr.filter((entry) => entry.title.en !== undefined).length).toBeGreaterThan(fr.length / 2)
  })

  it('catalogs every announcement of both folders once, with the locales that have it', () => {
    const catalog = readRecords<CatalogRecord>(
      path.join(repo, 'data/catalog'),
      'announcements.json'
    )
    const byLocale = new Map<string, Set<string>>()
    for (const folder of ['data/fr-fr', 'data/ja-jp']) {
      for (const entry of readRecords<CorpusEntry>(path.join(repo, folder), 'entries.json')) {
        byLocale.set(entry.locale, (byLocale.get(entry.locale) ?? new Set()).add(entry.key))
      }
    }

    const keys = new Set([...byLocale.values()].flatMap((set) => [...set]))
    expect(catalog.map((record) => record.key)).toEqual([...keys].sort())
    for (const record of catalog) {
      for (const [locale, set] of byLocale) {
        expect(Object.hasOwn(record.locales, locale), `${record.key} ${locale}`).toBe(
          set.has(record.key)
        )
      }

      if (record.locales['fr-FR']) expect(record.locales['fr-FR'].flavours).toEqual(['plain'])
      if (record.locales['ja-JP']) expect(record.locales['ja-JP'].flavours).toEqual(['sxs'])
    }

    const report = JSON.parse(
      fs.readFileSync(path.join(repo, 'data/catalog/report.json'), 'utf8')
    ) as {
      coverage: Array<{locale: string; present: number; missing: number}>
    }
    expect(report.coverage).toEqual(
      [...byLocale].map(([locale, set]) =>
        expect.objectContaining({locale, present: set.size, missing: keys.size - set.size})
      )
    )
  })

  it('makes one commit of the three folders, capped, with the docs commit of each source', () => {
    expect(commitCount(repo)).toBe(2)
    const files = committedFiles(repo)
    for (const folder of ['fr-fr', 'ja-jp', 'catalog']) {
      expect(files).toContain(`data/${folder}/herald.json`)
    }

    expect(files.every((file) => file.startsWith('data/'))).toBe(true)
    const message = git(repo, 'log', '-1', '--format=%B')
    expect(Buffer.byteLength(message, 'utf8')).toBeLessThanOrEqual(commitMessageCap)
    expect(message).toMatch(/^herald: \d+ entries added; \d+ offers added/)
    expect(
      git(repo, 'log', '-1', '--format=%(trailers:key=Docs-Commit,valueonly)').split('\n')
    ).toEqual([bundleHead(bundles.fr, 'live'), bundleHead(bundles.ja, 'live-sxs')])
    expect(git(repo, 'status', '--porcelain', '--', 'data')).toBe('')
  })

  it('run again on the same docs: no change, no commit', async () => {
    const again = await regenerate()
    expect(again.code).toBe(result.code)
    expect(again.stdout).toBe('herald: no changes\n')
    expect(commitCount(repo)).toBe(2)
  })
})
