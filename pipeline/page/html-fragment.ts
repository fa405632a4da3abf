import type {ElementContent, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'

/**
 * The HTML inside the pages' Markdown — anchors before a heading's title, `<br>` in table
 * cells, the odd `<sup>` — read with rehype-parse (parse5: the HTML standard's parser) into
 * hast, so that every spelling HTML allows is understood: `<a name='x'>`, `<a name=x>`,
 * `<a id="14" name="slug">`, `</br>` (a line break too, by the standard), character
 * references in attribute values.
 *
 * A fragment is parsed as the body of a document: there the standard reads `</br>` as
 * `<br>`, which a bare fragment parse drops. Fragments are short and repeat across pages
 * and versions (`<a name="summary"></a>`), so each is parsed once per thread and kept.
 */

const processor = unified().use(rehypeParse).freeze()

/** Fragments kept; enough for every distinct heading of a corpus. */
const capacity = 20_000
const parsed = new Map<string, ElementContent[]>()

/** The nodes of an HTML fragment, as the body of a document (with source positions). */
export function parseHtmlFragment(html: string): ElementContent[] {
  let nodes = parsed.get(html)
  if (!nodes) {
    if (parsed.size >= capacity) parsed.clear()
    const tree: Root = processor.parse(html)
    const document = tree.children.find((node) => node.type === 'element')
    const body =
      document?.type === 'element'
        ? document.children.find((node) => node.type === 'element' && node.tagName === 'body')
        : undefined
    nodes = body?.type === 'element' ? body.children : []
    parsed.set(html, nodes)
  }

  return nodes
}
