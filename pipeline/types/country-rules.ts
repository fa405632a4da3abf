/* Generated from schemas/country-rules.schema.json by `npm run types`. Do not edit. */

/**
 * The file `country-rules.json`: the schema it follows, and its records. Countries and regions an entry constrains: requirement rows of country tables, countries named in scope lists, and regions. Ordered by locale, month, file, entry, then as written.
 */
export interface CountryRulesFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/country-rules.schema.json'
  records: CountryRule[]
}
/**
 * This interface was referenced by `CountryRulesFile`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface CountryRule {
  entryKey: string
  entryId: string
  locale: string
  flavour: 'sxs' | 'plain'
  month: string
  /**
   * `requirement`: a row of a country table; `scope`: a country named in a list; `region`: a region named in a list.
   */
  kind: 'requirement' | 'scope' | 'region'
  /**
   * ISO 3166-1 alpha-2; null for a region.
   */
  country: string | null
  /**
   * Region code (EU, EFTA, CEE, LATAM, APAC, EMEA…) for a region, or the area column of a requirement.
   */
  region: string | null
  section: string
  name?: RuleText
  /**
   * Allowed identifier lengths, sorted (“8 or 10 digits” → [8, 10]).
   */
  digits?: number[]
  /**
   * A regular expression that validates an identifier of those lengths.
   */
  pattern?: string
  /**
   * The identifier's native name, untouched.
   */
  fieldName?: string
  comment?: RuleText1
  leadIn?: RuleText2
  source: {
    file: string
    line: number
  }
}
/**
 * The country or region as written.
 */
export interface RuleText {
  text: string
  en?: string
}
/**
 * This interface was referenced by `CountryRulesFile`'s JSON-Schema
 * via the `definition` "text".
 */
export interface RuleText1 {
  text: string
  en?: string
}
/**
 * The sentence that introduces a scope list.
 */
export interface RuleText2 {
  text: string
  en?: string
}
