// `npm run bench`: Herald's costs, measured as a user meets them — whole processes, each
// on its own, side by side in one run, so that a busy machine slows them alike and the
// ratios hold. A benchmark, not a test: it prints figures and asserts nothing.
//
//   1. start-up: `herald --help` and `herald diff --help` against `node -e 0`;
//   2. the corpus (../shared/corpus/head, or the folder given): the bare parser
//      (unified + remark-parse + remark-gfm) against `herald build` with a cold cache, then
//      the same build again with nothing changed;
//   3. history (../shared/corpus/history/fr-fr.bundle, ref live-sxs, or as given): the
//      bare parser over the distinct page versions of the history (written out here)
//      against `herald history` with a cold cache, then again with nothing new.
//
// Rounds: BENCH_ROUNDS (default 3), the median is shown; peak RSS is the largest seen.
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const herald = path.join(root, 'bin', 'herald.js')
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-'))

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Runs a whole node process; its wall time in ms and its peak RSS in bytes. */
function run(args, label) {
  const rssFile = path.join(scratch, 'rss')
  fs.rmSync(rssFile, {force: true})
  const start = performance.now()
  const child = spawnSync(
    process.execPath,
    ['--import', path.join(root, 'scripts', 'bench', 'peak-rss.js'), ...args],
    {env: {...process.env, HERALD_BENCH_RSS: rssFile}, encoding: 'utf8', maxBuffer: 1 << 26}
  )
  const ms = performance.now() - start
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`bench: ${label} failed (exit ${child.status}):\n${child.stderr}`)
  }

  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : 0
  return {ms, rss, stderr: child.stderr}
}

function row(label, runs, {bytes, reference} = {}) {
  const ms = median(runs.map((item) => item.ms))
  const rss = Math.max(...runs.map((item) => item.rss)) / 2 ** 20
  const speed = bytes
    ? `${(bytes / 1e6 / (ms / 1000)).toFixed(2).padStart(7)} MB/s`
    : ''.padStart(12)
  const ratio = reference ? `  ${(ms / reference).toFixed(2)}×` : ''
  console.log(
    `  ${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s ${speed} ${rss.toFixed(0).padStart(6)} MB${ratio}`
  )
  return ms
}

function startup() {
  const configurations = {
    'node -e 0': ['-e', '0'],
    'herald --help': [herald, '--help'],
    'herald diff --help': [herald, 'diff', '--help']
  }
  const times = Object.fromEntries(Object.keys(configurations).map((label) => [label, []]))
  for (let round = 0; round < 21; round++) {
    for (const [label, args] of Object.entries(configurations)) {
      const start = performance.now()
      execFileSync(process.execPath, args, {stdio: 'ignore'})
      times[label].push(performance.now() - start)
    }
  }

  const bare = median(times['node -e 0'])
  console.log('start-up (median of 21 processes, interleaved):')
  for (const [label, values] of Object.entries(times)) {
    const ms = median(values)
    const ratio = label === 'node -e 0' ? '' : `  ${(ms / bare).toFixed(2)}× node -e 0 (target ≤ 2)`
    console.log(`  ${label.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms${ratio}`)
  }
}

function folderBytes(folder) {
  return fs
    .readdirSync(folder, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0)
}

function corpus(folder) {
  const bytes = folderBytes(folder)
  const results = {bare: [], cold: [], unchanged: []}
  for (let round = 0; round < rounds; round++) {
    const out = path.join(scratch, `out-${round}`)
    const cache = path.join(scratch, `cache-${round}`)
    const build = [herald, 'build', folder, '--out', out, '--cache', cache]
    results.bare.push(run([path.join(root, 'scripts', 'bench', 'bare-parse.js'), folder], 'bare'))
    results.cold.push(run(build, 'herald build'))
    const again = run(build, 'herald build again')
    if (!again.stderr.includes('nothing rewritten')) {
      throw new Error('bench: the second build was not recognised as unchanged')
    }
    results.unchanged.push(again)
  }

  console.log(
    `\ncorpus: ${folder} (${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} cores), median of ${rounds}:`
  )
  const bare = row('bare unified+remark-parse+remark-gfm', results.bare, {bytes})
  const cold = row('herald build (cold cache)', results.cold, {bytes, reference: bare})
  const unchanged = row('herald build (nothing changed)', results.unchanged, {bytes})
  const rss = Math.max(...results.cold.map((item) => item.rss)) / 2 ** 20
  console.log(`  full build / bare parse:   ${(cold / bare).toFixed(2)}× the time`)
  console.log(
    `  unchanged / full build:    ${((unchanged / cold) * 100).toFixed(1)} % (target ≤ 3 %)`
  )
  console.log(`  full build peak RSS:       ${rss.toFixed(0)} MB (target ≤ 600)`)
}

