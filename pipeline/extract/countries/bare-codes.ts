import type {CountryIndex} from './country-index.js'
import {nameKey} from './fold-text.js'
import type {FoundPlaces} from './found-places.js'
import {inflectedNameStart} from './inflected-names.js'
import {isCountryCode} from './iso-countries.js'
import {isWholeItem, segmentAt, type Segment} from './list-segments.js'
import type {ShortForm} from './name-mentions.js'
import type {Span} from './spans.js'

/**
 * Bare `(XX)` codes and capitalised short forms: product names are full of them (`(EA)`,
 * `(SA)`, `Business Voice (US)`), so one counts only beside another place name.
 */

/** A bare code counts only this close to another place name: `(EFTA) und im Vereinigten Königreich (UK)`. */
const neighbourGap = 40

/** The country a code or short form as written denotes: `AM` by code, `USA` by alias. */
export function readCode(
  raw: string,
  index: CountryIndex
): {code: string; via: 'code' | 'alias'} | undefined {
  if (isCountryCode(raw)) return {code: raw, via: 'code'}
  const entry = index.entries.get(nameKey(raw))
  if (entry?.abbrev && entry.code) return {code: entry.code, via: 'alias'}
  return undefined
}

/**
 * Whether the nearest place within `neighbourGap` characters of `span` is in the same
 * sentence; only the nearest one is asked, on the left first.
 */
export function nearOtherPlace(places: FoundPlaces, span: Span): boolean {
  const gapOk = (gap: string): boolean => !/[!?。！？\n]|\.\s/.test(gap)
  const before = places.takenBefore(span, neighbourGap)
  if (before >= 0) return gapOk(places.source.slice(before + 1, span.start))
  const after = places.takenAfter(span, neighbourGap)
  if (after >= 0) return gapOk(places.source.slice(span.end, after))
  return false
}

/** A code or short form waiting for a place beside it. */
interface PendingCode extends Span {
  code: string
  via: 'code' | 'alias'
  /** Written in parentheses, `(UK)`, rather than as a bare short form. */
  paren: boolean
  /** Accepted, or overlapped by another place: not tried again. */
  done: boolean
}

/** The `(XX)` codes of the source and the short forms, in source order, parentheses first. */
function pendingCodes(source: string, index: CountryIndex, shortForms: ShortForm[]): PendingCode[] {
  const pending: PendingCode[] = []
  for (const written of source.matchAll(/[(（]([A-Z]{2,3})[)）]/g)) {
    const read = readCode(written[1]!, index)
    if (read)
      pending.push({
        start: written.index,
        end: written.index + written[0].length,
        ...read,
        paren: true,
        done: false
      })
  }
  for (const short of shortForms) pending.push({...short, via: 'alias', paren: false, done: false})
  pending.sort(
    (left, right) => left.start - right.start || Number(right.paren) - Number(left.paren)
  )
  return pending
}

/** What one pending code needs to decide whether it joins. */
interface CodeContext {
  index: CountryIndex
  places: FoundPlaces
  segments: Segment[]
}

/**
 * Where a parenthesised code's mention starts: over an inflected name it follows, else over a
 * short lead of at most three words in its list item (`Kosovo (XK)`), else at the parenthesis.
 */
function mentionStart(candidate: PendingCode, context: CodeContext): number {
  const {places, segments} = context
  const start = inflectedNameStart(places.source, candidate.code, candidate.start, context.index)
  if (start !== undefined && start !== candidate.start) return start
  const segment = segmentAt(segments, candidate.start)
  if (segment) {
    const lead = places.source.slice(segment.item.start, candidate.start).trim()
    const leadSpan = {start: segment.item.start, end: candidate.start}
    if (lead.length > 0 && lead.split(/\s+/).length <= 3 && places.isFree(leadSpan))
      return segment.item.start
  }
  return candidate.start
}

/** Accepts `candidate` if it now stands beside a place; true when it joined. */
function tryCode(candidate: PendingCode, context: CodeContext): boolean {
  const {places, segments} = context
  if (candidate.done) return false
  if (!places.isFree(candidate)) {
    candidate.done = true
    return false
  }
  if (
    candidate.paren
      ? !nearOtherPlace(places, candidate)
      : !(isWholeItem(segments, candidate) || nearOtherPlace(places, candidate))
  )
    return false
  const start = candidate.paren ? mentionStart(candidate, context) : candidate.start
  candidate.done = true
  places.addCountry({
    start,
    end: candidate.end,
    code: candidate.code,
    via: candidate.via,
    problem: null
  })
  return true
}

/**
 * Accepts the bare `(XX)` codes and capitalised short forms that stand beside another place
 * (a short form also when it is a whole list item). A list can chain them, so the sweep runs
 * both ways until nothing more joins.
 */
export function placeBareCodes(
  index: CountryIndex,
  places: FoundPlaces,
  segments: Segment[],
  shortForms: ShortForm[]
): void {
  const pending = pendingCodes(places.source, index, shortForms)
  const context: CodeContext = {index, places, segments}
  for (let changed = true; changed;) {
    changed = false
    for (const candidate of pending) changed = tryCode(candidate, context) || changed
    for (let i = pending.length - 1; i >= 0; i--) changed = tryCode(pending[i]!, context) || changed
  }
}
