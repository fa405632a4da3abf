import {dashClass} from './dashes.js'

/** A GUID-shaped token found in text: an offer ID, or a damaged one to report. */
export interface OfferIdMatch {
  raw: string
  start: number
  end: number
  offerId: string | null
  problem: null | 'malformed'
}

// Translation swaps the ASCII hyphen for typographic dashes; such a GUID is still a GUID-like
// token to report, just not a valid one.

// Hyphen-joined runs of letters and digits. The lookbehind pins each attempt to the start of a
// run and every repetition begins with a dash, so matching is linear.
const hyphenChain = new RegExp(`(?<![\\da-z])[\\da-z]+(?:[${dashClass}][\\da-z]+)+`, 'gi')

// `%22` before a GUID in a URL (`%2272f988bf-…`) is an escaped quote, not part of the GUID.
const percentEscape = /%[0-9A-F]{2}/gi

const hexOnly = /^[0-9A-F]+$/i
const guidGroupLengths = [8, 4, 4, 4, 12]

interface Group {
  text: string
  start: number
  end: number
  /** The separator before this group ('' for the first). */
  before: string
  hex: number
  digits: number
}

function isHexUnit(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) ||
    (unit >= 0x41 && unit <= 0x46) ||
    (unit >= 0x61 && unit <= 0x66)
  )
}

function readGroup(text: string, start: number, before: string): Group {
  let hex = 0
  let digits = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (isHexUnit(unit)) hex++
    if (unit >= 0x30 && unit <= 0x39) digits++
  }
  return {text, start, end: start + text.length, before, hex, digits}
}

function groupsOf(chain: string, offset: number): Group[] {
  const groups: Group[] = []
  let start = 0
  let before = ''
  for (let i = 0; i <= chain.length; i++) {
    const ch = chain[i]
    if (ch === undefined || !/[\dA-Z]/i.test(ch)) {
      groups.push(readGroup(chain.slice(start, i), offset + start, before))
      before = ch ?? ''
      start = i + 1
    }
  }
  return groups
}

function isGuidAt(groups: Group[], at: number): boolean {
  return guidGroupLengths.every((length, k) => {
    const group = groups[at + k]
    return (
      group !== undefined &&
      group.text.length === length &&
      hexOnly.test(group.text) &&
      (k === 0 || group.before === '-')
    )
  })
}

/**
 * Whether groups [from, to] look like a damaged GUID: at least three groups,
 * 28–40 characters in all (a GUID is 36), nearly all hex with plenty of digits, and hex-looking
 * groups at both ends so that the words of a URL slug around a GUID are not swallowed.
 * Ordinary hyphenated words fail the hex test; Material IDs (`AAA-12345`) are too short.
 */
function guidLike(groups: Group[], from: number, to: number): boolean {
  if (to - from < 2) return false
  const first = groups[from]!
  const last = groups[to]!
  const length = last.end - first.start
  if (length < 28 || length > 40) return false
  const edgeIsHex = (group: Group): boolean => group.hex / group.text.length >= 0.75
  if (!edgeIsHex(first) || !edgeIsHex(last)) return false
  let chars = 0
  let hex = 0
  let digits = 0
  for (let k = from; k <= to; k++) {
    const group = groups[k]!
    chars += group.text.length
    hex += group.hex
    digits += group.digits
  }
  return hex / chars >= 0.85 && digits >= 6
}

/**
 * GUIDs (offer IDs) in text, lower-cased, in order. GUID-like tokens that are not valid GUIDs
 * (a short group, a dropped group, letters machine translation put in) come back with
 * `offerId: null` and `problem: 'malformed'` and their raw text, so they are reported, never used.
 */
export function findOfferIds(text: string): OfferIdMatch[] {
  const scan = text.replace(percentEscape, '   ')
  const found: OfferIdMatch[] = []
  const emit = (groups: Group[], from: number, to: number, valid: boolean): void => {
    const start = groups[from]!.start
    const end = groups[to]!.end
    const raw = text.slice(start, end)
    found.push({
      raw,
      start,
      end,
      offerId: valid ? raw.toLowerCase() : null,
      problem: valid ? null : 'malformed'
    })
  }

  for (const chain of scan.matchAll(hyphenChain)) {
    const groups = groupsOf(chain[0], chain.index)
    // A GUID whose last hyphen became a space (`e6b0a7bb-b33b-41b9-91df 1d31f182ab41`): the
    // stray group belongs to it.
    if (
      groups.length === 4 &&
      guidGroupLengths.slice(0, 4).every((length, k) => groups[k]!.text.length === length)
    ) {
      const tail = /^[ \u00a0]([0-9A-F]{8,16})(?![0-9A-Z])/i.exec(
        scan.slice(chain.index + chain[0].length)
      )
      if (tail) {
        const start = chain.index + chain[0].length + 1
        groups.push(readGroup(tail[1]!, start, ' '))
      }
    }
    let k = 0
    let pending = 0
    const flush = (upTo: number): void => {
      let from = pending
      while (from < upTo) {
        let to = -1
        for (let j = Math.min(upTo - 1, from + 20); j >= from + 2; j--) {
          if (guidLike(groups, from, j)) {
            to = j
            break
          }
        }
        if (to >= 0) {
          emit(groups, from, to, false)
          from = to + 1
        } else from += 1
      }
    }
    while (k < groups.length) {
      if (isGuidAt(groups, k)) {
        flush(k)
        emit(groups, k, k + 4, true)
        k += 5
        pending = k
      } else k += 1
    }
    flush(groups.length)
  }
  return found.sort((left, right) => left.start - right.start)
}
