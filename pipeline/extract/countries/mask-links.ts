/**
 * Link targets and bare URLs blanked out, offsets kept: a place inside a URL
 * (`…/partnersource/northamerica/…`, `view=o365-worldwide`) is a path, not a scope.
 */
export function maskLinks(text: string): string {
  const blank = (match: string): string => ' '.repeat(match.length)
  return (
    text
      .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, (match) => `]${blank(match.slice(1))}`)
      .replace(/<https?:[^>\s]*>|\bhttps?:\/\/[^\s)\]]+/gi, blank)
      // Link reference definitions (`[guide]: https://…`) are targets, whole lines of them.
      .split('\n')
      .map((line) => (/^ {0,3}\[[^\]]+\]:/.test(line) ? blank(line) : line))
      .join('\n')
  )
}
