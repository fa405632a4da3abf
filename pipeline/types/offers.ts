/* Generated from schemas/offers.schema.json by `npm run types`. Do not edit. */

/**
 * The file `offers.json`: the schema it follows, and its records. One record per offer ID an entry names — in a table row, a list item or running text — and per table row or list item that gives a Material ID without an offer ID. Ordered by page and entry; in an entry, table records first (like tables.json, then row, then column), then list and text records in page order.
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
   * Where the entry names the offer: `table` (a row of a table), `list` (a list item) or `text` (a paragraph or heading). An offer ID is recorded once per entry: a table row wins over a later mention, and a list or text mention adds a record only for an ID (or, without one, a Material ID) the entry has not recorded yet.
   */
  origin: 'table' | 'list' | 'text'
  /**
   * Ordinal of the table in its entry; null outside tables.
   */
  table: number | null
  /**
   * 1-based row of the table body; null outside tables.
   */
  row: number | null
  /**
   * Which offer-ID column the ID is from: `offer`, or `promo` / `standard` in tables that pair a promotional offer with its standard one. Always `offer` outside tables.
   */
  role: 'offer' | 'promo' | 'standard'
  /**
   * The offer ID (a GUID, lower-cased); null for a table row or list item that gives a Material ID and no offer ID.
   */
  offerId: string | null
  materialId: string | null
  /**
   * The text the page gives the ID: the offer-name cell of its row, the label of its list item, or the words before it in its sentence (after the last colon); null where there is none (an ID alone under a lead-in).
   */
  name: OfferText | null
  /**
   * The row's other cells by column key; empty outside tables.
   */
  columns: {
    [k: string]: OfferText
  }
  prices: Price[]
  source: {
    file: string
    line: number
    /**
     * Column of the ID (of the row, in tables) in the file.
     */
    column: number
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
