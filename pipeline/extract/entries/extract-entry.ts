import type {Link as LinkNode, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {Report} from '../../diagnostics/message.js'
import type {PageView} from '../../page/page-view.js'
import type {Entry, Link} from '../../types/entries.js'
import {stripTags} from './anchors.js'
import {readCategories} from './categories.js'
import {bulletLines, readEntryDate} from './entry-date.js'
import {keySections, sectionRecord, type KeyedSection} from './section-text.js'
import type {EntryBlock} from './segment-entries.js'

/** What every entry of a page shares: its file, month, locale and translation source. */
export interface PageFacts {
  file: string
  month: string
  locale: string
  sourceCommit: string | null
  translationType: string | null
}

function titleOf(page: PageView, block: EntryBlock): Entry['title'] {
  const children = block.heading.children
  if (children.length === 0) return {text: ''}
  const text = page.text(
    children[0]!.position!.start.offset!,
    children.at(-1)!.position!.end.offset!
  )
  return text.en === undefined
    ? {text: stripTags(text.text)}
    : {text: stripTags(text.text), en: stripTags(text.en)}
}

function linksOf(block: EntryBlock): Link[] {
  const links: Link[] = []
  for (const section of block.sections) {
    for (const node of section.nodes) {
      visit(node as Nodes, 'link', (link: LinkNode) => {
        links.push({text: toString(link).trim(), url: link.url})
      })
    }
  }

  return links
}

/** A bullet that is only a link ("Learn more") is a link, not a category. */
function isLinkBullet(text: string): boolean {
  return /^\[[^\]]*\]\([^)]*\)$/.test(text.trim())
}

/** An entry record, and its keyed sections for the extractors that run after it. */
export interface ExtractedEntry {
  entry: Entry
  /** The entry's sections with their keys, for the table and country extractors. */
  sections: KeyedSection[]
}

/**
 * Reads one entry block into an entry record: id, number, date, categories, status,
 * sections and links.
 */
export function extractEntry(
  block: EntryBlock,
  key: string,
  page: PageView,
  facts: PageFacts,
  report: Report
): ExtractedEntry {
  const sections = keySections(block.sections, page, report)
  const place = page.place(block.heading.position!.start.offset!)
  const dated = readEntryDate(page, place, sections, facts.locale, facts.month, report)
  const categoriesSection = sections.find((section) => section.key === 'categories')
  const bullets = categoriesSection
    ? bulletLines(page, categoriesSection.nodes)
        .filter((line) => line.start !== dated.line?.start)
        .map((line) => line.text)
        .filter((text) => text.text !== '' && !isLinkBullet(text.text))
    : []
  const {categories, status, unknown} = readCategories(bullets)
  for (const label of unknown) {
    report(
      'category-unknown',
      `Category \`${label}\` is not in the vocabulary: kept with key null`,
      page.place(categoriesSection!.heading!.position!.start.offset!)
    )
  }

  const entry: Entry = {
    key,
    id: block.id,
    number: block.number,
    anchors: block.anchors,
    month: facts.month,
    locale: facts.locale,
    flavour: page.flavour,
    date: dated.date,
    updated: dated.updated,
    dateText: dated.dateText,
    title: titleOf(page, block),
    categories,
    status,
    sections: Object.fromEntries(
      sections.map((section) => [section.key, sectionRecord(page, section)])
    ),
    links: linksOf(block),
    source: {
      file: facts.file,
      line: place.line,
      column: place.column,
      sourceCommit: facts.sourceCommit,
      translationType: facts.translationType,
      twin: null,
      handoff: null
    }
  }
  return {entry, sections}
}
