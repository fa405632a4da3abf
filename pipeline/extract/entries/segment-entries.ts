import type {Heading, Root, RootContent} from 'mdast'
import type {Report} from '../../diagnostics/message.js'
import type {PageView} from '../../page/page-view.js'
import {isNumberAnchor, readAnchors} from './anchors.js'
import {isSectionAnchor} from './section-keys.js'

/**
 * Cuts a page's tree into entries. An entry starts at an H2 that carries an English
 * slug anchor and runs to the next such H2 — not to the next `____` rule (many entries
 * have none before them, many rules trail at the end of a page). Headings of depth 3
 * and more, and H2s whose only anchor is a section name, open sections of the entry.
 */

export interface SectionBlock {
  /** null for the text between the entry's title and its first section heading. */
  heading: Heading | null
  anchors: string[]
  nodes: RootContent[]
}

/** The nodes of one announcement: its H2, anchors, English id and number, and its sections. */
export interface EntryBlock {
  heading: Heading
  anchors: string[]
  id: string
  number: number | null
  sections: SectionBlock[]
}

/** The entry blocks of a page, and the ledger of its H2 headings. */
export interface SegmentedEntries {
  entries: EntryBlock[]
  /** The ledger: H2s seen = entries + merged + reported. */
  headings: number
  merged: number
  reported: number
}

/** The anchors written on `[start, end)` of the view, in the translation or the English. */
export function anchorsOfLine(page: PageView, start: number, end: number): string[] {
  return readAnchors(page.view.slice(start, end), page.text(start, end).en)
}

function headingAnchors(page: PageView, heading: Heading): string[] {
  return anchorsOfLine(page, heading.position!.start.offset!, heading.position!.end.offset!)
}

/** An entry's key is `month/id`: a slug written with spaces or `/` gets `-` for them. */
function entryId(slug: string): string {
  return slug.replace(/[\s/]+/g, '-')
}

/** A number anchor too long for an exact integer is kept in `anchors` only. */
function entryNumber(anchor: string | undefined): number | null {
  const number = Number(anchor)
  return anchor !== undefined && Number.isSafeInteger(number) ? number : null
}

/**
 * Cuts a page's tree into entries at H2s with an English slug anchor; an H2 named like
 * a section joins the entry before it, any other is reported.
 */
export function segmentEntries(tree: Root, page: PageView, report: Report): SegmentedEntries {
  const result: SegmentedEntries = {entries: [], headings: 0, merged: 0, reported: 0}
  let entry: EntryBlock | undefined
  let section: SectionBlock | undefined

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      section = undefined
      if (node.depth === 1) {
        entry = undefined
        continue
      }

      result.headings++
      const anchors = headingAnchors(page, node)
      const numbers = anchors.filter(isNumberAnchor)
      const slugs = anchors.filter((anchor) => !isNumberAnchor(anchor))
      const place = page.place(node.position!.start.offset!)

      if (slugs.length > 0 && (numbers.length > 0 || !slugs.every(isSectionAnchor))) {
        entry = {
          heading: node,
          anchors,
          id: entryId(slugs.find((slug) => !isSectionAnchor(slug)) ?? slugs[0]!),
          number: entryNumber(numbers[0]),
          sections: []
        }
        result.entries.push(entry)
      } else if (slugs.length > 0 && entry) {
        result.merged++
        report(
          'heading-promoted-section',
          `H2 \`${slugs.join(', ')}\` is a section name: merged into entry \`${entry.id}\``,
          place
        )
        section = {heading: node, anchors, nodes: []}
        entry.sections.push(section)
      } else {
        result.reported++
        entry = undefined
        report(
          'entry-no-slug',
          anchors.length === 0
            ? 'H2 without an anchor: expected `<a name="english-slug"></a>` before the title; its content belongs to no entry'
            : `H2 with only the anchor(s) \`${anchors.join(', ')}\` and no entry before it: not an entry`,
          place
        )
      }

      continue
    }

    if (!entry) continue

    if (node.type === 'heading') {
      const anchors = headingAnchors(page, node)
      section = {heading: node, anchors, nodes: []}
      entry.sections.push(section)
      continue
    }

    if (!section) {
      section = {heading: null, anchors: [], nodes: []}
      entry.sections.push(section)
    }

    section.nodes.push(node)
  }

  return result
}
