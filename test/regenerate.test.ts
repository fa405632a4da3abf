import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../pipeline/cli/main.js'
import {bundleRepo, commitFixturePages, makeDocsRepo} from './helpers/docs-repo.js'
import {readRecords} from './helpers/scratch.js'
import {gitIn as git} from './helpers/git.js'
import {runCli} from './helpers/run-cli.js'
import {datasetFiles} from '../pipeline/datasets/registry.js'
import {cloneFolder} from '../pipeline/git/clone-cache.js'
import {openDocs, readPages, resolveDocs} from '../pipeline/git/docs-source.js'

/**
 * `herald regenerate` on small docs repositories built from the fixture pages; only the
 * runs over the real French history need the corpus bundle, and skip without it.
 */
const frBundle = path.resolve(import.meta.dirname, '../../shared/corpus/history/fr-fr.bundle')
const hasBundle = fs.existsSync(frBundle)
if (!hasBundle) {
  console.warn(`Regenerate tests on real history skipped: ${frBundle} is absent (see README).`)
}

/** A new repository whose own config lets `herald regenerate --commit` commit in it. */
function initRepo(folder: string): string {
  fs.mkdirSync(folder, {recursive: true})
  git(folder, 'init', '--quiet')
  git(folder, 'config', 'user.name', 'Herald Test')
  git(folder, 'config', 'user.email', 'test@example.invalid')
  git(folder, 'config', 'commit.gpgsign', 'false')
  return folder
}

