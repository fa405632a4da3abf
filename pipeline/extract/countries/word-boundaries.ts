type Script = 'none' | 'word' | 'kana' | 'hangul' | 'free'

/**
 * How a script delimits words. Han and hiragana names sit inside running text; katakana loan
 * words and Hangul words are delimited by their own script changing (Korean glues particles
 * on the end, so only the start of a Hangul name needs a boundary).
 */
function scriptOf(unit: string | undefined): Script {
  if (unit === undefined) return 'none'
  if (/[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff]/.test(unit)) return 'kana'
  if (/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/.test(unit)) return 'hangul'
  if (/[\u3040-\u309f\u3400-\u9fff\uf900-\ufaff]/.test(unit)) return 'free'
  if (/[\p{L}\p{N}]/u.test(unit)) return 'word'
  return 'none'
}

/** Whether a name may start at `at`: not inside a word of the same script. */
export function startsWord(text: string, at: number): boolean {
  const first = scriptOf(text[at])
  const before = scriptOf(text[at - 1])
  if (first === 'word' || first === 'kana' || first === 'hangul') return before !== first
  return true
}

/** Whether a name may end just before `end`: a Hangul name may run on into a particle. */
export function endsWord(text: string, end: number): boolean {
  const last = scriptOf(text[end - 1])
  const after = scriptOf(text[end])
  if (last === 'word' || last === 'kana') return after !== last
  return true
}
