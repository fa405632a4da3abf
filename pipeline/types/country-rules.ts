/* Generated from schemas/country-rules.schema.json by `npm run types`. Do not edit. */

/**
 * The file `country-rules.json`: the schema it follows, and its records. Countries and regions an entry constrains: requirement rows of country tables, the countries it applies to, the places it excludes, and the regions it names. Contact and support routing, currencies, language names, places inside product names and URLs, and places named only in passing are not records. Ordered by locale, month, file, entry, then as written.
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
   * `requirement`: a row of a country table that sets a rule for one country; `scope`: a country the announcement applies to, is available in, launches in, is restricted to or targets; `excluded`: a country or region it explicitly leaves out (not available, except, unsupported); `region`: a named group of countries in scope (EU, EEA, EFTA, CEE, LATAM, APAC, EMEA, Americas, Greater China, Worldwide), not expanded into countries.
   */
  kind: 'requirement' | 'scope' | 'excluded' | 'region'
  /**
   * ISO 3166-1 alpha-2; null for a region (and an excluded region).
   */
  country: string | null
  /**
   * Region code (EU, EEA, EFTA, CEE, LATAM, APAC, EMEA, Americas, Greater China, Worldwide) for a region or an excluded region, or the area column of a requirement.
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
  sourceText?: RuleText3
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
 * For a place read in a list item: the paragraph that introduces the list.
 */
export interface RuleText2 {
  text: string
  en?: string
}
/**
 * The paragraph, list item or table cell a `scope`, `excluded` or `region` record was read in, as the page writes it, so a consumer can check it; a longer one than 600 characters is cut at a space before that and ends with ` …` (the place itself is in `name`).
 */
export interface RuleText3 {
  text: string
  en?: string
}
