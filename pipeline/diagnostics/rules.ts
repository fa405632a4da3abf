/**
 * Every diagnostic Herald emits, with its default severity. One place to read what can
 * go wrong; `--rule id=off|info|warning|error` changes a severity per run.
 */

export type Severity = 'info' | 'warning' | 'error'

/** A diagnostic rule: its default severity and what it means. */
export interface Rule {
  severity: Severity
  description: string
}

/**
 * Every diagnostic rule, by id: its default severity and description (`--rule
 * ID=SEVERITY` changes one).
 */
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
  'file-too-large': {severity: 'error', description: 'The file is larger than `--max-file-size`.'},
  'file-timeout': {
    severity: 'error',
    description: 'The file took longer than `--max-file-time` to process: stopped and reported.'
  },
  'file-too-complex': {
    severity: 'error',
    description:
      'Nesting, container breaks, inline markers or table cells past the caps of `pipeline/page/page-complexity.ts`, on which the Markdown parser would be super-linear or exhaust memory: not parsed, reported.'
  },
  'file-crashed': {
    severity: 'error',
    description: 'An unexpected failure while processing the file: reported, the other files go on.'
  },
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
  'twin-unusable': {
    severity: 'info',
    description:
      'A plain page was given a twin (an sxs page of the same month) that cannot lend its English: another source commit, no side-by-side English, or unreadable.'
  },
  'twin-entry-missing': {
    severity: 'info',
    description:
      "An entry of a plain page that its twin does not have: it keeps the plain page's text, without English."
  },
  'catalog-disagreement': {
    severity: 'warning',
    description:
      'A page whose English fact of an announcement (date, title, categories, offer IDs, places…) differs from what most locales give: machine-translation damage or a stale translation. The catalog keeps the majority.'
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
  },
  'table-outside-entry': {
    severity: 'warning',
    description: 'A table before the first entry of a page: not extracted, reported.'
  },
  'offer-row-without-id': {
    severity: 'warning',
    description: 'A row of an offers table with neither an offer ID nor a Material ID: reported.'
  },
  'table-row-empty': {
    severity: 'info',
    description: 'An empty row (a lone `|`) in an offers table: nothing to extract.'
  },
  'offer-id-malformed': {
    severity: 'warning',
    description:
      'A GUID-like string (in a table, a list or text, outside URLs) that is not 8-4-4-4-12 hex digits: reported with its raw text, never emitted.'
  },
  'offer-id-translated': {
    severity: 'warning',
    description:
      'The translated cell, list item or sentence holds other offer IDs than the English one; the English wins.'
  },
  'material-id-translated': {
    severity: 'warning',
    description:
      'The translated Material ID (in a cell, a list item or a sentence) differs from the English one, the sxs page’s or the twin’s; the English wins.'
  },
  'material-id-normalized': {
    severity: 'info',
    description:
      'A Material ID written with spaces, a dash or lower case, normalised to `ABC-12345`.'
  },
  'country-code-repaired': {
    severity: 'warning',
    description:
      'An ISO code damaged by translation, repaired from the country name in the same row.'
  },
  'country-unresolved': {
    severity: 'warning',
    description: 'A row of a country table whose country cannot be identified: reported.'
  },
  'place-unresolved': {
    severity: 'info',
    description:
      'An item of a list of places that names no known country or region (a name no list holds, a territory outside ISO 3166-1): reported, no record.'
  },
  'digits-unparsed': {
    severity: 'warning',
    description: 'A field-character requirement without readable lengths.'
  }
} as const satisfies Record<string, Rule>

/** The id of a rule. */
export type RuleId = keyof typeof rules

/** Severities set for a run, by rule id (`off` drops the rule's messages). */
export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>

/** Whether `value` names a rule. */
export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(rules, value)
}
