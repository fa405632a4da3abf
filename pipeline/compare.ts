/**
 * One order for every string Herald sorts (records, messages, object keys): by code
 * point, the same on every machine and in every locale (unlike `localeCompare`).
 */

function codePointOrder(unit: number): number {
  // Moves the surrogates (astral code points) after the rest of the BMP, so that code
  // unit order becomes code point order.
  if (unit >= 0xe000) return unit - 0x800
  if (unit >= 0xd800) return unit + 0x2000
  return unit
}

/** Compares strings by code point (`<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index)
    const y = b.charCodeAt(index)
    if (x !== y) return codePointOrder(x) - codePointOrder(y)
  }

  return a.length - b.length
}
