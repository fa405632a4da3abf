import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Message} from '../types/report.js'

/**
 * Prints diagnostics the way vfile-reporter prints lint results. Info messages (files
 * skipped, sections merged) are shown only with `--verbose`: a normal run lists what
 * needs a look.
 */
export function formatMessages(
  messages: Message[],
  options: {verbose?: boolean; color?: boolean} = {}
): string {
  const files = new Map<string, VFile>()
  for (const message of messages) {
    if (message.severity === 'info' && !options.verbose) continue
    let file = files.get(message.file)
    if (!file) {
      file = new VFile({path: message.file})
      files.set(message.file, file)
    }

    const place =
      message.line === null ? undefined : {line: message.line, column: message.column ?? 1}
    const vmessage = file.message(message.reason, {place, ruleId: message.ruleId, source: 'herald'})
    vmessage.fatal =
      message.severity === 'error' ? true : message.severity === 'warning' ? false : undefined
    if (message.expected) vmessage.expected = message.expected
    if (message.actual !== undefined) vmessage.actual = message.actual
  }

  if (files.size === 0) return ''
  return reporter([...files.values()], {quiet: true, color: options.color ?? false})
}
