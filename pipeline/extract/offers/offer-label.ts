/**
 * The name a list item or a sentence gives an identifier: the words just before it, from
 * the last break (a sentence end, a colon, an opening parenthesis, bold markup, a line
 * break) to the separator that joins them to the ID (`name | GUID`, `name: GUID`,
 * `name, GUID`); or, when nothing stands before it, the parenthesis right after it
 * (`GUID (name)`). Read the same way in every language: only punctuation decides.
 */

/**
 * Separators between a label and its ID, in any script: spaces, bars, colons, commas,
 * semicolons, dashes (ASCII, U+2010–U+2015, minus), underscores, emphasis and code marks,
 * quotes. Parentheses are trimmed on the side away from the label.
 */
const separators = new Set([
  ...' \t\n\u00a0|:：,，、;；-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_*`"“”«»\''
])

/** `text` without separators (and `extra`) at its end; a loop, linear on any input. */
function trimEnd(text: string, extra: string): string {
  let end = text.length
  while (end > 0 && (separators.has(text[end - 1]!) || extra.includes(text[end - 1]!))) end--
  return text.slice(0, end)
}

/** `text` without separators (and `extra`) at its start. */
function trimStart(text: string, extra: string): string {
  let start = 0
  while (start < text.length && (separators.has(text[start]!) || extra.includes(text[start]!)))
    start++
  return text.slice(start)
}

// What starts a label: a sentence end, a colon, bold markup, a line break, a table-like
// bar, an equals sign. A full stop right before the ID ends an abbreviation (`id.:`), not
// a sentence — and a parenthesis still open at the ID (`(Offer ID: …`), but not
// one closed before it (`Office 365 A1 for Faculty (for Device) Offer ID: …`).
const labelBreaks = /[.!?](?=\s)|[。！？:：\n|=]|\*\*/gu

/** Where the last parenthesis still open at the end of `text` starts, or -1. */
function lastOpenParenthesis(text: string): number {
  const open: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '(' || char === '（') open.push(index)
    else if ((char === ')' || char === '）') && open.length > 0) open.pop()
  }

  return open.at(-1) ?? -1
}

const markdownLink = /!?\[([^[\]]*)\]\([^()]*\)/g

/** Label text without Markdown: link texts for links, no emphasis or code marks. */
function plain(text: string): string {
  return text
    .replace(markdownLink, '$1')
    .replace(/<[^<>]*>/g, '')
    .replace(/[*\x60]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The label before `at`, not reaching back past `from` (the end of the previous ID). */
export function labelBefore(text: string, from: number, at: number): string | null {
  const before = trimEnd(text.slice(from, at).replace(markdownLink, '$1'), '(（')
  let cut = 0
  for (const found of before.matchAll(labelBreaks)) cut = found.index + found[0].length
  cut = Math.max(cut, lastOpenParenthesis(before) + 1)
  const label = plain(trimStart(before.slice(cut), ')）'))
  return label === '' ? null : label
}

const parenthesisAfter = /^[ \u00a0]*[(（]([^()（）\n]{1,200})[)）]/u

/** The parenthesis right after an ID (`GUID (name)`), or null. */
export function labelAfter(text: string, end: number): string | null {
  // The pattern reads at most 200 characters after the ID; slicing no more keeps a long
  // text with many IDs linear.
  const found = parenthesisAfter.exec(text.slice(end, end + 210))
  if (!found) return null
  const label = plain(found[1]!)
  return label === '' ? null : label
}
