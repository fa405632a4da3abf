import {endsWord, startsWord} from './word-boundaries.js'

/** A trie over folded names, a character per edge: one scan tries every name at once. */
export interface TrieNode<Entry> {
  next: Map<string, TrieNode<Entry>>
  entry?: Entry
}

/** A name found in folded text, with offsets into that text. */
export interface TrieHit<Entry> {
  start: number
  end: number
  entry: Entry
}

/** An empty trie. */
export function emptyTrie<Entry>(): TrieNode<Entry> {
  return {next: new Map()}
}

/** Files `entry` under `key`, replacing what was there. */
export function addToTrie<Entry>(trie: TrieNode<Entry>, key: string, entry: Entry): void {
  let node = trie
  for (const unit of key) {
    let next = node.next.get(unit)
    if (!next) {
      next = {next: new Map()}
      node.next.set(unit, next)
    }
    node = next
  }
  node.entry = entry
}

/**
 * Longest names at word boundaries, left to right, in folded text. A hit is skipped over, so
 * names never overlap and `Republic of the Congo` is not also read as `Congo`.
 */
export function longestNames<Entry>(folded: string, trie: TrieNode<Entry>): TrieHit<Entry>[] {
  const hits: TrieHit<Entry>[] = []
  let at = 0
  while (at < folded.length) {
    if (!startsWord(folded, at)) {
      at += 1
      continue
    }
    let node = trie
    let best: TrieHit<Entry> | undefined
    for (let k = at; k < folded.length; k++) {
      const next = node.next.get(folded[k]!)
      if (!next) break
      node = next
      if (node.entry && endsWord(folded, k + 1)) best = {start: at, end: k + 1, entry: node.entry}
    }
    if (best) {
      hits.push(best)
      at = best.end
    } else at += 1
  }
  return hits
}
