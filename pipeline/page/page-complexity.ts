/**
 * A linear look at a page's view before it is parsed, for the shapes on which the
 * Markdown parser (micromark 4) is super-linear or runs out of memory. Measured on Node 20
 * (times of `remark-parse` + the GFM table extension alone):
 *
 * - **nesting**: 20,000 nested block quotes (`>` × 20,000, 20 KB) parse in 2 s and 40,000 in
 *   13 s; 3,000 list levels on one line (`- ` × 3,000) take 8 s, 500 indented list levels
 *   (250 KB) 6 s and 1,000 levels a minute; past ~5,000 levels the tree walkers overflow
 *   the stack;
 * - **container breaks**: every line that ends a block quote or is a lazy continuation
 *   line of a quote or list item copies the events of the page so far, so 10,000 short
 *   block quotes (80 KB) take 30 s and a quote followed by 20,000 lazy lines 12 s;
 * - **inline markers**: emphasis and link brackets are resolved by splicing the events of
 *   their paragraph: 40,000 `**bold**` in one paragraph take 13 s, 40,000 `[a]` 19 s,
 *   `*` × 20,000 + `a` + `*` × 20,000 45 s (and a 10,000-deep tree);
 * - **table cells**: linear, but each cell costs ~40 µs and ~6 KB held until the tree is
 *   built: 200,000 cells (400 KB) take 8 s and 1.5 GB, and a table of 5,000 columns ×
 *   400 rows (4 MB) exhausts a 4 GB heap.
 *
 * The real pages (6 locales, both flavours) nest at most 3 levels, have at most 13
 * container breaks (weight below 1,400), 57 inline markers in a block and ~1,000 table
 * cells; the caps below are far above that and far below anything slow. The measure errs
 * on the high side: code blocks are not told apart, every `>` and list marker that opens
 * a line is a level (and its indentation one level per two columns), and a table row of
 * n pipes counts as n + 1 cells.
 */

/** Most container levels (block quotes, list items) at one line. */
export const maxNestingDepth = 100
/** Most container breaks, each weighted by its line number (~150 ns of parsing each). */
export const maxContainerBreaks = 10_000_000
/** Most `*`, `_`, `[` and `]` in one paragraph or table row. */
export const maxInlineMarkers = 5000
/** Most table cells in one page. */
export const maxTableCells = 50_000

/** The shapes the Markdown parser is super-linear on, each with its cap. */
export type ComplexityKind = 'nesting' | 'container-breaks' | 'inline-markers' | 'table-cells'

/** A cap a page passes: which, by how much, and the line where it first does. */
export interface Excess {
  kind: ComplexityKind
  value: number
  cap: number
  /** Offset in the view of the line where the cap is passed. */
  offset: number
}

const space = 0x20
const tab = 0x09
const newline = 0x0a
const greaterThan = 0x3e
const dash = 0x2d
const asterisk = 0x2a
const plus = 0x2b
const dot = 0x2e
const rightParen = 0x29
const pipe = 0x7c
const colon = 0x3a
const underscore = 0x5f
const leftBracket = 0x5b
const rightBracket = 0x5d
const numberSign = 0x23

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

function isBlankOrEnd(code: number): boolean {
  return Number.isNaN(code) || code === space || code === tab || code === newline
}

/** What a line opens: its container markers, the indentation before them, and more. */
interface LineShape {
  /** Levels of container: `>` and list markers, plus indentation / 2 when there are any. */
  depth: number
  /** Whether the line holds a `>` marker, a list marker, or is indented. */
  quote: boolean
  list: boolean
  indented: boolean
  blank: boolean
  /** Offset after the container markers. */
  contentStart: number
}

function lineShape(view: string, start: number, end: number): LineShape {
  let indent = 0
  let quotes = 0
  let lists = 0
  let index = start
  while (index < end) {
    const code = view.charCodeAt(index)
    if (code === space || code === tab) {
      if (quotes + lists === 0) indent += code === tab ? 4 : 1
      index++
    } else if (code === greaterThan) {
      quotes++
      index++
    } else if (
      (code === dash || code === asterisk || code === plus) &&
      isBlankOrEnd(view.charCodeAt(index + 1))
    ) {
      lists++
      index++
    } else if (isDigit(code)) {
      let after = index
      while (after < end && after - index < 10 && isDigit(view.charCodeAt(after))) after++
      const marker = view.charCodeAt(after)
      if ((marker !== dot && marker !== rightParen) || !isBlankOrEnd(view.charCodeAt(after + 1)))
        break
      lists++
      index = after + 1
    } else break
  }

  const markers = quotes + lists
  return {
    depth: markers === 0 ? 0 : markers + Math.floor(indent / 2),
    quote: quotes > 0,
    list: lists > 0,
    indented: indent > 0,
    blank: index === end && markers === 0,
    contentStart: index
  }
}

/** A GFM delimiter row (`| --- | :-: |`), after any container markers. */
function isDelimiterRow(view: string, start: number, end: number): boolean {
  let dashes = 0
  let pipes = 0
  for (let index = start; index < end; index++) {
    const code = view.charCodeAt(index)
    if (code === dash) dashes++
    else if (code === pipe) pipes++
    else if (code !== colon && code !== space && code !== tab) return false
  }

  return dashes > 0 && pipes > 0
}

