import type {Span} from './spans.js'

/** A piece of text between list separators. */
export interface Segment extends Span {
  /** The item itself: after any `Label:` and bullet, trimmed. */
  item: Span
  /** Sentence number: a list never runs across a sentence end. */
  sentence: number
}

// A full stop ends a sentence only after a word of three letters: `St. Helena`, `U.S.` go on.
const segmentBreak = /<br\s*\/?>|[,;、，；|\n]|(?<sentence>[。！？!?]|(?<=\p{L}{3})\.(?=\s))/giu

/**
 * The pieces of text between list separators (commas, semicolons, ideographic commas, table
 * pipes, line breaks, `<br>`), numbered by sentence. Every offset of the text is in exactly one
 * segment, in order.
 */
export function listSegments(text: string): Segment[] {
  const segments: Segment[] = []
  let from = 0
  let sentence = 0
  const push = (to: number): void => {
    const segment = text.slice(from, to)
    const colon = Math.max(segment.lastIndexOf(':'), segment.lastIndexOf('：'))
    let itemStart = colon >= 0 ? from + colon + 1 : from
    let itemEnd = to
    while (itemStart < itemEnd && /[\s\-*+•·]/.test(text[itemStart]!)) itemStart++
    while (itemEnd > itemStart && /[\s.。]/.test(text[itemEnd - 1]!)) itemEnd--
    segments.push({start: from, end: to, item: {start: itemStart, end: itemEnd}, sentence})
  }
  for (const separator of text.matchAll(segmentBreak)) {
    push(separator.index)
    from = separator.index + separator[0].length
    if (separator.groups?.sentence) sentence += 1
  }
  push(text.length)
  return segments
}

/** The segment that holds offset `at` (by binary search: segments are in order). */
export function segmentAt(segments: Segment[], at: number): Segment | undefined {
  let lo = 0
  let hi = segments.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (segments[mid]!.start <= at) lo = mid
    else hi = mid - 1
  }
  return segments[lo]
}

/** Whether `span` is exactly the item of its segment: a list item that is nothing else. */
export function isWholeItem(segments: Segment[], span: Span): boolean {
  const segment = segmentAt(segments, span.start)
  return segment !== undefined && segment.item.start === span.start && segment.item.end === span.end
}

/** Segments grouped by sentence, in order: the candidate lists of a text. */
export function groupBySentence(segments: Segment[]): Segment[][] {
  const lists: Segment[][] = []
  for (const segment of segments) {
    const current = lists[lists.length - 1]
    if (current && current[0]!.sentence === segment.sentence) current.push(segment)
    else lists.push([segment])
  }
  return lists
}
