/**
 * The full-text index of the SQLite export: `entries_fts`, an FTS5 table over each
 * entry's title and sections, in the page's language and in English (`title_text`,
 * `title_en`, and `sections`, whose JSON holds the headings and texts of both). Its content
 * is the `entries` table itself (`content="entries"`), so nothing is stored twice,
 * `snippet()` and `highlight()` work, and Datasette, which looks for an FTS table whose
 * content is a table, puts a search box on the entries' page.
 *
 * Its tokenizer is FTS5's `trigram`: a query term matches any text that contains it,
 * in every script. Word tokenizers need spaces between words, which Japanese and Chinese
 * do not write; trigrams need no locale-specific segmenter, so a locale Herald has never
 * seen is searchable too, and the JSON around the section texts splits no word. Case is
 * ignored; accents are not (`remove_diacritics` for trigrams needs SQLite 3.45, newer than
 * many a Datasette's). A term must be three characters or more.
 */

/** The dataset whose records are indexed. */
export const searchedDataset = 'entries'

/** The FTS5 table. */
export const searchTable = 'entries_fts'

/** The columns of the searched dataset's table that are indexed. */
export const searchedColumns = ['title_text', 'title_en', 'sections'] as const
