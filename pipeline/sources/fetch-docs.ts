import type {Page} from '../engine/engine.js'
import {HeraldError} from '../errors.js'
import {
  findTwinRef,
  readPages,
  resolveDocs,
  type DocsSource,
  type ResolvedDocs
} from '../git/docs-source.js'

/**
 * The pages a regeneration builds, read from an opened docs source at one ref: the pages
 * of the ref, and the sxs pages of its twin branch, which lend their English to the plain
 * pages. Shared by `herald regenerate --docs` and the sources of a config.
 */

/** What to read, and whom to tell. */
export interface FetchOptions {
  /** The branch, tag or commit; default: HEAD of a checkout, a clone's default branch. */
  ref?: string
  /** Read the twin branch (default true). */
  twins?: boolean
  /** Called once the pages are read. */
  onPagesRead?: (docs: ResolvedDocs, pages: Page[]) => void
  /** Called once the twin branch's pages are read. */
  onTwinRead?: (twin: {ref: string; commit: string}, pages: Page[]) => void
  /** Called with what the user should know but does not stop the run. */
  onWarning?: (message: string) => void
}

/** The docs at one commit and their pages. */
export interface FetchedDocs {
  docs: ResolvedDocs
  pages: Page[]
  /** The sxs pages of the twin branch; none without a twin or with `twins: false`. */
  twinPages: Page[]
}

/**
 * The sxs pages of the twin branch (`live-sxs` beside `live`); none when the ref has no
 * sxs twin. A twin that cannot be read is a warning, not a failure: the plain pages are
 * then built without English.
 */
async function readTwinPages(
  docs: ResolvedDocs,
  options: Pick<FetchOptions, 'onTwinRead' | 'onWarning'>
): Promise<Page[]> {
  const twin = await findTwinRef(docs)
  if (!twin?.ref.endsWith('-sxs')) return []
  try {
    const pages = await readPages({...docs, ref: twin.ref, commit: twin.commit})
    options.onTwinRead?.(twin, pages)
    return pages
  } catch (error) {
    if (!(error instanceof HeraldError)) throw error
    options.onWarning?.(
      `the twin branch \`${twin.ref}\` cannot be read, plain pages get no English: ${error.message}`
    )
    return []
  }
}

/** Resolves the ref of an opened source and reads its pages (and its twin's). */
export async function fetchDocs(source: DocsSource, options: FetchOptions): Promise<FetchedDocs> {
  const docs = await resolveDocs(source, options.ref)
  const pages = await readPages(docs)
  options.onPagesRead?.(docs, pages)
  const twinPages = options.twins === false ? [] : await readTwinPages(docs, options)
  return {docs, pages, twinPages}
}
