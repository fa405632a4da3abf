import {hasChanges} from '../diff/diff-datasets.js'
import {formatSummary} from '../diff/format-summary.js'
import type {Diff} from '../types/diff.js'

/**
 * The message of a `herald regenerate --commit` commit: the Markdown summary of the
 * diff (its headline counts every dataset's changes), then trailers naming the docs
 * commit read (one group per source, with its folder, when a config names several). A month of changes over two flavours made messages of 80–110 KB, which
 * `git log` and the hosting sites show badly: the message is capped, keeping the headline
 * and the first changes of each dataset, then "… and N more".
 */

/** Largest commit message, in bytes of UTF-8. */
export const commitMessageCap = 20_000

/** The docs commit a regeneration read. */
export interface DocsCommit {
  ref: string
  commit: string
  /** The folder built from it, where one commit holds several (a config's sources). */
  out?: string
}

/** A source of a config that could not be regenerated: its folder is left out of the commit. */
export interface FailedSource {
  out: string
  /** Why, in one line. */
  reason: string
}

/** What a commit message may say besides the diff. */
export interface MessageOptions {
  /** Largest message, in bytes of UTF-8; default {@link commitMessageCap}. */
  maxBytes?: number
  /** Sources that failed: listed before the trailers, so the log says what is missing. */
  failed?: readonly FailedSource[]
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')

/** The trailers of the docs commits read: `Docs-Out` (with several), `Docs-Ref`, `Docs-Commit`. */
function trailersOf(docs: DocsCommit | readonly DocsCommit[]): string {
  const list: readonly DocsCommit[] = Array.isArray(docs) ? docs : [docs as DocsCommit]
  const lines = list.flatMap((item) => [
    ...(item.out === undefined ? [] : [`Docs-Out: ${item.out}`]),
    `Docs-Ref: ${item.ref}`,
    `Docs-Commit: ${item.commit}`
  ])
  return `\n\n${lines.join('\n')}\n`
}

/** A paragraph naming the sources that failed, their reasons cut to one line of 200 bytes. */
function failedParagraph(failed: readonly FailedSource[]): string {
  if (failed.length === 0) return ''
  const lines = failed.map((source) => {
    const reason = source.reason.split('\n')[0]!
    const short = reason.length > 200 ? `${reason.slice(0, 199)}…` : reason
    return `- ${source.out}: ${short}`
  })
  return `\n\nNot regenerated (left as they were):\n${lines.join('\n')}`
}

/** The commit message for `diff`, at most `maxBytes` long. */
export function commitMessage(
  diff: Diff,
  docs: DocsCommit | readonly DocsCommit[],
  options: MessageOptions = {}
): string {
  const {maxBytes = commitMessageCap, failed = []} = options
  const trailers = failedParagraph(failed) + trailersOf(docs)
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
