import {location} from 'vfile-location'
import type {Place} from '../diagnostics/message.js'
import {englishOf, splitSegments, viewToSource, type SegmentedText} from './split-segments.js'
import type {Text} from '../types/entries.js'

/**
 * A page as the extractors see it: the span-free translated view that Markdown is
 * parsed from, with the two things every extractor needs — the English of any view
 * range (sxs only) and the line/column in the original file of any view offset.
 */
export interface PageView {
  flavour: 'sxs' | 'plain'
  /** Whether `text()` gives English: an sxs page, or a plain page read with its twin. */
  hasEnglish: boolean
  /** The view: front matter blanked (same length, so offsets and lines still match). */
  view: string
  segmented: SegmentedText
  place(viewOffset: number): Place
  /** Line and column of an offset in the original text (sxs markup problems). */
  sourcePlace(sourceOffset: number): Place
  /** `{text, en}` of a view range, both trimmed; `en` only in sxs pages. */
  text(start: number, end: number): Text
}

/**
 * `source` with its front matter (up to `frontMatterEnd`) turned to spaces, its line breaks
 * kept: offsets, lines and columns stay those of the file.
 */
export function blankFrontMatter(source: string, frontMatterEnd: number): string {
  return source.slice(0, frontMatterEnd).replace(/[^\n]/g, ' ') + source.slice(frontMatterEnd)
}

/**
 * The view of a page after its front matter: sxs spans split out, flavour detected,
 * English and source places of any range at hand.
 */
export function createPageView(source: string, frontMatterEnd: number): PageView {
  // The front matter is blanked before the spans are split: span markup in it (a
  // translated title) is YAML, not a segment, and its offsets stay those of the source.
  const segmented = splitSegments(blankFrontMatter(source, frontMatterEnd))
  const flavour = segmented.segments.length > 0 ? 'sxs' : 'plain'
  const lines = location(source)
  const sourcePlace = (sourceOffset: number): Place => {
    const point = lines.toPoint(Math.min(sourceOffset, source.length))
    return {line: point?.line ?? 1, column: point?.column ?? 1}
  }

  return {
    flavour,
    hasEnglish: flavour === 'sxs',
    view: segmented.view,
    segmented,
    place: (viewOffset) => sourcePlace(viewToSource(segmented, viewOffset)),
    sourcePlace,
    text(start, end) {
      const text = tidy(segmented.view.slice(start, end))
      if (flavour === 'plain') return {text}
      return {text, en: tidy(englishOf(segmented, start, end))}
    }
  }
}

/**
 * One part of a page, `[start, end)` of its view, seen as a page of its own: Markdown is
 * parsed from the part's text, so offsets into it are relative, and are mapped to the
 * whole page for English and for places in the file.
 */
export function partView(page: PageView, start: number, end: number): PageView {
  if (start === 0 && end === page.view.length) return page
  return {
    flavour: page.flavour,
    hasEnglish: page.hasEnglish,
    view: page.view.slice(start, end),
    segmented: page.segmented,
    place: (viewOffset) => page.place(start + viewOffset),
    sourcePlace: page.sourcePlace,
    text: (from, to) => page.text(start + from, start + to)
  }
}

/**
 * Trimmed, and without the spaces and tabs that end its lines: editors add and drop them,
 * and the same page must give the same data either way. Only a Markdown hard break —
 * two or more spaces before a line that goes on — is meaningful: it is kept, as two.
 */
function tidy(text: string): string {
  if (!text.includes('\n')) return text.trim()
  const lines = text.split('\n')
  return lines
    .map((line, index) => {
      let end = line.length
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
      const hardBreak =
        line.endsWith('  ') && index + 1 < lines.length && lines[index + 1]!.trim() !== ''
      return line.slice(0, end) + (hardBreak ? '  ' : '')
    })
    .join('\n')
    .trim()
}
