/**
 * Splits normalised text into digit runs, letter runs, space runs and single punctuation
 * characters. Date recognition then works on a handful of tokens with bounded look-ahead,
 * which keeps it linear without relying on regex backtracking behaviour.
 */

/** Digit run, letter run (or one ideograph), space run, or one punctuation character. */
export type TokenKind = 'num' | 'word' | 'space' | 'punct'

/** One token and where it sits in the normalised text. */
export interface Token {
  kind: TokenKind
  /** Offsets in the normalised text. */
  start: number
  end: number
  text: string
  /** Case- and accent-folded text of a word, for table look-ups. */
  key: string
  /** A Han or kana character: these scripts do not separate words with spaces. */
  cjk: boolean
}

const asciiDigit = /^\d$/
const whitespace = /^\s$/u
const letter = /^[\p{L}\p{M}]$/u
// Each ideograph or kana is its own token so 年/月/日 are recognised even when glued to the
// surrounding text, as in 2020年11月24日更新.
const ideographic = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u
// Letters of scripts written without spaces may touch a date directly (于2020年…, 24일에).
const unspacedScript = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u

/** Case and accents folded away: month names are looked up however a page writes them. */
function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
}

/** True when `ch` is a letter that cannot be glued to a date (Latin, Cyrillic, …). */
export function isSpacedLetter(ch: string): boolean {
  return letter.test(ch) && !unspacedScript.test(ch)
}

/** True when `ch` is an ASCII digit. */
export function isDigit(ch: string): boolean {
  return asciiDigit.test(ch)
}

function kindOf(ch: string): TokenKind | 'ideograph' {
  if (asciiDigit.test(ch)) return 'num'
  if (whitespace.test(ch)) return 'space'
  if (ideographic.test(ch)) return 'ideograph'
  if (letter.test(ch)) return 'word'
  return 'punct'
}

/** The tokens of normalised text, in order, covering it without gaps. */
export function tokenize(text: string): Token[] {
  const chars = Array.from(text)
  const tokens: Token[] = []
  let offset = 0
  let i = 0
  while (i < chars.length) {
    const first = chars[i]!
    const kind = kindOf(first)
    let value = first
    i++
    if (kind === 'num' || kind === 'space' || kind === 'word') {
      while (i < chars.length && kindOf(chars[i]!) === kind) value += chars[i++]!
    }
    const start = offset
    offset += value.length
    const isWord = kind === 'word' || kind === 'ideograph'
    tokens.push({
      kind: isWord ? 'word' : kind,
      start,
      end: offset,
      text: value,
      key: isWord ? foldWord(value) : value,
      cjk: kind === 'ideograph'
    })
  }
  return tokens
}
