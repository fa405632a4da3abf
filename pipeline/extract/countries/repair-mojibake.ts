import type {Span} from './spans.js'

/** Text after mojibake repair, with the source span of every UTF-16 unit. */
export interface Repaired {
  text: string
  /** start[i]: index in the source of the first character that produced unit i. */
  start: number[]
  /** end[i]: index in the source just past the characters that produced unit i. */
  end: number[]
}

/**
 * Windows-1252 bytes 0x80–0x9F, in order. Spelled out because Node 20's
 * `TextDecoder('windows-1252')` decodes these bytes to nothing; the unassigned slots decode
 * (like in browsers) to the C1 control of the same number.
 */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/** The byte a character stood for when UTF-8 bytes were decoded as Windows-1252/Latin-1. */
function byteOf(character: string): number | undefined {
  const unit = character.charCodeAt(0)
  if (unit >= 0xa0 && unit <= 0xff) return unit
  const high = cp1252High.indexOf(character)
  return high >= 0 ? 0x80 + high : undefined
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Undo UTF-8 that was read as Windows-1252 (`SÃ£o TomÃ©` → `São Tomé`, `CÃ´te dâ€™Ivoire` →
 * `Côte d’Ivoire`), keeping a map back to the source offsets. Only byte sequences that decode as
 * valid UTF-8 are replaced, so correct text passes through untouched.
 */
export function repairMojibake(source: string): Repaired {
  const out: string[] = []
  const start: number[] = []
  const end: number[] = []
  let i = 0
  while (i < source.length) {
    const lead = source.charCodeAt(i)
    const need =
      lead >= 0xc2 && lead <= 0xdf
        ? 1
        : lead >= 0xe0 && lead <= 0xef
          ? 2
          : lead >= 0xf0 && lead <= 0xf4
            ? 3
            : 0
    let repaired: string | undefined
    let j = i + 1
    if (need > 0) {
      const bytes = [lead]
      while (bytes.length <= need && j < source.length) {
        // Text normalizers expand the byte 0x85 (`…`) to three dots: `Ã...land` was `Ã…land`.
        if (source.startsWith('...', j)) {
          bytes.push(0x85)
          j += 3
          continue
        }
        const byte = byteOf(source[j]!)
        if (byte === undefined || byte < 0x80 || byte > 0xbf) break
        bytes.push(byte)
        j += 1
      }
      if (bytes.length === need + 1) {
        try {
          repaired = utf8.decode(new Uint8Array(bytes))
        } catch {
          repaired = undefined
        }
      }
    }
    if (repaired === undefined) {
      out.push(source[i]!)
      start.push(i)
      end.push(i + 1)
      i += 1
    } else {
      for (const unit of repaired.split('')) {
        out.push(unit)
        start.push(i)
        end.push(j)
      }
      i = j
    }
  }
  return {text: out.join(''), start, end}
}

/**
 * The span of the original text that a span of the repaired text came from, so mentions point
 * at what the page wrote. `originalLength` stands in for offsets past the end.
 */
export function spanInOriginal(repaired: Repaired, span: Span, originalLength: number): Span {
  return {
    start: repaired.start[span.start] ?? originalLength,
    end:
      span.end > span.start
        ? repaired.end[span.end - 1]!
        : (repaired.start[span.start] ?? originalLength)
  }
}
