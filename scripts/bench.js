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
// Rounds: BENCH_ROUNDS (default 3). Each ratio is taken within one round, between processes
// run one after the other, and the median and range of the rounds' ratios are shown (a
// range wider than the margin to the target says the machine was too busy to tell). Peak
// RSS is the largest seen. The last lines list every target, its figure and whether it holds.
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

/** The targets of issue 10, with what this run measured; printed last. */
const targets = []

/**
 * A ratio measured once per round: prints its median and range and records it against
 * its target (`at most`, in the unit shown: × or %).
 */
function ratio(label, values, {atMost, percent = false}) {
  const scale = percent ? 100 : 1
  const shown = (value) => (value * scale).toFixed(percent ? 1 : 2) + (percent ? ' %' : '×')
  const value = median(values)
  const range =
    values.length > 1 ? ` (rounds ${shown(Math.min(...values))}–${shown(Math.max(...values))})` : ''
  console.log(`  ${(label + ':').padEnd(32)} ${shown(value)}${range}, target ≤ ${shown(atMost)}`)
  targets.push({label, value: shown(value), target: `≤ ${shown(atMost)}`, holds: value <= atMost})
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

  console.log('start-up (median of 21 processes, interleaved):')
  for (const [label, values] of Object.entries(times)) {
    console.log(`  ${label.padEnd(20)} ${median(values).toFixed(0).padStart(5)} ms`)
  }

  for (const label of ['herald --help', 'herald diff --help']) {
    // Each process against the `node -e 0` of its own round.
    const ratios = times[label].map((ms, round) => ms / times['node -e 0'][round])
    ratio(`${label} / node -e 0`, ratios, {atMost: 2})
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
  row('herald build (cold cache)', results.cold, {bytes, reference: bare})
  row('herald build (nothing changed)', results.unchanged, {bytes})
  const rss = Math.max(...results.cold.map((item) => item.rss)) / 2 ** 20
  const each = results.cold.map((_, round) => round)
  console.log(
    `  full build / bare parse:    ${median(each.map((round) => results.cold[round].ms / results.bare[round].ms)).toFixed(2)}× the time`
  )
  ratio(
    'unchanged / full build',
    each.map((round) => results.unchanged[round].ms / results.cold[round].ms),
    {atMost: 0.03, percent: true}
  )
  const rssRounds = results.cold.map((item) => (item.rss / 2 ** 20).toFixed(0)).join(', ')
  console.log(
    `  full build peak RSS:        ${rss.toFixed(0)} MB (rounds ${rssRounds}), target ≤ 600 MB`
  )
  targets.push({
    label: 'full build peak RSS',
    value: `${rss.toFixed(0)} MB`,
    target: '≤ 600 MB',
    holds: rss <= 600
  })
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
  row('bare parse of the distinct page versions', results.bare, {bytes})
  const bare = median(results.bare.map((item) => item.ms))
  row('herald history (cold cache)', results.cold, {bytes, reference: bare})
  row('herald history (nothing new)', results.warm)
  const each = results.cold.map((_, round) => round)
  ratio(
    'history cold / bare parse',
    each.map((round) => results.cold[round].ms / results.bare[round].ms),
    {atMost: 0.45}
  )
  ratio(
    'history warm / cold',
    each.map((round) => results.warm[round].ms / results.cold[round].ms),
    {atMost: 0.05, percent: true}
  )
}

function summary() {
  console.log('\ntargets (issue 10):')
  for (const target of targets) {
    console.log(
      `  ${target.holds ? 'holds ' : 'MISSED'}  ${target.label.padEnd(30)} ${target.value.padStart(8)}  (${target.target})`
    )
  }
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
  summary()
} finally {
  fs.rmSync(scratch, {recursive: true, force: true})
}
