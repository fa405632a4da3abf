import {location} from 'vfile-location'
import type {Place} from '../diagnostics/message.js'
import {englishOf, splitSegments, viewToSource, type SegmentedText} from '../sxs/split-segments.js'
import type {Text} from '../types/entries.js'

/**
 * A page as the extractors see it: the span-free translated view that Markdown is
 * parsed from, with the two things every extractor needs — the English of any view
 * range (sxs only) and the line/column in the original file of any view offset.
 */
export interface PageView {
  flavour: 'sxs' | 'plain'
  /** The view: front matter blanked (same length, so offsets and lines still match). */
  view: string
  segmented: SegmentedText
  place(viewOffset: number): Place
  /** `{text, en}` of a view range, both trimmed; `en` only in sxs pages. */
  text(start: number, end: number): Text
}

export function createPageView(source: string, frontMatterEnd: number): PageView {
  const segmented = splitSegments(source)
  const flavour = segmented.segments.length > 0 ? 'sxs' : 'plain'
  // Front matter holds no segments, so its offsets are the same in source and view.
  segmented.view =
    segmented.view.slice(0, frontMatterEnd).replace(/[^\n]/g, ' ') +
    segmented.view.slice(frontMatterEnd)
  const lines = location(source)

  return {
    flavour,
    view: segmented.view,
    segmented,
    place(viewOffset) {
      const point = lines.toPoint(Math.min(viewToSource(segmented, viewOffset), source.length))
      return {line: point?.line ?? 1, column: point?.column ?? 1}
    },
    text(start, end) {
      const text = segmented.view.slice(start, end).trim()
      if (flavour === 'plain') return {text}
      return {text, en: englishOf(segmented, start, end).trim()}
    }
  }
}
