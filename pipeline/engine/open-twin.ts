import {decodeText} from '../page/decode-text.js'
import {frontMatterString, readFrontMatter} from '../page/front-matter.js'
import {createPageView, partView, type PageView} from '../page/page-view.js'
import {pageParts, partSource} from './page-parts.js'

/**
 * The twin of a plain page, opened to lend its English: the sxs page of the same English
 * source commit. A twin that is not such a page lends nothing, and says why.
 */

/** A page given as the twin of another. */
export interface TwinPage {
  name: string
  bytes: Uint8Array
}

/** An opened twin: its parts by label, each used once, in order. */
export interface OpenTwin {
  name: string
  /** The twin's part with this label (the next unused one), as a view, with its source. */
  take(label: string): {view: PageView; source: string} | undefined
}

/** Opens `twin` for a plain page of `sourceCommit`; a string says why it cannot serve. */
export function openTwin(twin: TwinPage, sourceCommit: string | null): OpenTwin | string {
  const decoded = decodeText(twin.bytes)
  if (decoded.nulAt !== -1) return 'it holds binary data'
  const frontMatter = readFrontMatter(decoded.text)
  if (!frontMatter.ok) return 'its front matter cannot be read'
  const commit = frontMatterString(frontMatter.value.data, 'ms.sourcegitcommit') ?? null
  if (sourceCommit === null || commit !== sourceCommit) {
    return `it was translated from another English commit (${commit ?? 'none'}, this page ${sourceCommit ?? 'none'})`
  }

  const page = createPageView(decoded.text, frontMatter.value.end)
  if (page.flavour !== 'sxs') return 'it has no side-by-side English'
  const parts = new Map<string, Array<{view: PageView; source: string}>>()
  for (const part of pageParts(page)) {
    const list = parts.get(part.label) ?? []
    list.push({
      view: partView(page, part.start, part.end),
      source: partSource(page, decoded.text, part)
    })
    parts.set(part.label, list)
  }

  return {name: twin.name, take: (label) => parts.get(label)?.shift()}
}
