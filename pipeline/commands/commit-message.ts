import {hasChanges} from '../diff/diff-datasets.js'
import {formatSummary} from '../diff/format-summary.js'
import type {Diff} from '../types/diff.js'

/**
 * The message of a `herald regenerate --commit` commit: the Markdown summary of the
 * diff (its headline counts every dataset's changes), then trailers naming the docs
 * commit read. A month of changes over two flavours made messages of 80–110 KB, which
 * `git log` and the hosting sites show badly: the message is capped, keeping the headline
 * and the first changes of each dataset, then "… and N more".
 */

/** Largest commit message, in bytes of UTF-8. */
export const commitMessageCap = 20_000

/** The docs commit a regeneration read. */
export interface DocsCommit {
  ref: string
  commit: string
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')

/** The commit message for `diff`, at most `maxBytes` long. */
export function commitMessage(
  diff: Diff,
  docs: DocsCommit,
  maxBytes: number = commitMessageCap
): string {
  const trailers = `\n\nDocs-Ref: ${docs.ref}\nDocs-Commit: ${docs.commit}\n`
  if (!hasChanges(diff)) {
    return `herald: no record changed (source positions or report only)${trailers}`
  }

  const budget = maxBytes - byteLength(trailers)
  const body = (maxLines: number) => formatSummary(diff, {maxLines}).trimEnd()
  const whole = body(200)
  if (byteLength(whole) <= budget) return whole + trailers

  // The most lines per dataset that fit: the summary grows with them.
  let fits = 0
  let low = 1
  let high = 199
  while (low <= high) {
    const middle = Math.floor((low + high) / 2)
    if (byteLength(body(middle)) <= budget) {
      fits = middle
      low = middle + 1
    } else high = middle - 1
  }

  if (fits > 0) return body(fits) + trailers
  return cutLines(body(1), budget) + trailers
}

/**
 * A summary whose first change alone is over the budget (a record with thousands of
 * changed fields): its lines while they fit, the headline always, then a line that says
 * where the rest is.
 */
function cutLines(summary: string, budget: number): string {
  const rest = '- … and more: see `herald diff --json`'
  const [headline, ...lines] = summary.split('\n')
  const kept = [headline!]
  let size = byteLength(headline!) + 1 + byteLength(rest)
  for (const line of lines) {
    size += byteLength(line) + 1
    if (size > budget) break
    kept.push(line)
  }

  return [...kept, rest].join('\n')
}
