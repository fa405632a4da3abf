/**
 * The name a list item or a sentence gives an identifier: the words just before it, from
 * the last break (a sentence end, a colon, an opening parenthesis, bold markup, a line
 * break) to the separator that joins them to the ID (`name | GUID`, `name: GUID`,
 * `name, GUID`); or, when nothing stands before it, the parenthesis right after it
 * (`GUID (name)`). Read the same way in every language: only punctuation decides.
 */

/** Separators between a label and its ID, in any script. */
const separators = String.raw`\s|:：,，、;；\-‐-―−_*\x60"“”«»'`
const trailingSeparators = new RegExp(`[${separators}(（]+$`, 'u')
const leadingSeparators = new RegExp(`^[${separators})）]+`, 'u')

// What starts a label: a sentence end, a colon, bold markup, a line break, a table-like
// bar, an equals sign — and a parenthesis still open at the ID (`(Offer ID: …`), but not
// one closed before it (`Office 365 A1 for Faculty (for Device) Offer ID: …`).
const labelBreaks = /[.!?。！？](?=\s|$)|[:：\n|=]|\*\*/gu

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

const markdownLink = /!?\[([^\]]*)\]\([^)]*\)/g

/** Label text without Markdown: link texts for links, no emphasis or code marks. */
function plain(text: string): string {
  return text
    .replace(markdownLink, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*\x60]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The label before `at`, not reaching back past `from` (the end of the previous ID). */
export function labelBefore(text: string, from: number, at: number): string | null {
  const before = text.slice(from, at).replace(markdownLink, '$1').replace(trailingSeparators, '')
  let cut = 0
  for (const found of before.matchAll(labelBreaks)) cut = found.index + found[0].length
  cut = Math.max(cut, lastOpenParenthesis(before) + 1)
  const label = plain(before.slice(cut).replace(leadingSeparators, ''))
  return label === '' ? null : label
}

const parenthesisAfter = /^[ \u00a0]*[(（]([^()（）\n]{1,200})[)）]/u

/** The parenthesis right after an ID (`GUID (name)`), or null. */
export function labelAfter(text: string, end: number): string | null {
  const found = parenthesisAfter.exec(text.slice(end))
  if (!found) return null
  const label = plain(found[1]!)
  return label === '' ? null : label
}
