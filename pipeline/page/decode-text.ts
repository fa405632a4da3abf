/**
 * Turns the bytes of a page into the text every later stage reads. Line endings are
 * normalised to LF here, once, so that CRLF pages give the same datasets as LF pages;
 * line and column numbers stay those of the original file (CR only ever ends a line).
 */

export interface DecodedText {
  text: string
  /** `utf-8`, or `latin-1` when the bytes are not valid UTF-8 (then a warning is due). */
  encoding: 'utf-8' | 'latin-1'
  hadBom: boolean
  /** Offset of the first NUL character, or -1: binary data is not a page. */
  nulAt: number
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const latin1 = new TextDecoder('latin1')

/**
 * Decodes a page's bytes: UTF-8 without its BOM, or Latin-1 where the bytes are not
 * UTF-8 (the caller warns), with what was found.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  let text: string
  let encoding: DecodedText['encoding'] = 'utf-8'
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    text = utf8.decode(bytes)
  } catch {
    // A BOM says UTF-8 even where a later byte is not: it is not Latin-1 text (`ï»¿`).
    encoding = 'latin-1'
    text = latin1.decode(hadBom ? bytes.subarray(3) : bytes)
  }

  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return {text, encoding, hadBom, nulAt: text.indexOf('\0')}
}
