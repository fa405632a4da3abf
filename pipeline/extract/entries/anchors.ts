import type {Element, ElementContent} from 'hast'
import {parseHtmlFragment} from '../../page/html-fragment.js'

/**
 * English anchors of a heading, in the order written: `<a name="slug"></a>`,
 * `<a id="14"/></a>`, `<a id="14" name="slug">`, `<a name='x'>`, `<a name=x>`, also when
 * they stand inside sxs spans (then they appear in the translated text, the English text,
 * or both). The heading's HTML is read by the HTML parser (`page/html-fragment.ts`), so
 * quoting and character references are as HTML defines them.
 */

function visitElements(nodes: ElementContent[], found: (element: Element) => void): void {
  for (const node of nodes) {
    if (node.type === 'element') found(node)
    if (node.type === 'element') visitElements(node.children, found)
  }
}

/** The `name` and `id` of every `<a>` in the fragments, in order, each once. */
export function readAnchors(...htmls: Array<string | undefined>): string[] {
  const anchors: string[] = []
  for (const html of htmls) {
    if (!html?.includes('<')) continue
    visitElements(parseHtmlFragment(html), (element) => {
      if (element.tagName !== 'a') return
      // Attributes in the order written: hast keeps them as properties, in that order.
      for (const [property, value] of Object.entries(element.properties)) {
        if (property !== 'name' && property !== 'id') continue
        const anchor = String(value).trim()
        if (anchor && !anchors.includes(anchor)) anchors.push(anchor)
      }
    })
  }

  return anchors
}

/** A numeric anchor is the entry's number: an attribute, reused across versions. */
export function isNumberAnchor(anchor: string): boolean {
  return /^\d+$/.test(anchor)
}

/** The text of a fragment: its text nodes, without any tag. */
function textOf(nodes: ElementContent[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += node.value
    else if (node.type === 'element') text += textOf(node.children)
  }

  return text
}

/** Heading text without its anchors and other inline tags, white space collapsed. */
export function stripTags(text: string): string {
  const bare = text.includes('<') ? textOf(parseHtmlFragment(text)) : text
  return bare.replace(/\s+/g, ' ').trim()
}
