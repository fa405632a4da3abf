/**
 * Text made safe for XML 1.0: `&`, `<`, `>` and quotes as references, and the characters
 * XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) replaced
 * by U+FFFD: a page with a stray control character must not make a feed unreadable.
 */

const references: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;'
}

/** A CR in content would be dropped by a parser (line-end normalisation); a reference is kept. */
const textReferences: Record<string, string> = {...references, '\r': '&#13;'}

/** In attributes, whitespace other than a space would be normalised to one by a parser. */
const attributeReferences: Record<string, string> = {
  ...references,
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;'
}

/** Whether XML 1.0 allows the code point (its `Char` production). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

function escape(text: string, table: Record<string, string>): string {
  let out = ''
  // By code point: a surrogate pair is one character, a lone surrogate is not allowed.
  for (const character of text) {
    out += isXmlChar(character.codePointAt(0)!) ? (table[character] ?? character) : '\uFFFD'
  }

  return out
}

/** Text for an element's content. */
export function xmlText(text: string): string {
  return escape(text, textReferences)
}

/** Text for an attribute value in double quotes. */
export function xmlAttribute(text: string): string {
  return escape(text, attributeReferences)
}
