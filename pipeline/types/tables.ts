/* Generated from schemas/tables.schema.json by `npm run types`. Do not edit. */

/**
 * The file `tables.json`: the schema it follows, and its records. Every GFM table of every entry, with its cells in both languages, ordered by locale, month, file, entry and ordinal.
 */
export interface TablesFile {
  /**
   * The schema this file follows (this one): its `$id`, whose path carries the major version of the contract.
   */
  $schema: 'https://herald.dev/schemas/v2/tables.schema.json'
  records: Table[]
}
/**
 * This interface was referenced by `TablesFile`'s JSON-Schema
 * via the `definition` "table".
 */
export interface Table {
  /**
   * `entryKey#ordinal`.
   */
  key: string
  entryKey: string
  entryId: string
  locale: string
  flavour: 'sxs' | 'plain'
  month: string
  /**
   * 1-based position of the table in its entry.
   */
  ordinal: number
  /**
   * Key of the entry section the table stands in.
   */
  section: string
  /**
   * The short paragraph (a bold label such as “New offer”) right before the table.
   */
  caption: CellText | null
  header: CellText[]
  columns: Column[]
  role: 'offers' | 'country-rules' | 'other'
  rows: Row[]
  source: {
    file: string
    line: number
    column: number
  }
}
/**
 * This interface was referenced by `TablesFile`'s JSON-Schema
 * via the `definition` "text".
 */
export interface CellText {
  text: string
  en?: string
}
/**
 * This interface was referenced by `TablesFile`'s JSON-Schema
 * via the `definition` "column".
 */
export interface Column {
  /**
   * The column's role where it has one, else the slug of its English header, else `column-N`; unique in the table.
   */
  key: string
  /**
   * What the column holds, from the English header where the page has one, else from its cells.
   */
  role:
    | 'offer-name'
    | 'offer-id'
    | 'promo-offer-id'
    | 'standard-offer-id'
    | 'material-id'
    | 'provisioning-id'
    | 'currency'
    | 'price'
    | 'country'
    | 'iso-code'
    | 'area'
    | 'digits'
    | 'field-name'
    | 'comment'
    | 'text'
}
/**
 * This interface was referenced by `TablesFile`'s JSON-Schema
 * via the `definition` "row".
 */
export interface Row {
  line: number
  cells: CellText[]
}
