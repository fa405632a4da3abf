import {parse as parseYaml} from 'yaml'

/**
 * The YAML front matter of a docs page: `---` on the first line, `---` closing it.
 * Parsed with a YAML library (values such as `ms.locfileid: "111575836"` are quoted,
 * others are not) and reduced to the fields Herald keeps.
 */

export interface FrontMatter {
  /** Offset just after the closing `---` line; 0 when there is no front matter. */
  end: number
  /** 1-based line of the closing `---`, for messages. */
  data: Record<string, unknown>
}

/** The front matter read, or why it cannot be, at which line. */
export type FrontMatterResult =
  {ok: true; value: FrontMatter} | {ok: false; reason: string; line: number}

/**
 * The offset after a fence line at `from`: `---` and nothing else but trailing spaces or
 * tabs (editors leave them; Jekyll and DocFX accept them). -1 where there is none.
 */
function fenceEnd(text: string, from: number): number {
  if (!text.startsWith('---', from)) return -1
  let index = from + 3
  while (text[index] === ' ' || text[index] === '\t') index++
  if (index === text.length) return index
  return text[index] === '\n' ? index + 1 : -1
}

/**
 * Reads the YAML front matter between `---` fences at the top of a page; none is an
 * empty one, not an error.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const start = fenceEnd(text, 0)
  if (start === -1 || text[start - 1] !== '\n') return {ok: true, value: {end: 0, data: {}}}
  let close = text.indexOf('\n---', start - 1)
  while (close !== -1 && fenceEnd(text, close + 1) === -1) close = text.indexOf('\n---', close + 1)
  if (close === -1) {
    return {ok: false, reason: 'Front matter opened with `---` is never closed', line: 1}
  }

  const end = fenceEnd(text, close + 1)
  let data: unknown
  try {
    data = parseYaml(text.slice(start, close + 1), {maxAliasCount: 10, uniqueKeys: false})
  } catch (error) {
    const cause = error as {message?: string; linePos?: Array<{line: number}>}
    const reason = String(cause.message ?? error).split('\n')[0] ?? 'invalid YAML'
    return {
      ok: false,
      reason: `Front matter is not valid YAML: ${reason}`,
      line: 1 + (cause.linePos?.[0]?.line ?? 1)
    }
  }

  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {ok: false, reason: 'Front matter is not a YAML mapping', line: 2}
  }

  return {ok: true, value: {end, data: data as Record<string, unknown>}}
}

/** A front matter value as a trimmed string, or undefined. */
export function frontMatterString(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key]
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * A front matter date as an ISO date, or undefined. The docs platform writes its
 * metadata dates (`ms.date`, `ms.lasthandoff`) as `MM/DD/YYYY` in every locale: they are
 * data, not localized text. An ISO date is taken as it is.
 */
export function frontMatterDate(data: Record<string, unknown>, key: string): string | undefined {
  const value = frontMatterString(data, key)
  if (value === undefined) return undefined
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  const iso = us
    ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? value
      : undefined
  if (!iso) return undefined
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined
}
