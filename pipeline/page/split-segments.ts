/**
 * Side-by-side (sxs) pages wrap every translated segment with its English source:
 *
 *     <span data-ttu-id="ID">T</span><span class="sxs-lookup"><span data-stu-id="ID">E</span></span>
 *
 * `splitSegments` removes that markup in one linear pass and returns the span-free
 * translated *view* (what Markdown is parsed from) plus a table of segments, so that
 * every view range can be mapped back to the original file (for diagnostics) and
 * rebuilt in English (for the `en` side of every text field) without a second parse.
 */

const openTranslated = '<span data-ttu-id="'
const closeTranslatedOpenEnglish = '</span><span class="sxs-lookup"><span data-stu-id="'
const closeSpan = '</span>'
const closeEnglish = '</span></span>'
/** Segment ids look like `c5130-108`; anything longer is not an id. */
const maxIdLength = 64

/**
 * One sxs segment: where its translation sits in the view, where its markup sat in the
 * source, and its English.
 */
export interface Segment {
  /** Range of the translated text in the view. */
  viewStart: number
  viewEnd: number
  /** Range of the whole segment markup in the source. */
  sourceStart: number
  sourceEnd: number
  /** Where the translated text starts in the source. */
  translatedSourceStart: number
  translated: string
  english: string
  /** Offsets in `translated` of each `**` that the source writes `\*\*`. */
  unescapedBold: number[]
}

/**
 * Span markup that is not a well-formed segment, at its source offset: kept as text
 * and reported.
 */
export interface SegmentProblem {
  /** Offset in the source. */
  offset: number
  reason: string
}

/** A source split into its span-free translated view, its segments and the problems found. */
export interface SegmentedText {
  view: string
  segments: Segment[]
  problems: SegmentProblem[]
}

/**
 * sxs escapes the opening `**` of bold text inside segments (`\*\*bold**`), which
 * Markdown would print literally; the plain flavour of the same page has `**bold**`.
 */
const escapedBold = '\\*\\*'

function unescapeBold(text: string): string {
  return text.includes(escapedBold) ? text.replaceAll(escapedBold, '**') : text
}

/** Where `unescapeBold` put each `**`, so that view offsets still map to the source. */
function unescapedBoldOffsets(text: string): number[] {
  const offsets: number[] = []
  for (let at = text.indexOf(escapedBold); at !== -1; at = text.indexOf(escapedBold, at + 4)) {
    offsets.push(at - 2 * offsets.length)
  }

  return offsets
}

/**
 * Finds `needle` at or after `from`, remembering the last answer so that a run of
 * broken segments (100,000 unclosed spans) costs one scan, not one scan per span.
 */
function createFinder(source: string, needle: string): (from: number) => number {
  let lastFrom = -1
  let lastFound = -1
  return function (from) {
    if (lastFrom !== -1 && from >= lastFrom && (lastFound === -1 || lastFound >= from)) {
      return lastFound
    }

    lastFrom = from
    lastFound = source.indexOf(needle, from)
    return lastFound
  }
}

/** Reads `ID">` at `from`; returns the offset after `">` or -1. */
function skipId(source: string, from: number): number {
  const end = source.indexOf('">', from)
  if (end === -1 || end - from > maxIdLength) return -1
  return end + 2
}

/**
 * Splits sxs span markup out of `source` in one linear pass (see the module comment):
 * the view, the segments, the problems.
 */