function commitAll(repo: string, message: string): string {
  git(repo, 'add', '--all')
  git(repo, 'commit', '--quiet', '--no-verify', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

function run(...args: string[]): ReturnType<typeof runCli> {
  return runCli('regenerate', ...args)
}

/** A stack trace line (`    at main (…)`), or the hint to print one. */
const hasStack = (stderr: string) =>
  stderr.split('\n').some((line) => line.trimStart().startsWith('at ') || line.includes('--debug'))

const commitCount = (repo: string) => Number(git(repo, 'rev-list', '--count', 'HEAD'))

let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-regenerate-test-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/** A small docs repository: the month pages of the fixture cases under `folder`, one commit. */
function docsRepo(name: string, folder: string, cases: string[]): string {
  return makeDocsRepo(path.join(scratch, name), folder, cases)
}

describe.runIf(hasBundle)('regenerating from the fr-FR history bundle', () => {
  // The first two versions of the November 2020 page: the second adds entries.
  let first = ''
  let later = ''
  let output = ''
  let cache = ''

  beforeAll(() => {
    const bare = path.join(scratch, 'history.git')
    git(scratch, 'clone', '--quiet', '--bare', frBundle, bare)
    const commits = git(
      bare,
      'log',
      '--format=%H',
      'live-sxs',
      '--',
      'announcements/2020-november.md'
    ).split('\n')
    first = commits.at(-1)!
    later = commits.at(-2)!
    output = initRepo(path.join(scratch, 'published'))
    fs.writeFileSync(path.join(output, 'README.md'), 'Datasets\n')
    commitAll(output, 'Start')
    cache = path.join(scratch, 'cache')
  })

  const regenerate = (ref: string, ...more: string[]) =>
    run(
      '--docs',
      frBundle,
      '--ref',
      ref,
      '--out',
      path.join(output, 'data'),
      '--cache',
      cache,
      '--commit',
      ...more
    )

  it('commits once per docs change, with the summary as the message', async () => {
    const built = await regenerate(first)
    expect(hasStack(built.stderr)).toBe(false)
    expect(built.code).toBeLessThan(2)
    expect(built.stdout).toMatch(/^herald: \d+ entries added/)
    expect(built.stderr).toContain(`at ${first.slice(0, 12)}`)
    expect(commitCount(output)).toBe(2)
    expect(git(output, 'log', '-1', '--format=%s')).toBe(built.stdout.split('\n')[0])
    expect(git(output, 'status', '--porcelain')).toBe('')
    const trailers = git(output, 'log', '-1', '--format=%(trailers:only,unfold)')
    expect(trailers).toBe(`Docs-Ref: ${first}\nDocs-Commit: ${first}`)

    // The same docs commit again: nothing to commit, exit code as before.
    const again = await regenerate(first)
    expect(again.code).toBe(built.code)
    expect(again.stdout).toBe('herald: no changes\n')
    expect(again.stderr).toContain('nothing to commit')
    expect(commitCount(output)).toBe(2)

    // The docs move on: one more commit, which names the entries the page gained.
    const moved = await regenerate(later)
    expect(moved.code).toBeLessThan(2)
    expect(commitCount(output)).toBe(3)
    const message = git(output, 'log', '-1', '--format=%B')
    expect(message.split('\n')[0]).toBe(moved.stdout.split('\n')[0])
    expect(message).toMatch(/^herald: \d+ (?:entry|entries) added/)
    const added = moved.stdout
      .split('\n')
      .filter((line) => line.startsWith('- added 2020-11 fr-FR'))
    expect(added.length).toBeGreaterThan(0)
    for (const line of added) expect(message).toContain(line)
    expect(message).toContain('## Entries')
    expect(message).toContain(`Docs-Commit: ${later}`)
    // Only the datasets were committed, the rest of the repository is as it was.
    expect(git(output, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      expect.arrayContaining(['data/entries.json'])
    )
    expect(
      git(output, 'show', '--name-only', '--format=', 'HEAD')
        .split('\n')
        .every((file) => file.startsWith('data/'))
    ).toBe(true)
  })

  it('clones the bundle into the cache once, then fetches it', async () => {
    const clone = cloneFolder(path.join(cache, 'docs'), path.resolve(frBundle))
    expect(fs.existsSync(path.join(clone, 'HEAD'))).toBe(true)
    const source = await openDocs(frBundle, {cacheFolder: path.join(cache, 'docs')})
    expect(source).toMatchObject({kind: 'bundle', repo: clone, cloned: false})
    expect(git(clone, 'for-each-ref', '--format=%(refname)', 'refs/heads/').split('\n')).toEqual([
      'refs/heads/live',
      'refs/heads/live-sxs'
    ])
  })

  it('asks for --ref where the bundle has no HEAD and two branches', async () => {
    const result = await run(
      '--docs',
      frBundle,
      '--out',
      path.join(scratch, 'no-ref'),
      '--cache',
      cache
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'has no default branch (HEAD): give --ref, one of live, live-sxs'
    )
    expect(fs.existsSync(path.join(scratch, 'no-ref'))).toBe(false)
  })
})

describe('a bundle that grows', () => {
  it('is fetched into the cached clone on the next run', async () => {
    const docs = docsRepo('growing', 'announcements', ['sxs-entry'])
    const bundle = bundleRepo(docs, path.join(scratch, 'growing.bundle'))
    const cacheFolder = path.join(scratch, 'growing-cache')

    const cloned = await openDocs(bundle, {cacheFolder})
    expect(cloned).toMatchObject({kind: 'bundle', cloned: true})
    const one = await resolveDocs(cloned, undefined)
    expect(one.ref).toBe('main')
    expect((await readPages(one)).map((page) => page.name)).toEqual([
      'announcements/2020-november.md'
    ])

    const next = commitFixturePages(docs, 'announcements', ['offers-sxs'], 'February')
    bundleRepo(docs, bundle)

    const fetched = await openDocs(bundle, {cacheFolder})
    expect(fetched).toMatchObject({kind: 'bundle', cloned: false, repo: cloned.repo})
    const two = await resolveDocs(fetched, 'main')
    expect(two.commit).toBe(next)
    expect((await readPages(two)).map((page) => page.name)).toEqual([
      'announcements/2020-november.md',
      'announcements/2021-february.md'
    ])
  })
})

describe('a docs checkout with partner-center/announcements/', () => {
  let docs = ''
  beforeAll(() => {
    docs = docsRepo('partner-center-pr.fr-fr', 'partner-center/announcements', [
      'sxs-entry',
      'offers-sxs'
    ])
    // A page that is no month page is read too, as `herald build` reads it.
    fs.writeFileSync(path.join(docs, 'partner-center/announcements/TOC.md'), '# Announcements\n')
    fs.writeFileSync(path.join(docs, 'README.md'), '# Docs\n')
    fs.mkdirSync(path.join(docs, 'partner-center/other'))
    fs.writeFileSync(path.join(docs, 'partner-center/other/2019-may.md'), '# Elsewhere\n')
    commitAll(docs, 'More files')
  })

  it('reads the committed pages at HEAD, named like `herald build` names them', async () => {
    // Uncommitted edits are not read: the pages come from the commit.
    fs.appendFileSync(
      path.join(docs, 'partner-center/announcements/2020-november.md'),
      '\n## Draft\n'
    )
    const out = path.join(scratch, 'checkout-out')
    const cache = path.join(scratch, 'checkout-cache')
    const result = await run('--docs', docs, '--out', out, '--cache', cache)
    expect(result.stderr).toContain('3 files of partner-center/announcements at main')
    expect(result.code).toBeLessThan(2)
    expect(result.stdout).toMatch(/^herald: \d+ entries added/)

    const entries = readRecords<{source: {file: string}}>(out, 'entries.json')
    expect(new Set(entries.map((entry) => entry.source.file))).toEqual(
      new Set(['announcements/2020-november.md', 'announcements/2021-february.md'])
    )

    // The same bytes as `herald build` of the committed folder.
    git(docs, 'checkout', '--', '.')
    const built = path.join(scratch, 'checkout-build')
    const code = await main(
      ['build', path.join(docs, 'partner-center/announcements'), '--out', built, '--no-cache'],
      {stdout: () => {}, stderr: () => {}, isTerminal: false}
    )
    expect(code).toBe(result.code)
    for (const file of Object.values(datasetFiles)) {
      expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(
        fs.readFileSync(path.join(built, file), 'utf8')
      )
    }
  })

  it('finds the folder from a subfolder of the checkout, and in a bare clone', async () => {
    const fromSub = await resolveDocs(
      await openDocs(path.join(docs, 'partner-center'), {cacheFolder: scratch}),
      undefined
    )
    expect(fromSub.folder).toBe('partner-center/announcements')
    const bare = path.join(scratch, 'docs-bare.git')
    git(scratch, 'clone', '--quiet', '--bare', docs, bare)
    const source = await openDocs(bare, {cacheFolder: scratch})
    expect(source.kind).toBe('repository')
    const resolved = await resolveDocs(source, undefined)
    expect(resolved.folder).toBe('partner-center/announcements')
    expect((await readPages(resolved)).map((page) => page.name)).toEqual([
      'announcements/2020-november.md',
      'announcements/2021-february.md',
      'announcements/TOC.md'
    ])
  })

  it('otherwise takes the first folder of month pages', async () => {
    const other = docsRepo('other-layout', 'docs/fr/news', ['sxs-entry'])
    const resolved = await resolveDocs(await openDocs(other, {cacheFolder: scratch}), undefined)
    expect(resolved.folder).toBe('docs/fr/news')
    expect((await readPages(resolved)).map((page) => page.name)).toEqual(['news/2020-november.md'])
  })

  it('clones a git URL (file://) into the cache, like a bundle', async () => {
    const cacheFolder = path.join(scratch, 'url-cache')
    const url = `file://${docs}`
    const source = await openDocs(url, {cacheFolder})
    expect(source).toMatchObject({kind: 'url', cloned: true, repo: cloneFolder(cacheFolder, url)})
    const resolved = await resolveDocs(source, undefined)
    expect(resolved.ref).toBe('main')
    expect(resolved.commit).toBe(git(docs, 'rev-parse', 'HEAD'))
    expect(await openDocs(url, {cacheFolder})).toMatchObject({kind: 'url', cloned: false})
  })

  it('describes in the commit what it changes since HEAD, after a commit that failed', async () => {
    const published = initRepo(path.join(scratch, 'published-small'))
    const hook = path.join(published, '.git/hooks/pre-commit')
    fs.writeFileSync(hook, '#!/bin/sh\necho "pre-commit: refused" >&2\nexit 1\n', {mode: 0o755})
    const args = ['--docs', docs, '--out', path.join(published, 'output'), '--commit']
    const refused = await run(...args, '--cache', path.join(scratch, 'small-cache'))
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('herald: Cannot commit `')
    expect(hasStack(refused.stderr)).toBe(false)

    fs.rmSync(hook)
    const retried = await run(...args, '--cache', path.join(scratch, 'small-cache'))
    expect(retried.code).toBeLessThan(2)
    // Nothing changed since the last run, but everything since HEAD (no commit yet).
    expect(retried.stdout).toBe('herald: no changes\n')
    expect(commitCount(published)).toBe(1)
    expect(git(published, 'log', '-1', '--format=%s')).toMatch(/^herald: \d+ entries added/)
    expect(git(published, 'status', '--porcelain')).toBe('')
  })

  describe('errors: exit code 2, a message that says what to do, no stack trace', () => {
    const noStack = (stderr: string) => expect(hasStack(stderr)).toBe(false)

    it('a SRC that does not exist', async () => {
      const result = await run(
        '--docs',
        path.join(scratch, 'nowhere'),
        '--out',
        path.join(scratch, 'x')
      )
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('No file or folder')
      expect(result.stderr).toContain('give a docs checkout')
      noStack(result.stderr)
    })

    it('a ref that does not exist, or looks like an option', async () => {
      const out = path.join(scratch, 'x')
      const missing = await run('--docs', docs, '--ref', 'no-such-branch', '--out', out)
      expect(missing.code).toBe(2)
      expect(missing.stderr).toBe(
        `herald: No commit \`no-such-branch\` in \`${docs}\`: branches: main\n`
      )
      const option = await run('--docs', docs, '--ref=--output=/tmp/x', '--out', out)
      expect(option.code).toBe(2)
      expect(option.stderr).toContain('a ref cannot be empty or start with `-`')
      noStack(missing.stderr + option.stderr)
      expect(fs.existsSync(out)).toBe(false)
    })

    it('--commit with DIR outside a git repository', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-no-repo-'))
      try {
        const out = path.join(outside, 'output')
        const result = await run('--docs', docs, '--out', out, '--commit', '--cache', scratch)
        expect(result.code).toBe(2)
        expect(result.stderr).toBe(
          `herald: \`${out}\` is not inside a git repository: run \`git init\` there or drop --commit\n`
        )
        // Checked before anything is built or written.
        expect(fs.existsSync(out)).toBe(false)
      } finally {
        fs.rmSync(outside, {recursive: true, force: true})
      }
    })

    it('a folder that is not a git repository, a file that is not a bundle, missing options', async () => {
      const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-plain-'))
      try {
        const out = path.join(scratch, 'x')
        const folder = await run('--docs', plain, '--out', out)
        expect(folder.code).toBe(2)
        expect(folder.stderr).toContain('is not a git repository: give a docs checkout')
        fs.writeFileSync(path.join(plain, 'notes.txt'), 'hello\n')
        const file = await run('--docs', path.join(plain, 'notes.txt'), '--out', out)
        expect(file.stderr).toContain('is a file but not a git bundle')
        const usage = await run('--docs', docs)
        expect(usage.code).toBe(2)
        expect(usage.stderr).toContain('`herald regenerate --docs SRC` needs --out DIR')
        noStack(folder.stderr + file.stderr + usage.stderr)
      } finally {
        fs.rmSync(plain, {recursive: true, force: true})
      }
    })

    it('DIR that holds files Herald did not write, unless --force', async () => {
      const out = path.join(scratch, 'foreign')
      fs.mkdirSync(out)
      fs.writeFileSync(path.join(out, 'notes.md'), 'mine\n')
      const cache = path.join(scratch, 'foreign-cache')
      const refused = await run('--docs', docs, '--out', out, '--cache', cache)
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('holds files Herald did not write')
      expect(fs.existsSync(path.join(out, 'notes.md'))).toBe(true)
      const forced = await run('--docs', docs, '--out', out, '--cache', cache, '--force')
      expect(forced.code).toBeLessThan(2)
      expect(fs.readdirSync(out)).toEqual(expect.arrayContaining(['entries.json']))
    })

    it('DIR that is the top of a git repository', async () => {
      const top = initRepo(path.join(scratch, 'top-repo'))
      const result = await run('--docs', docs, '--out', top, '--commit')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('is the top of a git repository')
      expect(fs.existsSync(path.join(top, '.git'))).toBe(true)
    })
  })
})

describe('herald regenerate --help', () => {
  it('documents every option', async () => {
    const result = await run('--help')
    expect(result.code).toBe(0)
    for (const option of ['--docs', '--ref', '--out', '--commit', '--cache', 'Exit codes']) {
      expect(result.stdout).toContain(option)
    }
  })
})
