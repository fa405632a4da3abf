/**
 * The text of a table cell, as data: `<br>` in its three spellings becomes a line
 * break, `:::no-loc text="…":::` (text translators must not touch) is unwrapped,
 * an empty bold `****` or `&nbsp;` is empty, and emphasis around a whole header
 * label is dropped. The Markdown of the cell is otherwise kept.
 */

const lineBreak = /<\/?br\s*\/?>/gi
const noLoc = /:::no-loc\s+text="((?:[^"\\]|\\.)*)":::/g

export function cellText(raw: string): string {
  let text = raw
    .replace(lineBreak, '\n')
    .replace(noLoc, (_, value: string) => value.replace(/\\(.)/g, '$1'))
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
