import type {Nodes, Root, RootContent} from 'mdast'
import type {PageView} from './page-view.js'

/**
 * English for a plain page, from its twin: the sxs page of the same English source commit
 * (the same locale's, or any locale's), whose segments carry the English. The two pages
 * are translations of one English page: the same entries, sections, lists, tables and
 * cells, in the same order. So the English of a range of the plain page is the English of
 * the range the same nodes cover in the twin — matched by position in the tree, never by
 * the translated words. Where the structure differs (a section with one more paragraph, a
 * table with another number of rows), the nodes below that point get no English: nothing
 * is guessed.
 *
 * A part of the plain page is matched with the twin's part of the same entry (see
 * `engine/process-page.ts`); this module aligns their trees.
 */

type Node = Nodes | RootContent

interface Offsets {
  start: number
  end: number
}

function offsets(node: Node): Offsets | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

function childrenOf(node: Node): RootContent[] {
  return 'children' in node ? (node.children as RootContent[]) : []
}

/** Offsets of the plain page mapped to the twin's; an offset claimed twice is dropped. */
class OffsetMap {
  private readonly map = new Map<number, number>()
  private readonly clashes = new Set<number>()

  set(from: number, to: number): void {
    if (this.clashes.has(from)) return
    const known = this.map.get(from)
    if (known === undefined) this.map.set(from, to)
    else if (known !== to) {
      this.map.delete(from)
      this.clashes.add(from)
    }
  }

  get(from: number): number | undefined {
    return this.map.get(from)
  }
}

/**
 * Groups a list of block nodes at its headings: `[before the first heading], [heading,
 * …], …`. Sections are matched one to one even where one of them differs inside.
 */
function sections(nodes: readonly RootContent[]): RootContent[][] {
  const groups: RootContent[][] = [[]]
  for (const node of nodes) {
    if (node.type === 'heading') groups.push([node])
    else groups.at(-1)!.push(node)
  }

  return groups
}

/** Maps the offsets of two lists of nodes that have the same shape, recursively. */
function alignLists(
  plain: readonly RootContent[],
  twin: readonly RootContent[],
  starts: OffsetMap,
  ends: OffsetMap
): void {
  if (plain.length !== twin.length) return
  plain.forEach((node, index) => alignNodes(node, twin[index]!, starts, ends))
}

function alignNodes(plain: Node, twin: Node, starts: OffsetMap, ends: OffsetMap): void {
  if (plain.type !== twin.type) return
  if (plain.type === 'heading' && twin.type === 'heading' && plain.depth !== twin.depth) return
  const a = offsets(plain)
  const b = offsets(twin)
  if (!a || !b) return
  starts.set(a.start, b.start)
  ends.set(a.end, b.end)

  // The content of a node is also a range the extractors ask for (a heading's title, a
  // list item's text, a cell's text), whatever its inline nodes: map its two ends.
  const plainChildren = childrenOf(plain)
  const twinChildren = childrenOf(twin)
  const plainFirst = plainChildren[0] && offsets(plainChildren[0])
  const twinFirst = twinChildren[0] && offsets(twinChildren[0])
  const plainLast = plainChildren.at(-1) && offsets(plainChildren.at(-1)!)
  const twinLast = twinChildren.at(-1) && offsets(twinChildren.at(-1)!)
  if (plainFirst && twinFirst && plainLast && twinLast) {
    starts.set(plainFirst.start, twinFirst.start)
    ends.set(plainLast.end, twinLast.end)
  }

  alignLists(plainChildren, twinChildren, starts, ends)
}

/**
 * The plain part `plain` (its tree `plainTree`) seen with the English of the twin's part
 * `twin` (its tree `twinTree`): `text()` gives `en` wherever both ends of the range map.
 */
export function withTwinEnglish(
  plain: PageView,
  plainTree: Root,
  twin: PageView,
  twinTree: Root
): PageView {
  const starts = new OffsetMap()
  const ends = new OffsetMap()
  const plainSections = sections(plainTree.children)
  const twinSections = sections(twinTree.children)
  if (plainSections.length === twinSections.length) {
    plainSections.forEach((section, index) => {
      const other = twinSections[index]!
      // A section whose body differs still gives its heading its English.
      if (section.length !== other.length && section[0] && other[0]) {
        alignNodes(section[0], other[0], starts, ends)
      } else alignLists(section, other, starts, ends)
    })
  }

  return {
    ...plain,
    hasEnglish: true,
    text(start, end) {
      const text = plain.text(start, end)
      const from = starts.get(start)
      const to = ends.get(end)
      if (from === undefined || to === undefined || to < from) return text
      return {text: text.text, en: twin.text(from, to).en ?? ''}
    }
  }
}
