// `npm run bench`: the start-up of `herald --help` against a bare `node -e 0`, then
// Herald's build against the bare parser it builds on, side by side, on the real corpus (../shared/corpus/head by default, or the folder given), then
// `herald history` over one bundle (../shared/corpus/history/fr-fr.bundle). Each
// configuration runs in its own process (so peak RSS is its own), three rounds, median.
// A benchmark, not a test: it prints figures and asserts nothing.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = 3

function markdownFiles(folder) {
  const files = []
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...markdownFiles(full))
    else if (entry.name.endsWith('.md')) files.push(full)
  }

  return files.sort()
}

async function runOne(name, corpus) {
  if (name === 'history') {
    const {main} = await import(path.join(root, 'dist/cli/main.js'))
    let stderr = ''
    const io = {stdout: () => {}, stderr: (text) => (stderr += text), isTerminal: false}
    const args = [
      'history',
      '--docs',
      corpus,
      '--ref',
      'live-sxs',
      '--out',
      process.env.HERALD_BENCH_OUT,
      '--cache',
      process.env.HERALD_BENCH_CACHE
    ]
    const start = performance.now()
    const code = await main(args, io)
    const ms = performance.now() - start
    if (code !== 0) throw new Error(`bench: herald history failed:\n${stderr}`)
    const stats = stderr.trim().split('\n').at(-1)
    process.stdout.write(
      JSON.stringify({ms, bytes: 0, maxRss: process.resourceUsage().maxRSS * 1024, stats}) + '\n'
    )
    return
  }

  const files = markdownFiles(corpus)
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'))
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  let ms
  if (name === 'bare') {
    const {unified} = await import('unified')
    const {default: remarkParse} = await import('remark-parse')
    const {default: remarkGfm} = await import('remark-gfm')
    const processor = unified().use(remarkParse).use(remarkGfm)
    const start = performance.now()
    for (const text of texts) processor.runSync(processor.parse(text))
    ms = performance.now() - start
  } else if (name === 'build' || name === 'rebuild') {
    const {build} = await import(path.join(root, 'dist/commands/build.js'))
    const out = process.env.HERALD_BENCH_OUT
    const start = performance.now()
    const result = await build({
      inputs: [corpus],
      out,
      cacheFolder: process.env.HERALD_BENCH_CACHE
    })
    if (name === 'rebuild' && !result.unchanged)
      throw new Error('bench: the rebuild was not recognised as unchanged')
    ms = performance.now() - start
  }

  const maxRss = process.resourceUsage().maxRSS * 1024
  process.stdout.write(JSON.stringify({ms, bytes, maxRss}) + '\n')
}

function measure(name, corpus, environment = {}) {
  const output = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--one', name, corpus],
    {
      env: {...process.env, ...environment},
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  return JSON.parse(output.trim().split('\n').at(-1))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Start-up: whole processes of `herald --help` and `herald diff --help` against
 * `node -e 0`, interleaved so that a busy machine slows all of them alike; median of 21.
 */
function startup() {
  const herald = path.join(root, 'bin', 'herald.js')
  const runs = {
    'node -e 0': ['-e', '0'],
    'herald --help': [herald, '--help'],
    'herald diff --help': [herald, 'diff', '--help']
  }
  const times = Object.fromEntries(Object.keys(runs).map((label) => [label, []]))
  for (let round = 0; round < 21; round++) {
    for (const [label, args] of Object.entries(runs)) {
      const start = performance.now()
      execFileSync(process.execPath, args, {stdio: 'ignore'})
      times[label].push(performance.now() - start)
    }
  }

  const bare = median(times['node -e 0'])
  console.log('start-up, median of 21 processes:')
  for (const [label, values] of Object.entries(times)) {
    const ms = median(values)
    const ratio = label === 'node -e 0' ? '' : `  ${(ms / bare).toFixed(2)}× node -e 0 (target ≤ 2)`
    console.log(`  ${label.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms${ratio}`)
  }

  console.log('')
}

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--one') return runOne(args[1], args[2])
  startup()

  const corpus = path.resolve(args[0] ?? path.join(root, '..', 'shared', 'corpus', 'head'))
  if (!fs.existsSync(corpus)) {
    console.error(
      `bench: ${corpus} is absent: pass a folder of pages, e.g. \`npm run bench -- ../shared/corpus/head\``
    )
    process.exitCode = 2
    return
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-'))
  const results = {bare: [], build: [], rebuild: []}
  try {
    for (let round = 0; round < rounds; round++) {
      const out = path.join(scratch, `out-${round}`)
      const cache = path.join(scratch, `cache-${round}`)
      results.bare.push(measure('bare', corpus))
      results.build.push(
        measure('build', corpus, {HERALD_BENCH_OUT: out, HERALD_BENCH_CACHE: cache})
      )
      results.rebuild.push(
        measure('rebuild', corpus, {HERALD_BENCH_OUT: out, HERALD_BENCH_CACHE: cache})
      )
    }
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true})
  }

  const mb = results.bare[0].bytes / 1e6
  const row = (label, runs) => {
    const ms = median(runs.map((run) => run.ms))
    const rss = Math.max(...runs.map((run) => run.maxRss)) / 2 ** 20
    return {
      label,
      ms,
      text: `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s ${(mb / (ms / 1000)).toFixed(2).padStart(7)} MB/s ${rss.toFixed(0).padStart(6)} MB peak RSS`
    }
  }

  const bare = row('bare unified+remark-parse+remark-gfm (1 thread)', results.bare)
  const build = row('herald build (full, cold cache)', results.build)
  const rebuild = row('herald build (unchanged, warm cache)', results.rebuild)
  console.log(
    `corpus: ${corpus} (${mb.toFixed(1)} MB, ${os.cpus().length} cores), median of ${rounds} rounds\n`
  )
  console.log(bare.text)
  console.log(build.text)
  console.log(rebuild.text)
  console.log(
    `\nfull build / bare parse:      ${(build.ms / bare.ms).toFixed(2)}× the time (target ≤ 0.67)`
  )
  console.log(
    `unchanged rebuild / full:     ${((rebuild.ms / build.ms) * 100).toFixed(1)} % (target ≤ 3 %)`
  )

  const bundle = path.resolve(
    args[1] ?? path.join(root, '..', 'shared', 'corpus', 'history', 'fr-fr.bundle')
  )
  if (!fs.existsSync(bundle)) {
    console.log(`\nhistory: ${bundle} is absent, skipped`)
    return
  }

  const historyScratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-history-'))
  try {
    const environment = {
      HERALD_BENCH_OUT: path.join(historyScratch, 'out'),
      HERALD_BENCH_CACHE: path.join(historyScratch, 'cache')
    }
    const cold = measure('history', bundle, environment)
    const warm = measure('history', bundle, environment)
    const mb = (run) => (run.maxRss / 2 ** 20).toFixed(0)
    console.log(
      `\nhistory of ${path.basename(bundle)} (live-sxs), cold cache: ${(cold.ms / 1000).toFixed(2)} s, ${mb(cold)} MB peak RSS`
    )
    console.log(`  ${cold.stats}`)
    console.log(`history, warm cache: ${(warm.ms / 1000).toFixed(2)} s, ${mb(warm)} MB peak RSS`)
    console.log(`  ${warm.stats}`)
  } finally {
    fs.rmSync(historyScratch, {recursive: true, force: true})
  }
}

await main()
