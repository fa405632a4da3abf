/** A half-open range `[start, end)` of UTF-16 offsets into one string. */
export interface Span {
  start: number
  end: number
}

/** The order mentions are reported in: by start, the shorter of two at one start first. */
export function byStart(left: Span, right: Span): number {
  return left.start - right.start || left.end - right.end
}
