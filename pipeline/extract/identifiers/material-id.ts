import {dashClass} from './dashes.js'

/** A Material ID found in text, as written and as normalised. */
export interface MaterialIdMatch {
  raw: string
  start: number
  end: number
  materialId: string
  normalized: boolean
}

// Translation respaces the hyphen and swaps it for en/em dashes (`1UC – 00006`, `AAD — 28929`).
const optionalSpaces = '[ \\u00a0\\u2009\\u202f]{0,2}'

// Three letters/digits with at least one letter, a dash, five digits. The boundaries keep GUID
// pieces out: `…-b55e-41854689789b` has `55e-41854` inside it. Every quantifier is bounded.
const materialIdPattern = new RegExp(
  `(?<![\\da-z${dashClass}])(?=\\d{0,2}[a-z])([\\da-z]{3})${optionalSpaces}[${dashClass}]${optionalSpaces}(\\d{5})(?![\\da-z]|[${dashClass}][\\da-z])`,
  'gi'
)

/** Material IDs (`PZX-00006`) in text, upper-cased with an ASCII hyphen. */
export function findMaterialIds(text: string): MaterialIdMatch[] {
  return [...text.matchAll(materialIdPattern)].map((match) => {
    const materialId = `${match[1]!.toUpperCase()}-${match[2]!}`
    return {
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
      materialId,
      normalized: match[0] !== materialId
    }
  })
}
