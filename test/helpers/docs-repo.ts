import fs from 'node:fs'
import path from 'node:path'
import {fixtureFolder} from './fixtures.js'
import {gitIn} from './git.js'
import {scratchFolder} from './scratch.js'

/**
 * Small docs repositories built from the month pages of `test/fixtures/<case>/`, for the
 * tests of `regenerate` and `history` that need git but not the real corpus.
 */

/** The month page of a fixture case (`sxs-entry` → its `2020-november.md`). */
export function fixturePage(name: string): string {
  const folder = path.join(fixtureFolder, name)
  const page = fs.readdirSync(folder).find((file) => /^\d{4}-[a-z]+\.md$/.test(file))
  if (!page) throw new Error(`No month page in ${folder}`)
  return path.join(folder, page)
}

/** Copies the month pages of the fixture cases into `<repo>/<folder>/` and commits them. */
export function commitFixturePages(
  repo: string,
  folder: string,
  cases: readonly string[],
  message = 'Pages'
): string {
  fs.mkdirSync(path.join(repo, folder), {recursive: true})
  for (const name of cases) {
    const page = fixturePage(name)
    fs.copyFileSync(page, path.join(repo, folder, path.basename(page)))
  }

  gitIn(repo, 'add', '--all')
  gitIn(repo, 'commit', '--quiet', '--no-verify', '-m', message)
  return gitIn(repo, 'rev-parse', 'HEAD')
}

/**
 * A new docs repository at `repo` (branch `main`): the month pages of the fixture cases
 * under `folder`, in one commit.
 */
export function makeDocsRepo(repo: string, folder: string, cases: readonly string[]): string {
  fs.mkdirSync(repo, {recursive: true})
  gitIn(repo, 'init', '--quiet')
  commitFixturePages(repo, folder, cases)
  return repo
}

/** A bundle of every branch of `repo`, written to `file`. */
export function bundleRepo(repo: string, file: string): string {
  gitIn(repo, 'bundle', 'create', '--quiet', file, '--all')
  return file
}

/**
 * A new docs repository (branch `branch`) with one commit per version given: files under
 * `partner-center/announcements/`, a `null` content deleting the file.
 */
export function docsRepository(
  versions: ReadonlyArray<Record<string, string | Uint8Array | null>>,
  branch = 'live'
): string {
  const repo = scratchFolder('herald-docs-')
  gitIn(repo, 'init', '--quiet', '--initial-branch', branch)
  const folder = path.join(repo, 'partner-center', 'announcements')
  versions.forEach((files, index) => {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(folder, name)
      if (content === null) fs.rmSync(file, {force: true})
      else {
        fs.mkdirSync(path.dirname(file), {recursive: true})
        fs.writeFileSync(file, content)
      }
    }

    gitIn(repo, 'add', '--all')
    gitIn(
      repo,
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      `Version ${index + 1}`,
      '--date',
      `2021-01-0${(index % 9) + 1}T12:00:00Z`
    )
  })
  return repo
}
