import type {Message} from '../types/report.js'

/**
 * Messages of one rule listed per page. Real pages have a few per rule at most; a hostile
 * one (100,000 unclosed spans) would otherwise make a 30 MB report and take a minute to
 * print. What is over the cap is counted in one last message, at the place of the first
 * message not listed.
 */
const maxMessagesPerRule = 100

/** The page's messages, at most {@link maxMessagesPerRule} of each rule, then a count. */
export function limitPerRule(messages: Message[]): Message[] {
  const counts = new Map<string, number>()
  const firstUnlisted = new Map<string, Message>()
  const listed: Message[] = []
  for (const message of messages) {
    const count = (counts.get(message.ruleId) ?? 0) + 1
    counts.set(message.ruleId, count)
    if (count <= maxMessagesPerRule) listed.push(message)
    else if (count === maxMessagesPerRule + 1) firstUnlisted.set(message.ruleId, message)
  }

  for (const [ruleId, first] of firstUnlisted) {
    const more = counts.get(ruleId)! - maxMessagesPerRule
    const {file, line, column, severity} = first
    listed.push({
      file,
      line,
      column,
      ruleId,
      severity,
      reason: `${more} more \`${ruleId}\` messages in this file from here on, not listed one by one`
    })
  }

  return listed
}
