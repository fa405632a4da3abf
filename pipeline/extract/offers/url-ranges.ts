/**
 * Where a Markdown string holds URLs: link destinations (`](…)`), autolinks (`<https://…>`),
 * bare web addresses, HTML `href`/`src` values and reference definitions (`[1]: …`). A GUID
 * inside one is a parameter of the link (`?topicid=<guid>`, `/dashboard/…/<guid>`), not an
 * offer the entry names.
 */

// Each alternative is a run of characters a URL can hold, bounded by what ends a URL in
// Markdown (space, `)`, `>`, quotes), so matching stays linear.
const urlPattern = new RegExp(
  [
    String.raw`\]\(\s*[^)\s>]+`,
    String.raw`<(?:https?|mailto|ftp):[^>\s]+>`,
    String.raw`(?:https?:\/\/|www\.)[^\s<>"'\x60\])]+(?:\([^\s()]*\)[^\s<>"'\x60\])]*)*`,
    String.raw`(?:href|src)\s*=\s*["'][^"']*`,
    String.raw`^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+`
  ].join('|'),
  'gimu'
)

/** `[start, end)` of every URL in `text`, in order. */
export function urlRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(urlPattern)].map((match) => [match.index, match.index + match[0].length])
}

/**
 * Whether `[start, end)` overlaps one of the ranges, which must be sorted by start and not
 * overlap one another (as `urlRanges` gives them): a binary search, so a page with many
 * links and many IDs stays linear.
 */
export function insideRanges(
  ranges: ReadonlyArray<[number, number]>,
  start: number,
  end: number
): boolean {
  // The last range that starts before `end`: the only one that can reach past `start`.
  let low = 0
  let high = ranges.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (ranges[middle]![0] < end) low = middle + 1
    else high = middle
  }

  const candidate = ranges[low - 1]
  return candidate !== undefined && candidate[1] > start
}
