import {parseHtmlFragment} from '../../page/html-fragment.js'

/**
 * The text of a table cell, as data: a `<br>` in any spelling HTML reads as one (`<br/>`,
 * `</br>`, `<BR >`) becomes a line break, `:::no-loc text="…":::` (text translators must
 * not touch) is unwrapped, an empty bold `****` or `&nbsp;` is empty, and emphasis around a
 * whole header label is dropped. The Markdown of the cell is otherwise kept as written.
 */

/** The cell with each top-level `<br>` the HTML parser finds replaced by a line feed. */
function withLineBreaks(raw: string): string {
  if (!/<\/?br/i.test(raw)) return raw
  const nodes = parseHtmlFragment(raw)
  let text = ''
  let at = 0
  nodes.forEach((node, index) => {
    if (node.type === 'element' && node.tagName === 'br') {
      text += '\n'
      // `</br>` has no position of its own: it runs to where the next node starts.
      at = nodes[index + 1]?.position?.start.offset ?? node.position?.end.offset ?? raw.length
      return
    }

    const end = node.position?.end.offset
    if (end === undefined) return
    text += raw.slice(at, end)
    at = end
  })
  return text + raw.slice(at)
}

const noLoc = /:::no-loc\s+text="((?:[^"\\]|\\.)*)":::/g

/**
 * The text of a table cell as the datasets hold it: `<br>` as line breaks, `:::no-loc`
 * unwrapped, non-breaking spaces as spaces, each line trimmed.
 */
export function cellText(raw: string): string {
  let text = withLineBreaks(raw).replace(noLoc, (_, value: string) => value.replace(/\\(.)/g, '$1'))
  text = text.replaceAll('&nbsp;', ' ').replaceAll('\u00a0', ' ')
  text = text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim()
  if (/^\*+$/.test(text) || /^_+$/.test(text)) return ''
  return text
}

/** A header label without the bold or italics that wraps it (`**Offer ID**`). */
export function headerText(raw: string): string {
  const text = cellText(raw)
  const match = /^(\*{1,3}|_{1,3})([^*_].*?)\1$/s.exec(text)
  return (match ? match[2]! : text).trim()
}

/** The lines of a cell that lists values with `<br>` (countries, offer IDs). */
export function cellLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
