import type {RootContent} from 'mdast'
import type {Report} from '../../diagnostics/message.js'
import type {PageView} from '../../page/page-view.js'
import type {Section} from '../../types/entries.js'
import {isNumberAnchor, stripTags} from './anchors.js'
import {sectionKey, slugify} from './section-keys.js'
import type {SectionBlock} from './segment-entries.js'

/** A section with its key: the normalised English anchor, unique within the entry. */
export interface KeyedSection extends SectionBlock {
  key: string
}

/**
 * Gives each section of an entry its key: the normalised English anchor, else the slug of
 * the heading's English (reported), with `~2` on a key used twice.
 */
export function keySections(
  sections: SectionBlock[],
  page: PageView,
  report: Report
): KeyedSection[] {
  const seen = new Map<string, number>()
  return sections.map((section, index) => {
    let key: string
    const anchor = section.anchors.find((anchor) => !isNumberAnchor(anchor))
    if (!section.heading) key = 'intro'
    else if (anchor) key = sectionKey(anchor) || `section-${index + 1}`
    else {
      const heading = headingText(page, section)
      key = slugify(heading.en ?? '') || `section-${index + 1}`
      report(
        'section-no-anchor',
        `Section heading \`${heading.text}\` has no English anchor: keyed \`${key}\``,
        page.place(section.heading.position!.start.offset!)
      )
    }

    const count = (seen.get(key) ?? 0) + 1
    seen.set(key, count)
    return {...section, key: count > 1 ? `${key}~${count}` : key}
  })
}

/** The text of a section's heading, with its English where the page has it. */
export function headingText(page: PageView, section: SectionBlock): {text: string; en?: string} {
  const heading = section.heading
  if (!heading || heading.children.length === 0) return {text: ''}
  const text = page.text(
    heading.children[0]!.position!.start.offset!,
    heading.children.at(-1)!.position!.end.offset!
  )
  return text.en === undefined
    ? {text: stripTags(text.text)}
    : {text: stripTags(text.text), en: stripTags(text.en)}
}

/** The section's Markdown, without the `____` rules that separate entries. */
function contentRange(nodes: RootContent[]): [number, number] | undefined {
  let last = nodes.length - 1
  while (last >= 0 && nodes[last]!.type === 'thematicBreak') last--
  if (last < 0) return undefined
  return [nodes[0]!.position!.start.offset!, nodes[last]!.position!.end.offset!]
}

/**
 * A section as the entries dataset holds it: anchor, heading and body text with their
 * English.
 */
export function sectionRecord(page: PageView, section: KeyedSection): Section {
  const anchor = section.anchors.find((anchor) => !isNumberAnchor(anchor)) ?? null
  const span = contentRange(section.nodes)
  const body = span
    ? page.text(span[0], span[1])
    : page.hasEnglish
      ? {text: '', en: ''}
      : {text: ''}
  return {anchor, heading: headingText(page, section), ...body}
}
