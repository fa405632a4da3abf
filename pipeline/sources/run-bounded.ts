/**
 * Running the sources of a config side by side, within bounds: a few fetch at once (git
 * waits on the disk and the network, not on this process), while their builds, which
 * fill every core with worker threads already, take turns.
 */

/**
 * Sources fetched at once: git spends its time on the network and the disk, so a few
 * overlap well; more would only compete for the same disk and connection, and hold more
 * pages in memory while they wait for their build.
 */
export const defaultParallelSources = 3

/**
 * Runs `work` on every item, at most `limit` at once, in the items' order; resolves with
 * every outcome once all are settled, so that one failure stops none of the others.
 */
export async function settleBounded<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item, index: number) => Promise<Result>
): Promise<Array<PromiseSettledResult<Result>>> {
  const outcomes: Array<PromiseSettledResult<Result>> = new Array(items.length)
  let next = 0
  const runner = async () => {
    while (next < items.length) {
      const index = next++
      try {
        outcomes[index] = {status: 'fulfilled', value: await work(items[index]!, index)}
      } catch (reason) {
        outcomes[index] = {status: 'rejected', reason}
      }
    }
  }

  const runners = Math.max(1, Math.min(limit, items.length))
  await Promise.all(Array.from({length: runners}, runner))
  return outcomes
}

/** A turn-taker: the tasks given to it run one at a time, in the order they were given. */
export function oneAtATime(): <Result>(task: () => Promise<Result>) => Promise<Result> {
  let last: Promise<unknown> = Promise.resolve()
  return (task) => {
    const turn = last.then(task)
    // The next task waits for this one to end, not for it to succeed.
    last = turn.catch(() => undefined)
    return turn
  }
}
