import {compareCodePoints} from '../compare.js'

/**
 * The value most locales give for one fact of an announcement, and the locales that give
 * another. A tie goes to the value of the locale whose English is newest (latest
 * hand-off), then to the first value in code point order: the same input always gives
 * the same catalog.
 */

/** One locale's value of a fact. */
export interface Vote<T> {
  locale: string
  value: T
  /** The locale's hand-off date (ISO), to break ties toward the newest English. */
  handoff: string | null
}

/** The agreed value and who dissents from it. */
export interface Agreement<T> {
  value: T
  /** Locales whose value differs, with their value, sorted by locale. */
  dissenters: Array<{locale: string; value: T}>
}

/** The value most `votes` give; undefined without votes. */
export function majority<T>(votes: ReadonlyArray<Vote<T>>): Agreement<T> | undefined {
  if (votes.length === 0) return undefined
  const tallies = new Map<string, {value: T; count: number; newest: string}>()
  for (const vote of votes) {
    const key = JSON.stringify(vote.value)
    const tally = tallies.get(key) ?? {value: vote.value, count: 0, newest: ''}
    tally.count++
    if ((vote.handoff ?? '') > tally.newest) tally.newest = vote.handoff ?? ''
    tallies.set(key, tally)
  }

  const [winner] = [...tallies.entries()].sort(
    ([keyA, a], [keyB, b]) =>
      b.count - a.count || compareCodePoints(b.newest, a.newest) || compareCodePoints(keyA, keyB)
  )
  const agreed = winner![0]
  return {
    value: winner![1].value,
    dissenters: votes
      .filter((vote) => JSON.stringify(vote.value) !== agreed)
      .map(({locale, value}) => ({locale, value}))
      .sort((a, b) => compareCodePoints(a.locale, b.locale))
  }
}
