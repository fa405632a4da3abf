/** The identifier lengths a cell allows, and a pattern that accepts exactly those. */
export interface DigitRule {
  digits: number[]
  pattern: string
}

/**
 * The identifier lengths in a "Field character requirements" cell: `8 or 10 digits`,
 * `6, 7, 8 ou 13 chiffres`, `9、10 或 12 位数`. The connecting words are translated but the
 * numbers survive, so the rule is the set of integers 1–40 in the cell. Every such cell in the
 * corpus says digits (`digits`, `Stellen`, `chiffres`, `dígitos`, `цифр`, `桁`, `位数`), so the
 * pattern accepts ASCII digits only.
 *
 * `locale` is accepted for symmetry with the other cell readers; full-width and other Unicode
 * digits are folded by NFKC, which needs no locale.
 */
export function parseDigitRule(text: string, locale: string): DigitRule | null {
  void locale
  const numbers = text.normalize('NFKC').match(/\d+/g) ?? []
  const digits = [
    ...new Set(numbers.map(Number).filter((length) => length >= 1 && length <= 40))
  ].sort((left, right) => left - right)
  if (digits.length === 0) return null
  const alternatives = digits.map((length) => `\\d{${length}}`)
  const pattern =
    alternatives.length === 1 ? `^${alternatives[0]}$` : `^(?:${alternatives.join('|')})$`
  return {digits, pattern}
}
