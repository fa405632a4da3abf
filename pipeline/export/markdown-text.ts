import type {Nodes} from 'mdast'
import {parseMarkdown} from '../page/parse-markdown.js'

/**
 * The plain text of Markdown, for places that show text as it is (a feed's title and
 * summary): the words without the markup. A link keeps its text, an image its alt text,
 * code its content; raw HTML is dropped. Paragraphs and other blocks are separated by a
 * blank line, list items and table rows by a line break, table cells by a tab.
 */

function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'image':
    case 'imageReference':
      return node.alt ?? ''
    case 'html':
      return ''
    default:
      return 'children' in node ? node.children.map(inlineText).join('') : ''
  }
}

function blockText(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node).trim()
    case 'code':
      return node.value
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return ''
    case 'list':
      return node.children.map(blockText).filter(Boolean).join('\n')
    case 'listItem':
      return node.children.map(blockText).filter(Boolean).join('\n')
    case 'table':
      return node.children
        .map((row) => row.children.map((cell) => inlineText(cell).trim()).join('\t'))
        .join('\n')
    default:
      return 'children' in node
        ? node.children.map(blockText).filter(Boolean).join('\n\n')
        : inlineText(node)
  }
}

/** The plain text of a Markdown text, trimmed. */
export function markdownText(markdown: string): string {
  return blockText(parseMarkdown(markdown)).trim()
}
