import type {Span} from './spans.js'

/** How a country was recognised: by its ISO code, a name, or an alias or short form. */
export type MentionVia = 'code' | 'name' | 'alias'

/** What was wrong with the code written beside a name (the name is trusted). */
export type MentionProblem = null | 'code-name-mismatch' | 'code-repaired'

/** A country found in the (repaired) source text. */
export interface FoundCountry extends Span {
  code: string
  via: MentionVia
  problem: MentionProblem
}

const countryMark = 1
const regionMark = 2

/**
 * The state the finders share while they read one text: the countries accepted so far and
 * which source characters already belong to a place (a country, an ambiguous name or a
 * region). Overlap and neighbourhood tests look at a few characters instead of every mention
 * found so far, which keeps a long list linear.
 */
export class FoundPlaces {
  /** The accepted countries, in the order they were accepted. */
  readonly countries: FoundCountry[] = []
  private readonly marks: Uint8Array

  /** Places in `source`, the repaired text every finder reads. */
  constructor(readonly source: string) {
    this.marks = new Uint8Array(source.length)
  }

  /** Accepts a country: it is reported and its characters are taken. */
  addCountry(country: FoundCountry): void {
    this.countries.push(country)
    this.marks.fill(countryMark, country.start, country.end)
  }

  /**
   * Takes a name that could be several countries: nothing else may claim it, and it counts as a
   * country when deciding whether a sentence is a country list.
   */
  markAmbiguous(span: Span): void {
    this.marks.fill(countryMark, span.start, span.end)
  }

  /** Takes the characters of a sales region. */
  markRegion(span: Span): void {
    this.marks.fill(regionMark, span.start, span.end)
  }

  /** Whether a country (or ambiguous name) takes any character of `span`. */
  hasCountry(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) if (this.marks[i] === countryMark) return true
    return false
  }

  /** Whether no place takes any character of `span`. */
  isFree(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) if (this.marks[i]) return false
    return true
  }

  /** The nearest taken character before `span` within `distance` characters (-1 when none). */
  takenBefore(span: Span, distance: number): number {
    for (let i = span.start - 1; i >= Math.max(0, span.start - distance - 1); i--) {
      if (this.marks[i]) return i
    }
    return -1
  }

  /** The nearest taken character after `span` within `distance` characters (-1 when none). */
  takenAfter(span: Span, distance: number): number {
    for (let i = span.end; i < Math.min(this.source.length, span.end + distance + 1); i++) {
      if (this.marks[i]) return i
    }
    return -1
  }
}
