/**
 * Month pages are named `YYYY-<english month>.md` (`2020-november.md`); the name is the
 * only reliable month of a page (titles are translated, `ms.date` is an edit date).
 */

/** English month names, as the page file names write them. */
export const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

/** `YYYY-MM` for a month page's base name, or undefined for any other file. */
export function monthFromFileName(baseName: string): string | undefined {
  const match = /^(\d{4})-([a-z]+)\.md$/i.exec(baseName)
  if (!match) return undefined
  const index = months.indexOf(match[2]!.toLowerCase())
  if (index === -1) return undefined
  return `${match[1]}-${String(index + 1).padStart(2, '0')}`
}