/** Writes every distinct version of the history's pages (path and blob) under `folder`. */
function writeVersions(bundle, ref, folder) {
  const repo = path.join(scratch, 'history-repo')
  execFileSync('git', ['clone', '--quiet', '--bare', bundle, repo])
  const log = execFileSync(
    'git',
    [
      'log',
      '--first-parent',
      '--raw',
      '--no-abbrev',
      '--format=',
      ref,
      '--',
      'announcements',
      'partner-center/announcements'
    ],
    {cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28}
  )
  const seen = new Set()
  for (const line of log.split('\n')) {
    const match = /^:\d+ (\d+) \S+ ([0-9a-f]{40}) [AMRC]\d*\t(?:\S+\t)?(\S+\.md)$/.exec(line)
    if (!match || match[1] === '000000' || seen.has(`${match[3]} ${match[2]}`)) continue
    seen.add(`${match[3]} ${match[2]}`)
    const bytes = execFileSync('git', ['cat-file', 'blob', match[2]], {cwd: repo})
    fs.writeFileSync(path.join(folder, `${seen.size}-${path.basename(match[3])}`), bytes)
  }

  return seen.size
}

function history(bundle, ref) {
  const versions = path.join(scratch, 'versions')
  fs.mkdirSync(versions)
  const count = writeVersions(bundle, ref, versions)
  const bytes = folderBytes(versions)
  const results = {bare: [], cold: [], warm: []}
  let stats = ''
  for (let round = 0; round < rounds; round++) {
    const out = path.join(scratch, `history-${round}`)
    const cache = path.join(scratch, `history-cache-${round}`)
    const args = [herald, 'history', '--docs', bundle, '--ref', ref, '--out', out, '--cache', cache]
    results.bare.push(run([path.join(root, 'scripts', 'bench', 'bare-parse.js'), versions], 'bare'))
    const cold = run(args, 'herald history')
    stats = cold.stderr.trim().split('\n').at(-1)
    results.cold.push(cold)
    results.warm.push(run(args, 'herald history again'))
  }

  console.log(
    `\nhistory: ${path.basename(bundle)} ${ref}, ${count} distinct page versions (${(bytes / 1e6).toFixed(1)} MB), median of ${rounds}:`
  )
  console.log(`  ${stats}`)
  const bare = row('bare parse of the distinct page versions', results.bare, {bytes})
  const cold = row('herald history (cold cache)', results.cold, {bytes, reference: bare})
  const warm = row('herald history (nothing new)', results.warm)
  console.log(`  history cold / bare parse: ${(cold / bare).toFixed(2)}× (target ≤ 0.45)`)
  console.log(`  history warm / cold:       ${((warm / cold) * 100).toFixed(1)} % (target ≤ 5 %)`)
}

try {
  const [corpusArg, bundleArg, refArg] = process.argv.slice(2)
  const head = path.resolve(corpusArg ?? path.join(root, '..', 'shared', 'corpus', 'head'))
  const bundle = path.resolve(
    bundleArg ?? path.join(root, '..', 'shared', 'corpus', 'history', 'fr-fr.bundle')
  )
  if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('bench: run `npm run build` first')
  startup()
  if (fs.existsSync(head)) corpus(head)
  else console.log(`\ncorpus: ${head} is absent, skipped`)
  if (fs.existsSync(bundle)) history(bundle, refArg ?? 'live-sxs')
  else console.log(`\nhistory: ${bundle} is absent, skipped`)
} finally {
  fs.rmSync(scratch, {recursive: true, force: true})
}
