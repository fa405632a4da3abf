/**
 * English anchors of a heading, in the order written: `<a name="slug"></a>`,
 * `<a id="14"/></a>`, `<a name="5">Title</a>`, also when they stand inside sxs spans
 * (then they appear in the translated text, the English text, or both).
 */
const anchorPattern = /<a\s+(?:name|id)\s*=\s*"([^"<>]*)"/gi

export function readAnchors(...htmls: Array<string | undefined>): string[] {
  const anchors: string[] = []
  for (const html of htmls) {
    if (!html) continue
    for (const match of html.matchAll(anchorPattern)) {
      const anchor = match[1]!.trim()
      if (anchor && !anchors.includes(anchor)) anchors.push(anchor)
    }
  }

  return anchors
}

/** A numeric anchor is the entry's number: an attribute, reused across versions. */
export function isNumberAnchor(anchor: string): boolean {
  return /^\d+$/.test(anchor)
}

const tagPattern = /<\/?[a-z][^<>]*>/gi

/** Heading text without its anchors and other inline tags. */
export function stripTags(text: string): string {
  return text.replace(tagPattern, '').replace(/\s+/g, ' ').trim()
}
