/* Generated from schemas/offers.schema.json by `npm run types`. Do not edit. */

/**
 * The file `offers.json`: the schema it follows, and its records. One record per offer ID in a row of an offers table, ordered like tables.json, then row, then column.
 */
export interface OffersFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/offers.schema.json'
  records: Offer[]
}
/**
 * This interface was referenced by `OffersFile`'s JSON-Schema
 * via the `definition` "offer".
 */
export interface Offer {
  entryKey: string
  entryId: string
  locale: string
  flavour: 'sxs' | 'plain'
  month: string
  /**
   * Ordinal of the table in its entry.
   */
  table: number
  /**
   * 1-based row of the table body.
   */
  row: number
  /**
   * Which offer-ID column the ID is from: `offer`, or `promo` / `standard` in tables that pair a promotional offer with its standard one.
   */
  role: 'offer' | 'promo' | 'standard'
  offerId: string
  materialId: string | null
  name: OfferText | null
  /**
   * The row's other cells by column key.
   */
  columns: {
    [k: string]: OfferText
  }
  prices: Price[]
  source: {
    file: string
    line: number
  }
}
/**
 * This interface was referenced by `OffersFile`'s JSON-Schema
 * via the `definition` "text".
 */
export interface OfferText {
  text: string
  en?: string
}
/**
 * This interface was referenced by `OffersFile`'s JSON-Schema
 * via the `definition` "price".
 */
export interface Price {
  column: string
  amount: number
  currency: string
  unit: string | null
}
