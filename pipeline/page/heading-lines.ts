/**
 * The top-level H2 lines of a page's view, found without parsing it: where the page may be
 * cut into parts that parse exactly as they do inside the whole page. An announcement
 * page is a run of H2 entries, and most commits change one or two of them; parsing each
 * part on its own lets the results of unchanged parts be reused (see
 * `engine/process-page.ts`), and keeps every parse small (micromark's cost grows faster
 * than the size of a document: ../shared/PERF.md).
 *
 * A line is a cut point only where CommonMark guarantees that it starts a new top-level
 * block whatever came before: `##` at column 0 (not indented, so not inside a list item,
 * a block quote or indented code), outside any fenced code block and any HTML block. An
 * ATX heading interrupts a paragraph, ends a list, a block quote and a table. Where the
 * scan cannot be sure (a fence or HTML block it reads conservatively), it finds fewer cut
 * points, never a wrong one. Link reference definitions are the one construct that
 * reaches across the whole document: a page that has one is not cut at all.
 *
 * One pass over the lines, each looked at once: linear in the page's length.
 */

/** A line of the view: `[start, end)` without its line feed. */
export interface HeadingLine {
  start: number
  end: number
}

const h2 = /^##(?:[ \t]|$)/
const fenceOpen = /^ {0,3}(`{3,}|~{3,})/
// A definition may stand inside a block quote or a list item: any such line counts.
const definition = /^[ \t>*+\-\d.)]*\[[^\]\n]+\]:/
// HTML block starts (CommonMark 4.6): types 1–5 end at their own closing marker, types 6
// and 7 at a blank line. Type 7 (any complete tag alone on its line) is taken loosely:
// a line that starts with a tag and is read as HTML here only makes the scan cut less.
const htmlBlocks: Array<{opens: RegExp; ends: (line: string) => boolean}> = [
  {
    opens: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i,
    ends: (line) => /<\/(?:script|pre|style|textarea)>/i.test(line)
  },
  {opens: /^ {0,3}<!--/, ends: (line) => line.includes('-->')},
  {opens: /^ {0,3}<\?/, ends: (line) => line.includes('?>')},
  {opens: /^ {0,3}<!\[CDATA\[/, ends: (line) => line.includes(']]>')},
  {opens: /^ {0,3}<![A-Z]/i, ends: (line) => line.includes('>')},
  {opens: /^ {0,3}<\/?[A-Z][A-Z0-9-]*(?:[\s/>]|$)/i, ends: (line) => line.trim() === ''}
]

/**
 * The top-level H2 lines of `view`, in order; none when the page holds a link reference
 * definition (then it must be parsed whole).
 */
export function headingLines(view: string): HeadingLine[] {
  const found: HeadingLine[] = []
  let fence: {marker: string; length: number} | undefined
  /** In an HTML block: the test of the line that ends it. */
  let html: ((line: string) => boolean) | undefined
  let start = 0
  while (start <= view.length) {
    let end = view.indexOf('\n', start)
    if (end === -1) end = view.length
    const line = view.slice(start, end)

    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)
      if (close && close[1]![0] === fence.marker && close[1]!.length >= fence.length) {
        fence = undefined
      }
    } else if (html !== undefined) {
      if (html(line)) html = undefined
    } else if (definition.test(line)) {
      return []
    } else if (h2.test(line)) {
      found.push({start, end})
    } else {
      const open = fenceOpen.exec(line)
      if (open && !(open[1]![0] === '`' && line.slice(open.index + open[0].length).includes('`'))) {
        fence = {marker: open[1]![0]!, length: open[1]!.length}
      } else {
        // A block that ends on its first line (`<!-- note -->`) leaves nothing open; a blank
        // line never opens one.
        const block = htmlBlocks.find(({opens}) => opens.test(line))
        if (block && !block.ends(line.slice(line.indexOf('<') + 2))) html = block.ends
      }
    }

    start = end + 1
  }

  return found
}
