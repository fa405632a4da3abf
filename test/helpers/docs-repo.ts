import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {testGitOptions} from './git.js'
import {scratchFolder} from './scratch.js'

/**
 * A small docs repository made from pages, one commit per version given:
 * `partner-center/announcements/<name>` as the real docs repositories lay them out.
 * Needs only git, not ../shared.
 */
export function docsRepository(
  versions: ReadonlyArray<Record<string, string | Uint8Array | null>>,
  branch = 'live'
): string {
  const repo = scratchFolder('herald-docs-')
  const git = (...args: string[]) =>
    execFileSync('git', [...testGitOptions, ...args], {cwd: repo, stdio: 'pipe'})
  git('init', '--quiet', '--initial-branch', branch)
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

    git('add', '--all')
    git(
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
