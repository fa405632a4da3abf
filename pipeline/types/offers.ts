/* Generated from schemas/offers.schema.json by `npm run types`. Do not edit. */

/**
 * One record per offer ID in a row of an offers table, ordered like tables.json, then row, then column.
 */
export type Offers = Offer[]

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
export interface OfferText {
  text: string
  en?: string
}
export interface Price {
  column: string
  amount: number
  currency: string
  unit: string | null
}
