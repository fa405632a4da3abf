// Loaded with `node --import` into every process the bench measures: at exit, writes the
// process's peak resident set size (worker threads included) to the file in
// HERALD_BENCH_RSS, so that the bench reads it without wrapping the command in anything.
import fs from 'node:fs'

const file = process.env.HERALD_BENCH_RSS
if (file) {
  process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
}
