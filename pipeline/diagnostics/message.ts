import type {Message} from '../types/report.js'
import {compareCodePoints as compareStrings} from '../compare.js'
import {rules, type RuleId, type SeverityOverrides} from './rules.js'

/**
 * Diagnostics travel as plain data (they cross worker threads and land in
 * `report.json`); `print-messages.ts` turns them into vfile messages for display.
 */

export interface Place {
  line: number
  column: number
}

/** What a message may add: the values expected, and the text found. */
export interface MessageExtra {
  expected?: string[]
  actual?: string
}

/**
 * Reports a problem of a page by rule, with its place; the rule's severity decides the
 * rest.
 */
export type Report = (ruleId: RuleId, reason: string, place?: Place, extra?: MessageExtra) => void

/**
 * A reporter that appends the messages of `file` to `messages`, at the severities the
 * rules and overrides give (`off`: dropped).
 */
export function createReporter(
  file: string,
  messages: Message[],
  overrides: SeverityOverrides = {}
): Report {
  return function (ruleId, reason, place, extra) {
    const severity = overrides[ruleId] ?? rules[ruleId].severity
    if (severity === 'off') return
    messages.push({
      file,
      line: place?.line ?? null,
      column: place?.column ?? null,
      ruleId,
      severity,
      reason,
      ...extra
    })
  }
}

/** Stable order for messages: by file, then position, then rule. */
export function compareMessages(a: Message, b: Message): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.reason, b.reason)
  )
}

export {compareStrings}
