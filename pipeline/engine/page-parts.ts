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
 * sxs segment ids (`<span data-ttu-id="1b257-107">`) are renumbered by every translation
 * pass: the same entry, unchanged, comes back with other ids in the next version of its
 * page. Splitting reads an id only for its length (see `page/split-segments.ts`), and a
 * segment whose markup is kept as text shows its id in the view, which the key holds too;
 * so a key may see every id character as one and the same without two different parts
 * sharing it. Lengths stay, and with them the columns of everything after an id.
 */
const segmentId = /(data-[ts]tu-id=")([0-9A-Za-z-]{1,64})(?=">)/g

/** `source` with every segment id masked, its length kept. */
export function maskSegmentIds(source: string): string {
  return source.replace(segmentId, (_match, attribute: string, id: string) =>
    attribute.concat('0'.repeat(id.length))
  )
}

/**
 * A part's memo key. Its result depends on its text — in sxs, with the English of its
 * segments, and the segment ids only by their length —, on the page's name, month, locale
 * and flavour, the severities (`salt`), and the twin's part it takes its English from. The
 * page's source commit and translation type are filled in afterwards, so a page translated
 * again from a new English commit still reuses its unchanged parts.
 */
export function partKey(
  page: PageView,
  source: string,
  part: Part,
  salt: string,
  twin?: {view: PageView; source: string}
): string {
  return createHash('sha256')
    .update(salt)
    .update('\0')
    .update(maskSegmentIds(partSource(page, source, part)))
    .update('\0')
    .update(page.view.slice(part.start, part.end))
    .update('\0')
    .update(page.text(part.start, part.end).en ?? '')
    .update('\0')
    .update(twin ? maskSegmentIds(twin.source) : '')
    .update('\0')
    .update(twin?.view.view ?? '')
    .digest('hex')
}
