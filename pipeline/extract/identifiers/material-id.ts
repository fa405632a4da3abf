export interface MaterialIdMatch {
  raw: string
  start: number
  end: number
  materialId: string
  normalized: boolean
}

// Translation respaces the hyphen and swaps it for en/em dashes (`1UC – 00006`, `AAD — 28929`).
const DASH = '\\-\\u2010-\\u2015\\u2212\\ufe63\\uff0d'
const SPACE = '[ \\u00a0\\u2009\\u202f]{0,2}'

// Three letters/digits with at least one letter, a dash, five digits. The boundaries keep GUID
// pieces out: `…-b55e-41854689789b` has `55e-41854` inside it. Every quantifier is bounded.
const MATERIAL_ID = new RegExp(
  `(?<![\\da-z${DASH}])(?=\\d{0,2}[a-z])([\\da-z]{3})${SPACE}[${DASH}]${SPACE}(\\d{5})(?![\\da-z]|[${DASH}][\\da-z])`,
  'gi'
)

/** Material IDs (`PZX-00006`) in text, upper-cased with an ASCII hyphen. */
export function findMaterialIds(text: string): MaterialIdMatch[] {
  return [...text.matchAll(MATERIAL_ID)].map((m) => {
    const materialId = `${m[1]!.toUpperCase()}-${m[2]!}`
    return {
      raw: m[0],
      start: m.index,
      end: m.index + m[0].length,
      materialId,
      normalized: m[0] !== materialId
    }
  })
}
