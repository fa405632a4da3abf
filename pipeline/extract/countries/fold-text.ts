import type {Span} from './spans.js'

/** Folded text with the source span of every folded UTF-16 unit. */
export interface FoldedText {
  text: string
  /** start[i]: index in the source of the character that produced folded unit i. */
  start: number[]
  /** end[i]: index in the source just past that character. */
  end: number[]
}

const foldCache = new Map<string, string>()
const cjkUnit = /^[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]$/

/**
 * Case, diacritics, apostrophe and punctuation differences are noise between the sources
 * (`Côte d’Ivoire` / `Cote d'Ivoire`, `St Helena` / `St. Helena`, `Guinea-Bissau`).
 */
function foldCharacter(character: string): string {
  const cached = foldCache.get(character)
  if (cached !== undefined) return cached
  let folded: string
  if (/^[’‘ʼ`´′']$/u.test(character)) folded = "'"
  else if (character === '.' || character === '．' || character === '\u00ad') folded = ''
  else if (/^[\s\p{Pd}_/]$/u.test(character)) folded = ' '
  else {
    folded = character.normalize('NFKD').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')
    folded = folded.replace(/ß/g, 'ss')
  }
  foldCache.set(character, folded)
  return folded
}

/**
 * Text folded for name matching: lower case, no diacritics, one kind of apostrophe, dots
 * dropped, dashes and runs of spaces as one space. Keeps a map back to the source offsets so a
 * match in folded text can be reported where the page wrote it.
 */
export function foldText(source: string): FoldedText {
  const out: string[] = []
  const start: number[] = []
  const end: number[] = []
  let i = 0
  for (const character of source) {
    const code = character.charCodeAt(0)
    // Letters and digits of ASCII, the bulk of the English side, fold to themselves in lower case.
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
      out.push(code <= 90 && code >= 65 ? String.fromCharCode(code + 32) : character)
      start.push(i)
      end.push(i + 1)
      i += 1
      continue
    }

    for (const unit of foldCharacter(character).split('')) {
      if (unit === ' ' && (out.length === 0 || out[out.length - 1] === ' ')) continue
      // Japanese pages space katakana words apart (`ラテン アメリカ`); names never are.
      if (
        cjkUnit.test(unit) &&
        out[out.length - 1] === ' ' &&
        cjkUnit.test(out[out.length - 2] ?? '')
      ) {
        out.pop()
        start.pop()
        end.pop()
      }
      out.push(unit)
      start.push(i)
      end.push(i + character.length)
    }
    i += character.length
  }
  return {text: out.join(''), start, end}
}

/** The key a name is indexed and looked up under: its folded text, trimmed. */
export function nameKey(name: string): string {
  return foldText(name).text.trim()
}

/** The source span that folded units `[start, end)` came from (`end > start`). */
export function spanInSource(folded: FoldedText, start: number, end: number): Span {
  return {start: folded.start[start]!, end: folded.end[end - 1]!}
}
