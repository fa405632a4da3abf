import {createHash} from 'node:crypto'
import {isNumberAnchor} from '../extract/entries/anchors.js'
import {isSectionAnchor} from '../extract/entries/section-keys.js'
import {anchorsOfLine} from '../extract/entries/segment-entries.js'
import {headingLines} from '../page/heading-lines.js'
import type {PageView} from '../page/page-view.js'
import {viewToSource} from '../page/split-segments.js'

/**
 * Where a page is cut into parts, what a part is called, and what its result depends on.
 * A part runs from a top-level H2 that opens an entry to the next one (the first part is
 * the page's head, before its first entry); see `page/heading-lines.ts` for why these cuts
 * parse exactly as the whole page.
 */

/** A part of a page: `[start, end)` of its view, and the anchors of its first line. */
export interface Part {
  start: number
  end: number
  /** The English anchors of the H2 it starts with, joined (`''` for the page's head). */
  label: string
}

/**
 * The parts of a page: cut at the top-level H2 lines, except those that continue the
 * entry before them (an H2 whose only anchor is a section name is merged into it).
 */
export function pageParts(page: PageView): Part[] {
  const cuts: Array<{start: number; label: string}> = []
  for (const line of headingLines(page.view)) {
    const anchors = anchorsOfLine(page, line.start, line.end)
    const slugs = anchors.filter((anchor) => !isNumberAnchor(anchor))
    const opensEntry =
      slugs.length === 0 || anchors.some(isNumberAnchor) || !slugs.every(isSectionAnchor)
    if (opensEntry && line.start > 0) cuts.push({start: line.start, label: anchors.join(' ')})
  }

  const starts = [{start: 0, label: ''}, ...cuts]
  return starts.map(({start, label}, index) => ({
    start,
    end: starts[index + 1]?.start ?? page.view.length,
    label
  }))
}

/** The original text of a part: with its sxs spans, so with its English. */
export function partSource(page: PageView, source: string, part: Part): string {
  const from = viewToSource(page.segmented, part.start)
  const to = part.end === page.view.length ? source.length : viewToSource(page.segmented, part.end)
  return source.slice(from, to)
}

/**
 * A part's memo key. Its result depends on its text — in sxs, with the English of its
 * segments —, on the page's name, month, locale and flavour, the severities (`salt`), and
 * the twin's part it takes its English from. The page's source commit and translation type
 * are filled in afterwards, so a page translated again from a new English commit still
 * reuses its unchanged parts.
 */
export function partKey(
  page: PageView,
  source: string,
  part: Part,
  salt: string,
  twinSource = ''
): string {
  return createHash('sha256')
    .update(salt)
    .update('\0')
    .update(partSource(page, source, part))
    .update('\0')
    .update(page.text(part.start, part.end).en ?? '')
    .update('\0')
    .update(twinSource)
    .digest('hex')
}
