import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import type {Processor} from 'unified'

/**
 * GFM tables, and only tables: the pages use no other GFM syntax that Herald reads,
 * and the other GFM extensions cost about 30 % of parse time (see ../shared/PERF.md).
 * Wired the way `remark-gfm` wires all of them.
 */
export default function remarkGfmTable(this: Processor): void {
  const data = this.data()
  const micromarkExtensions = (data.micromarkExtensions ||= [])
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ||= [])
  micromarkExtensions.push(gfmTable())
  fromMarkdownExtensions.push(gfmTableFromMarkdown())
}