export function splitSegments(source: string): SegmentedText {
  const findOpen = createFinder(source, openTranslated)
  const findClose = createFinder(source, closeSpan)
  const findCloseEnglish = createFinder(source, closeEnglish)
  const segments: Segment[] = []
  const problems: SegmentProblem[] = []
  const parts: string[] = []
  let viewLength = 0
  let copied = 0
  let searchFrom = 0

  while (true) {
    const start = findOpen(searchFrom)
    if (start === -1) break
    searchFrom = start + openTranslated.length

    const translatedStart = skipId(source, searchFrom)
    const translatedEnd = translatedStart === -1 ? -1 : findClose(translatedStart)
    const nextOpen = translatedStart === -1 ? -1 : findOpen(translatedStart)

    if (
      translatedStart === -1 ||
      translatedEnd === -1 ||
      (nextOpen !== -1 && nextOpen < translatedEnd) ||
      !source.startsWith(closeTranslatedOpenEnglish, translatedEnd)
    ) {
      problems.push({
        offset: start,
        reason:
          'Unexpected sxs markup: a `<span data-ttu-id>` is not followed by its translated text and `sxs-lookup` English span; kept as text'
      })
      continue
    }

    const englishStart = skipId(source, translatedEnd + closeTranslatedOpenEnglish.length)
    const englishEnd = englishStart === -1 ? -1 : findCloseEnglish(englishStart)
    const nextOpenAfter = englishStart === -1 ? -1 : findOpen(englishStart)

    if (englishEnd === -1 || (nextOpenAfter !== -1 && nextOpenAfter < englishEnd)) {
      problems.push({
        offset: start,
        reason:
          'Unclosed sxs segment: the English `sxs-lookup` span has no closing `</span></span>`; kept as text'
      })
      continue
    }

    const rawTranslated = source.slice(translatedStart, translatedEnd)
    const translated = unescapeBold(rawTranslated)
    const english = unescapeBold(source.slice(englishStart, englishEnd))
    const sourceEnd = englishEnd + closeEnglish.length
    const before = source.slice(copied, start)
    parts.push(before, translated)
    viewLength += before.length
    segments.push({
      viewStart: viewLength,
      viewEnd: viewLength + translated.length,
      sourceStart: start,
      sourceEnd,
      translatedSourceStart: translatedStart,
      translated,
      english,
      unescapedBold: translated === rawTranslated ? [] : unescapedBoldOffsets(rawTranslated)
    })
    viewLength += translated.length
    copied = sourceEnd
    searchFrom = sourceEnd
  }

  parts.push(source.slice(copied))
  return {view: segments.length === 0 ? source : parts.join(''), segments, problems}
}

/** Index of the last segment whose view range starts at or before `offset`, or -1. */
function segmentAt(segments: Segment[], offset: number): number {
  let low = 0
  let high = segments.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (segments[middle]!.viewStart <= offset) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }

  return found
}

/** Maps an offset in the view to the offset in the original source. */
export function viewToSource(text: SegmentedText, offset: number): number {
  const index = segmentAt(text.segments, offset)
  if (index === -1) return offset
  const segment = text.segments[index]!
  if (offset >= segment.viewEnd) return segment.sourceEnd + (offset - segment.viewEnd)
  const relative = offset - segment.viewStart
  let source = segment.translatedSourceStart + relative
  // Each `**` before the offset was four characters in the source (`\*\*`); within one,
  // its two stars are the second and fourth of them.
  for (const bold of segment.unescapedBold) {
    if (relative >= bold + 2) source += 2
    else {
      if (relative >= bold) source += relative - bold + 1
      break
    }
  }

  return source
}

/** Index of the first segment whose view range ends at or after `offset`. */
function firstEndingFrom(segments: Segment[], offset: number): number {
  let low = 0
  let high = segments.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (segments[middle]!.viewEnd < offset) low = middle + 1
    else high = middle
  }

  return low
}

/**
 * Rebuilds the English of the view range `[start, end)`: text outside segments is
 * shared by both languages; a segment touched by the range contributes its whole
 * English (a partial segment has no partial translation), and so does a segment with
 * an empty translation at either end of the range.
 */
export function englishOf(text: SegmentedText, start: number, end: number): string {
  const {segments, view} = text
  let index = firstEndingFrom(segments, start)
  const first = segments[index]
  if (first && first.viewEnd === start && first.viewStart < start) index++
  let result = ''
  let cursor = start
  for (; index < segments.length; index++) {
    const segment = segments[index]!
    if (segment.viewStart > end || (segment.viewStart === end && segment.viewEnd > end)) break
    if (segment.viewStart > cursor) result += view.slice(cursor, segment.viewStart)
    result += segment.english
    cursor = Math.max(cursor, segment.viewEnd)
  }

  if (cursor < end) result += view.slice(cursor, end)
  return result
}
