/**
 * Every diagnostic Herald emits, with its default severity. One place to read what can
 * go wrong; `--rule id=off|info|warning|error` changes a severity per run.
 */

export type Severity = 'info' | 'warning' | 'error'

export interface Rule {
  severity: Severity
  description: string
}

export const rules = {
  'file-not-month-page': {
    severity: 'info',
    description:
      'Not a `YYYY-<month>.md` page (index.md, TOC.md, other files): skipped, not an entry source.'
  },
  'file-binary': {
    severity: 'error',
    description: 'The file holds NUL bytes: binary data, not a page.'
  },
  'file-unreadable': {severity: 'error', description: 'The file or folder could not be read.'},
  'file-too-large': {severity: 'error', description: 'The file is larger than `--max-file-size`.'},
  'encoding-invalid': {
    severity: 'warning',
    description: 'The bytes are not valid UTF-8; read as Latin-1.'
  },
  'front-matter-invalid': {
    severity: 'error',
    description: 'The YAML front matter cannot be parsed.'
  },
  'locale-missing': {
    severity: 'error',
    description:
      'No valid `ms.contentlocale` in the front matter: dates cannot be read without a locale.'
  },
  'sxs-segment-malformed': {
    severity: 'warning',
    description: 'Side-by-side span markup that does not form a segment; kept as text.'
  },
  'entry-no-slug': {
    severity: 'warning',
    description: 'An H2 without an English slug anchor: not an entry, reported.'
  },
  'entry-duplicate-slug': {
    severity: 'warning',
    description: 'A slug used by two H2s of one page; both kept, the later key gets `~N`.'
  },
  'heading-promoted-section': {
    severity: 'info',
    description: 'An H2 whose only anchor is a section name: merged into the entry before it.'
  },
  'section-no-anchor': {
    severity: 'info',
    description: 'A section heading without an English anchor.'
  },
  'date-missing': {severity: 'warning', description: 'No date line in the entry.'},
  'date-unparsed': {severity: 'warning', description: 'A date line whose date cannot be read.'},
  'date-invalid': {
    severity: 'warning',
    description: 'The date is not a calendar date (e.g. 2021-03-33): `date` is null.'
  },
  'date-outside-month': {
    severity: 'info',
    description: 'The date is not in the month of the page; kept.'
  },
  'date-mismatch': {
    severity: 'warning',
    description: 'The translated date differs from the English date; the English wins.'
  },
  'category-unknown': {
    severity: 'info',
    description: 'An English category label outside the vocabulary; kept with `key: null`.'
  }
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(rules, value)
}
