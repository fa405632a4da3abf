/**
 * Compatibility-normalises a line for date matching while remembering, for every UTF-16 unit
 * of the result, which span of the original string produced it. NFKC alone would shift the
 * offsets the caller needs to point diagnostics at the original text.
 */

/** Normalised text and, per UTF-16 unit, the span of the original it came from. */
export interface NormalizedText {
  text: string
  /** Original offset where the source of normalised unit i starts. */
  from: number[]
  /** Original offset just past the source of normalised unit i. */
  to: number[]
}

// Combining marks travel with their base so that NFKC can compose them (e + U+0301 → é).
const markCluster = /\P{M}\p{M}*|\p{M}+/gu
const formatCharacter = /^\p{Cf}$/u
const spaceCharacter = /^\s$/u
const decimalDigit = /^\p{Nd}$/u
const printableAscii = /^[\x20-\x7E]*$/

/**
 * Unicode lays every decimal digit set out as a run of ten code points from zero, so the
 * value is the distance to the run start modulo ten (some sets, e.g. mathematical digits,
 * are adjacent runs). NFKC folds fullwidth digits but not Arabic-Indic or Devanagari ones.
 */
function digitValue(cp: number): number {
  let zero = cp
  while (decimalDigit.test(String.fromCodePoint(zero - 1))) zero -= 1
  return (cp - zero) % 10
}

function foldCodePoint(ch: string): string {
  if (formatCharacter.test(ch)) return '' // LRM/RLM, ZWSP, soft hyphen: invisible, never meaningful
  if (spaceCharacter.test(ch)) return ' ' // NBSP, U+202F, U+3000, tabs: all just spaces here
  const cp = ch.codePointAt(0)!
  if (cp > 0x7f && decimalDigit.test(ch)) return String(digitValue(cp))
  return ch
}

/**
 * NFKC with invisible format characters dropped, every space as ' ' and every decimal digit
 * as ASCII, with the source span of each unit of the result.
 */
export function normalizeText(input: string): NormalizedText {
  if (printableAscii.test(input)) {
    const offsets = Array.from({length: input.length}, (_unset, offset) => offset)
    return {text: input, from: offsets, to: offsets.map((offset) => offset + 1)}
  }
  let text = ''
  const from: number[] = []
  const to: number[] = []
  for (const match of input.matchAll(markCluster)) {
    const start = match.index
    const end = start + match[0].length
    for (const ch of match[0].normalize('NFKC')) {
      const folded = foldCodePoint(ch)
      text += folded
      for (let k = 0; k < folded.length; k++) {
        from.push(start)
        to.push(end)
      }
    }
  }
  return {text, from, to}
}