function countCode(view: string, start: number, end: number, wanted: number): number {
  let count = 0
  for (let index = start; index < end; index++) if (view.charCodeAt(index) === wanted) count++
  return count
}

function countInlineMarkers(view: string, start: number, end: number): number {
  let count = 0
  for (let index = start; index < end; index++) {
    const code = view.charCodeAt(index)
    if (code === asterisk || code === underscore || code === leftBracket || code === rightBracket)
      count++
  }

  return count
}

/** The four measures of a page, each with the line where it peaks or passes its cap. */
export interface Complexity {
  nesting: Measure
  containerBreaks: Measure
  inlineMarkers: Measure
  tableCells: Measure
}

/** One complexity figure of a page, and where it peaks. */
export interface Measure {
  value: number
  /** Offset in the view of the line where the value first passes its cap (or peaks). */
  offset: number
}

/** Measures a view in one pass over its lines. */
export function measureComplexity(view: string): Complexity {
  const result: Complexity = {
    nesting: {value: 0, offset: 0},
    containerBreaks: {value: 0, offset: 0},
    inlineMarkers: {value: 0, offset: 0},
    tableCells: {value: 0, offset: 0}
  }
  // Where a measure first passes its cap (or, under the cap, peaks) is the line reported.
  const record = (measure: Measure, value: number, cap: number, offset: number) => {
    if (value <= measure.value) return
    if (measure.value <= cap) measure.offset = offset
    measure.value = value
  }

  let markers = 0
  let containerOpen = false
  let quoteOpen = false
  let inTable = false
  let previous = {start: 0, end: 0, blank: true}
  let lineNumber = 0

  for (let start = 0; start <= view.length;) {
    const lineEnd = view.indexOf('\n', start)
    const end = lineEnd === -1 ? view.length : lineEnd
    lineNumber++
    const shape = lineShape(view, start, end)
    record(result.nesting, shape.depth, maxNestingDepth, start)

    // A blank line ends a block quote; a line that neither continues nor opens a
    // container while one is open is lazy. Both make micromark move the page's events.
    let breaks = result.containerBreaks.value
    if (shape.blank) {
      if (quoteOpen) breaks += lineNumber
      quoteOpen = false
    } else if (shape.quote || shape.list) {
      containerOpen = true
      quoteOpen ||= shape.quote
    } else if (containerOpen && !shape.indented) {
      if (previous.blank) containerOpen = quoteOpen = false
      else breaks += lineNumber
    }

    record(result.containerBreaks, breaks, maxContainerBreaks, start)

    // Inline markers count per paragraph (a list item or heading starts a new one) and
    // per table row.
    if (shape.blank || shape.list || inTable || view.charCodeAt(shape.contentStart) === numberSign)
      markers = 0
    markers += countInlineMarkers(view, shape.contentStart, end)
    record(result.inlineMarkers, markers, maxInlineMarkers, start)

    let cells = result.tableCells.value
    if (shape.blank) inTable = false
    else if (inTable) cells += countCode(view, start, end, pipe) + 1
    else if (!previous.blank && isDelimiterRow(view, shape.contentStart, end)) {
      inTable = true
      cells +=
        countCode(view, previous.start, previous.end, pipe) + countCode(view, start, end, pipe) + 2
    }

    record(result.tableCells, cells, maxTableCells, start)
    previous = {start, end, blank: shape.blank}
    if (lineEnd === -1) break
    start = lineEnd + 1
  }

  return result
}

/** The first measure over its cap, or undefined. */
export function excessOf(complexity: Complexity): Excess | undefined {
  const caps: Array<[ComplexityKind, Measure, number]> = [
    ['nesting', complexity.nesting, maxNestingDepth],
    ['container-breaks', complexity.containerBreaks, maxContainerBreaks],
    ['inline-markers', complexity.inlineMarkers, maxInlineMarkers],
    ['table-cells', complexity.tableCells, maxTableCells]
  ]
  for (const [kind, measure, cap] of caps) {
    if (measure.value > cap) return {kind, value: measure.value, cap, offset: measure.offset}
  }

  return undefined
}

const count = new Intl.NumberFormat('en-US')

/** The diagnostic for a page over a cap: what, where, and what to do. */
export function describeExcess(excess: Excess): string {
  const value = count.format(excess.value)
  const cap = count.format(excess.cap)
  const what = {
    nesting: `Line nests ${value} block quotes and list items (cap ${cap})`,
    'container-breaks': `Block quotes and lists are ended or lazily continued too often down the page (${value} line-weighted breaks, cap ${cap})`,
    'inline-markers': `Paragraph or table row holds ${value} emphasis and link markers (\`*\`, \`_\`, \`[\`, \`]\`; cap ${cap})`,
    'table-cells': `Page holds ${value} table cells (cap ${cap})`
  }[excess.kind]
  return `${what}: not parsed, as Markdown parsing would take minutes or exhaust memory; real pages are far below the cap — check the file, and report it if it is a real page`
}
