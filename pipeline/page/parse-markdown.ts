import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import remarkGfmTable from './remark-gfm-table.js'

/** Built once: a frozen processor is reused for every page. */
const processor = unified().use(remarkParse).use(remarkGfmTable).freeze()

/** Parses one page's span-free view (each page is its own document: see PERF.md). */
export function parseMarkdown(view: string): Root {
  return processor.parse(view)
}
