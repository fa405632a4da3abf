/* Generated from schemas/herald-config.schema.json by `npm run types`. Do not edit. */

/**
 * The file `herald.config.json`: the docs sources `herald regenerate` (without `--docs`) regenerates, each into its own folder, and the folder of the catalog across all of them. Relative paths are read from the folder that holds the file.
 */
export interface HeraldConfig {
  /**
   * The schema this file follows (this one), for editors.
   */
  $schema?: 'https://herald.dev/schemas/v2/herald-config.schema.json'
  /**
   * The docs sources, regenerated in parallel; each writes its own folder.
   *
   * @minItems 1
   */
  sources: [HeraldConfigSource, ...HeraldConfigSource[]]
  catalog: HeraldConfigCatalog
}
/**
 * One docs source: what `herald regenerate --docs SRC --ref REF --out DIR` reads and writes.
 *
 * This interface was referenced by `HeraldConfig`'s JSON-Schema
 * via the `definition` "source".
 */
export interface HeraldConfigSource {
  /**
   * A docs checkout, bare repository or git bundle (a path), or a git URL (`https://`, `ssh://`, `git://`, `file://`, `user@host:path`).
   */
  docs: string
  /**
   * The branch, tag or commit to read (`live`, `live-sxs`); default: HEAD of a checkout, the default branch of a clone, or its only branch.
   */
  ref?: string
  /**
   * The locale of the pages (`fr-fr`, `ja-JP`), a BCP 47 tag, compared without regard to case with their `ms.contentlocale`: a source whose pages are of another locale is refused.
   */
  locale: string
  /**
   * The output folder of the source, replaced whole; not shared with another source or the catalog.
   */
  out: string
}
/**
 * Where the catalog across every source is written: `announcements.json` and `report.json` (the catalog's disagreements and coverage).
 *
 * This interface was referenced by `HeraldConfig`'s JSON-Schema
 * via the `definition` "catalog".
 */
export interface HeraldConfigCatalog {
  /**
   * The catalog's folder, replaced whole; not the folder of a source.
   */
  out: string
}
