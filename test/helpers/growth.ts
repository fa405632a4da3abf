import {expect} from 'vitest'

/**
 * How a piece of work grows with its input, measured so that it means the same on a
 * quiet machine and on one whose cores are busy with other work: the CPU time this
 * process spends (not the wall clock, which counts the time other processes hold the
 * cores), of the same run at size n and at 2n, interleaved, each the fastest of a few
 * rounds. Linear work doubles; quadratic work quadruples. A ratio is checked, never a
 * number of milliseconds.
 */

/**
 * Below this a timing is mostly noise (a garbage collection, code being compiled): runs
 * are repeated to reach it. The sizes given should make one run take milliseconds, not
 * microseconds, for the same reason.
 */
const minimumSampleMs = 50

/** CPU milliseconds of `repeats` runs: user and system time of the whole process. */
function timeOf(run: () => void, repeats: number): number {
  const start = process.cpuUsage()
  for (let index = 0; index < repeats; index++) run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** The run time at 2n over the run time at n. */
export function growthRatio(
  make: (size: number) => () => void,
  size: number,
  rounds = 5
): {ratio: number; small: number; large: number} {
  const small = make(size)
  const large = make(size * 2)
  // Warm both up (the first run compiles the code it takes), and calibrate on the small
  // input: short runs are repeated until a sample is long enough.
  timeOf(large, 1)
  timeOf(small, 1)
  const once = Math.max(Math.min(timeOf(small, 1), timeOf(small, 1)), 0.1)
  const repeats = Math.max(1, Math.ceil(minimumSampleMs / once))
  let bestSmall = Infinity
  let bestLarge = Infinity
  for (let round = 0; round < rounds; round++) {
    bestSmall = Math.min(bestSmall, timeOf(small, repeats))
    bestLarge = Math.min(bestLarge, timeOf(large, repeats))
  }

  return {ratio: bestLarge / bestSmall, small: bestSmall, large: bestLarge}
}

/**
 * Fails unless doubling the input at most about doubles the CPU time. 3 leaves room for
 * noise and garbage collection over the 2 of linear work, and is well below the 4 of
 * quadratic work (the shapes these tests guard against are quadratic or worse).
 */
export function expectLinear(make: (size: number) => () => void, size: number, rounds = 5): void {
  // A burst of load can still slow one timing (other processes evict the caches): a
  // ratio over the line is measured again, twice. Quadratic work fails every time.
  let {ratio, small, large} = growthRatio(make, size, rounds)
  for (let retry = 0; retry < 2 && ratio >= 3; retry++) {
    ;({ratio, small, large} = growthRatio(make, size, rounds))
  }

  expect(
    ratio,
    `time at ${size * 2} over time at ${size}: ${large.toFixed(1)} / ${small.toFixed(1)} ms`
  ).toBeLessThan(3)
}
