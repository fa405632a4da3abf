import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {HeraldError} from '../pipeline/errors.js'
import {BlobReader} from '../pipeline/git/blob-reader.js'
import {findTwinRef, openDocs, resolveDocs} from '../pipeline/git/docs-source.js'
import {pageName} from '../pipeline/git/page-names.js'
import {GitError} from '../pipeline/errors.js'
import {gitMissing, runGit, runGitText} from '../pipeline/git/run-git.js'
import {readTreePages} from '../pipeline/git/tree-pages.js'
import {walkCommits} from '../pipeline/git/walk-commits.js'
import {hasCorpus, corpusFolder} from './helpers/corpus.js'
import {commitFixturePages, makeDocsRepo} from './helpers/docs-repo.js'
import {gitIn, testGitOptions} from './helpers/git.js'

let scratch = ''
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-git-test-'))
})
afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

/** Runs `body` with PATH or GIT_DIR set as given, then puts the environment back. */
async function withEnvironment<T>(
  variables: Record<string, string>,
  body: () => Promise<T>
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]))
  Object.assign(process.env, variables)
  try {
    return await body()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** The rejection of a promise that must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error
  )
}

describe('runGit', () => {
  let repo = ''
  beforeAll(() => {
    repo = makeDocsRepo(path.join(scratch, 'run'), 'announcements', ['sxs-entry'])
  })

  it('resolves with what git prints', async () => {
    expect(await runGitText(repo, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('main')
    expect((await runGit(repo, ['cat-file', '-t', 'HEAD'])).toString()).toBe('commit\n')
  })

  it('fails with a GitError: an Error, the arguments, the exit code, the fatal line', async () => {
    const args = ['-c', 'core.quotePath=false', 'log', 'no-such-ref']
    const error = await rejection(runGit(repo, args))
    expect(error).toBeInstanceOf(GitError)
    expect(error).toBeInstanceOf(HeraldError)
    expect(error).toBeInstanceOf(Error)
    const failure = error as GitError
    expect(failure.args).toEqual(args)
    expect(failure.status).toBe(128)
    expect(failure.reason).toMatch(/^fatal: ambiguous argument 'no-such-ref'/)
    expect(failure.message).toBe(`\`git log\` failed: ${failure.reason}`)
  })

  it('drops hints: the reason is the first other line', async () => {
    const hooked = makeDocsRepo(path.join(scratch, 'hooked'), 'announcements', ['sxs-entry'])
    const hook = path.join(hooked, '.git/hooks/pre-commit')
    fs.writeFileSync(hook, '#!/bin/sh\necho "hint: not this" >&2\necho "refused" >&2\nexit 1\n', {
      mode: 0o755
    })
    const args = [...testGitOptions, 'commit', '--allow-empty', '--quiet', '-m', 'x']
    const failure = (await rejection(runGit(hooked, args))) as GitError
    expect(failure.status).toBe(1)
    expect(failure.reason).toBe('refused')
    expect(failure.message).toBe('`git commit` failed: refused')
  })

  it('says to install git when it is missing, and names a folder that does not exist', async () => {
    const missing = (await withEnvironment({PATH: path.join(scratch, 'nowhere')}, () =>
      rejection(runGit(repo, ['status']))
    )) as GitError
    expect(missing).toBeInstanceOf(GitError)
    expect(missing.status).toBeUndefined()
    expect(missing.reason).toBe(gitMissing)
    const noFolder = (await rejection(runGit(path.join(scratch, 'gone'), ['status']))) as GitError
    expect(noFolder.status).toBeUndefined()
    expect(noFolder.reason).toBe(`no folder ${path.join(scratch, 'gone')}`)
  })

  it('passes arguments to git as they are, never to a shell', async () => {
    const marker = path.join(scratch, 'shell-ran')
    const failure = (await rejection(
      runGit(repo, ['rev-parse', '--verify', '--quiet', `$(touch ${marker})`])
    )) as GitError
    expect(failure.status).toBe(1)
    expect(fs.existsSync(marker)).toBe(false)
  })

  it('reads the repository it is given, whatever GIT_DIR and GIT_WORK_TREE say', async () => {
    const other = makeDocsRepo(path.join(scratch, 'other'), 'announcements', ['offers-sxs'])
    const head = gitIn(repo, 'rev-parse', 'HEAD')
    const read = await withEnvironment(
      {GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: other},
      () => runGitText(repo, ['rev-parse', 'HEAD'])
    )
    expect(read).toBe(head)
  })
})

describe('BlobReader', () => {
  let repo = ''
  const blobs: Record<string, Buffer> = {}
  beforeAll(() => {
    repo = path.join(scratch, 'blobs')
    fs.mkdirSync(repo)
    gitIn(repo, 'init', '--quiet')
    // Large enough to arrive in many chunks, and bytes that are no UTF-8.
    const large = Buffer.alloc(3 * 1024 * 1024 + 7)
    for (let index = 0; index < large.length; index++) large[index] = (index * 31) % 256
    const contents = {empty: Buffer.alloc(0), small: Buffer.from('# Hello\n'), large}
    for (const [name, bytes] of Object.entries(contents)) {
      fs.writeFileSync(path.join(repo, name), bytes)
      blobs[gitIn(repo, 'hash-object', '-w', name)] = bytes
    }
  })

  it('reads blobs in the order asked, each a copy of its own bytes', async () => {
    const reader = new BlobReader(repo)
    try {
      const oids = [...Object.keys(blobs), ...Object.keys(blobs).reverse()]
      const read = await Promise.all(oids.map((oid) => reader.read(oid)))
      read.forEach((bytes, index) => expect(bytes.equals(blobs[oids[index]!]!)).toBe(true))
      // Copies, not views of git's output: a page kept does not keep the others alive.
      for (const bytes of read) {
        expect(bytes.buffer.byteLength).toBeLessThanOrEqual(Math.max(bytes.length, Buffer.poolSize))
      }
    } finally {
      await reader.close()
    }
  })

  it('fails a missing object or a bad id alone, and goes on reading', async () => {
    const reader = new BlobReader(repo)
    try {
      const [first] = Object.keys(blobs)
      const missing = reader.read('0'.repeat(40))
      const next = reader.read(first!)
      await expect(missing).rejects.toThrow(GitError)
      await expect(missing).rejects.toThrow(/missing/)
      expect((await next).equals(blobs[first!]!)).toBe(true)
      await expect(reader.read('HEAD')).rejects.toThrow(/not an object id/)
    } finally {
      await reader.close()
    }
  })

  it('fails what it was asked when git cannot run', async () => {
    const reader = new BlobReader(path.join(scratch, 'gone'))
    await expect(reader.read(Object.keys(blobs)[0]!)).rejects.toThrow(/no folder/)
    await reader.close()
  })
})

describe('page names', () => {
  it.each([
    [
      'partner-center/announcements',
      'partner-center/announcements/2020-may.md',
      'announcements/2020-may.md'
    ],
    [
      'partner-center/announcements',
      'partner-center/announcements/old/2019-may.MD',
      'announcements/old/2019-may.MD'
    ],
    ['announcements', 'announcements/TOC.md', 'announcements/TOC.md'],
    ['', '2020-may.md', '2020-may.md'],
    ['docs/fr/news', 'docs/fr/news/2020-may.md', 'news/2020-may.md'],
    ['announcements', 'announcements-old/2020-may.md', undefined],
    ['announcements', 'other/2020-may.md', undefined],
    ['announcements', 'announcements/2020-may.yml', undefined],
    ['announcements', 'announcements/node_modules/x/2020-may.md', undefined],
    ['', 'a/.git/2020-may.md', undefined]
  ])('in %s, %s is %s', (folder, file, name) => {
    expect(pageName(folder, file)).toBe(name)
  })

  it('agree between the tree at one commit and the history walk', async () => {
    const repo = makeDocsRepo(path.join(scratch, 'names'), 'partner-center/announcements', [
      'sxs-entry'
    ])
    const folder = path.join(repo, 'partner-center/announcements')
    fs.mkdirSync(path.join(folder, 'archive/node_modules'), {recursive: true})
    fs.writeFileSync(path.join(folder, 'archive/2019-may.md'), '# Archive\n')
    fs.writeFileSync(path.join(folder, 'archive/node_modules/README.md'), '# Not a page\n')
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a page\n')
    fs.symlinkSync('2020-november.md', path.join(folder, 'link.md'))
    const commit = commitFixturePages(repo, 'partner-center/announcements', ['offers-sxs'])

    const tree = await readTreePages(repo, commit, 'partner-center/announcements')
    const byName = (a: {name: string}, b: {name: string}) => (a.name < b.name ? -1 : 1)
    let last: Array<{name: string; bytes: Uint8Array}> = []
    for await (const state of walkCommits({
      repo,
      commit,
      folder: 'partner-center/announcements'
    })) {
      last = state.pages
    }

    expect(tree.map((page) => page.name).sort()).toEqual([
      'announcements/2020-november.md',
      'announcements/2021-february.md',
      'announcements/archive/2019-may.md'
    ])
    expect(last.map((page) => [page.name, Buffer.from(page.bytes).toString('base64')])).toEqual(
      [...tree].sort(byName).map((page) => [page.name, Buffer.from(page.bytes).toString('base64')])
    )
  })
})

describe('findTwinRef', () => {
  let docs = ''
  beforeAll(() => {
    // The docs repositories publish plain pages on `live`, side-by-side ones on `live-sxs`.
    docs = makeDocsRepo(path.join(scratch, 'twins'), 'announcements', ['plain-entry'])
    gitIn(docs, 'branch', 'live')
    gitIn(docs, 'checkout', '--quiet', '-b', 'live-sxs')
    commitFixturePages(docs, 'announcements', ['sxs-entry'], 'Side by side')
    gitIn(docs, 'checkout', '--quiet', 'main')
  })

  const twinOf = async (given: string, ref: string | undefined) =>
    findTwinRef(await resolveDocs(await openDocs(given, {cacheFolder: scratch}), ref))

  it('gives the side-by-side branch of a plain one, and the other way round', async () => {
    expect(await twinOf(docs, 'live')).toEqual({
      ref: 'live-sxs',
      commit: gitIn(docs, 'rev-parse', 'live-sxs')
    })
    expect(await twinOf(docs, 'live-sxs')).toEqual({
      ref: 'live',
      commit: gitIn(docs, 'rev-parse', 'live')
    })
  })

  it('gives nothing for a branch without a twin, a commit id or a detached HEAD', async () => {
    expect(await twinOf(docs, 'main')).toBeUndefined()
    expect(await twinOf(docs, gitIn(docs, 'rev-parse', 'live'))).toBeUndefined()
    const detached = path.join(scratch, 'detached')
    gitIn(scratch, 'clone', '--quiet', docs, detached)
    gitIn(detached, 'checkout', '--quiet', '--detach', 'HEAD')
    expect(await twinOf(detached, undefined)).toBeUndefined()
  })

  it("takes the remote's twin in a checkout that lacks the local branch", async () => {
    const checkout = path.join(scratch, 'checkout')
    gitIn(scratch, 'clone', '--quiet', '--branch', 'live', docs, checkout)
    expect(await twinOf(checkout, undefined)).toEqual({
      ref: 'origin/live-sxs',
      commit: gitIn(docs, 'rev-parse', 'live-sxs')
    })
  })

  it.runIf(hasCorpus)('pairs live and live-sxs in the corpus history bundles', async () => {
    const bundle = path.join(corpusFolder, 'history/fr-fr.bundle')
    const cacheFolder = path.join(scratch, 'corpus-cache')
    const source = await openDocs(bundle, {cacheFolder})
    const live = await findTwinRef(await resolveDocs(source, 'live'))
    const sxs = await resolveDocs(source, 'live-sxs')
    expect(live).toEqual({ref: 'live-sxs', commit: sxs.commit})
  })
})
