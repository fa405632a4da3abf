import type {Diff, FieldChange} from '../types/diff.js'
import type {JsonRecord} from '../datasets/definition.js'
import {
  diffedDatasets,
  diffedNames as datasetNames,
  type DiffedDataset as DatasetName
} from '../datasets/diffed.js'
import {pointerKeys} from './field-changes.js'
import {summaryChanges} from './summary-changes.js'

/**
 * The diff as Markdown for a commit message or a pull request: a headline, then one
 * section per dataset that changed. Long values are shortened here, never in the JSON.
 * The two flavours of a locale usually change alike: a line that is the same for both
 * is printed once, and a line for one flavour only is marked `(sxs)` or `(plain)`.
 */

export interface SummaryOptions {
  /** Longest value shown, in characters (default 80). */
  width?: number
  /** Most lines per dataset section (default 200); the rest is counted. */
  maxLines?: number
}

const nouns: Record<DatasetName, [string, string, string]> = {
  entries: ['entry', 'entries', 'Entries'],
  offers: ['offer', 'offers', 'Offers'],
  countryRules: ['country rule', 'country rules', 'Country rules'],
  tables: ['table', 'tables', 'Tables']
}

const verbs = ['added', 'removed', 'changed', 'renamed'] as const

function own(record: JsonRecord, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

/** `field.text` of a `{text, en?}` field, if the record has one. */
function textOf(record: JsonRecord, field: string): string | undefined {
  const value = own(record, field)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const text = own(value as JsonRecord, 'text')
  return typeof text === 'string' ? text : undefined
}

function shorten(value: string, width: number): string {
  const characters = Array.from(value)
  return characters.length > width ? characters.slice(0, width - 1).join('') + '…' : value
}

/** A string needs quotes where it is empty or has spaces, or could be taken for JSON. */
function isBare(value: unknown): boolean {
  return typeof value === 'string' && /^[^\s"[{]\S*$/.test(value)
}

function formatValue(value: unknown, width: number, bare: boolean): string {
  if (value === undefined) return '(none)'
  return shorten(bare ? (value as string) : JSON.stringify(value), width)
}

function formatPath(pointer: string): string {
  return pointerKeys(pointer).join('/')
}

/**
 * Two long strings that differ past the shown width would print alike: show both from
 * a little before their first difference instead (`…` marks what is left out).
 */
function aroundDifference(old: string, current: string, width: number): [string, string] {
  const a = Array.from(old)
  const b = Array.from(current)
  let first = 0
  while (first < a.length && first < b.length && a[first] === b[first]) first++
  if (first < width - 10) return [old, current]
  const from = first - 10
  return ['…' + a.slice(from).join(''), '…' + b.slice(from).join('')]
}

/** `date 2021-02-25 → 2021-04-02`; both strings quoted when one of them needs it. */
function formatChange(change: FieldChange, width: number): string {
  const bare = [change.old, change.new].every((value) => value === undefined || isBare(value))
  let {old, new: current} = change
  if (typeof old === 'string' && typeof current === 'string') {
    ;[old, current] = aroundDifference(old, current, width)
  }

  const shown = formatValue(old, width, bare)
  return `${formatPath(change.path)} ${shown} → ${formatValue(current, width, bare)}`
}

/** `2020-11/slug` → `slug`: the month is printed on its own. */
function slugOf(key: string, month: string): string {
  return key.startsWith(`${month}/`) ? key.slice(month.length + 1) : key
}

interface Line {
  /** `added `, `removed `, `renamed `, or nothing for a changed record. */
  lead: string
  locale: string
  month: string
  flavour: string
  body: string
  details: string[]
}

/**
 * A record's changes: one line for the record where only its translation changed
 * (`translation only (title, sections/summary)`), else a line per changed value and one
 * naming what changed in translation only.
 */
function withChanges(
  name: DatasetName,
  body: string,
  changes: FieldChange[],
  width: number
): [string, string[]] {
  const {shown, translated} = summaryChanges(diffedDatasets[name].diff!, changes)
  const named = `(${translated.join(', ')})`
  if (shown.length === 0) {
    return [translated.length > 0 ? `${body}: translation only ${named}` : body, []]
  }

  const details = shown.map((change) => formatChange(change, width))
  if (translated.length > 0) details.push(`translation ${named}`)
  if (details.length === 1) return [`${body}: ${details[0]}`, []]
  return [`${body}:`, details]
}

/** The identity fields of an item of any dataset. */
interface Identity {
  key: string
  month: string
  entryKey?: string
  offerId?: string | null
  materialId?: string
  role?: string
  kind?: string
  country?: string | null
  region?: string | null
  ordinal?: number
}

function describe(name: DatasetName, item: Identity): string {
  const slug = '`' + slugOf(item.entryKey ?? item.key, item.month) + '`'
  switch (name) {
    case 'entries':
      return slug
    case 'offers':
      // `offer` is the role of an offer ID in most tables: only the others are named.
      return `${slug} ${item.offerId ? `offer \`${item.offerId}\`` : `Material ID \`${item.materialId}\``}${item.role && item.role !== 'offer' ? ` (${item.role})` : ''}`
    case 'countryRules':
      return `${slug} ${item.kind} ${item.country ?? item.region ?? ''}`.trimEnd()
    case 'tables':
      return `${slug} table ${item.ordinal}`
  }
}

/** What an added or removed record is about: its title, name or caption. */
function gist(name: DatasetName, record: JsonRecord, width: number): string {
  const field = {entries: 'title', offers: 'name', countryRules: 'name', tables: 'caption'}[name]
  const text = textOf(record, field)
  const date = name === 'entries' ? own(record, 'date') : undefined
  const parts = [
    // One line per record, whatever the text holds.
    text ? shorten(text.replaceAll(/\s+/g, ' '), width) : undefined,
    typeof date === 'string' ? `(${date})` : undefined
  ].filter((part) => part !== undefined)
  return parts.length > 0 ? ` — ${parts.join(' ')}` : ''
}

function datasetLines(diff: Diff, name: DatasetName, width: number): Line[] {
  const {added, removed, changed} = diff[name]
  const lines: Line[] = []
  const place = (item: {locale: string; month: string; flavour: string}) => ({
    locale: item.locale,
    month: item.month,
    flavour: item.flavour
  })

  for (const [lead, items] of [
    ['added ', added],
    ['removed ', removed]
  ] as const) {
    for (const item of items) {
      const body = describe(name, item) + gist(name, item.record as JsonRecord, width)
      lines.push({lead, ...place(item), body, details: []})
    }
  }

  for (const item of name === 'entries' ? diff.entries.renamed : []) {
    const from = '`' + slugOf(item.from.key, item.month) + '`'
    const to = '`' + slugOf(item.to.key, item.month) + '`'
    const [body, details] = withChanges(name, `${from} → ${to}`, item.changes, width)
    lines.push({lead: 'renamed ', ...place(item), body, details})
  }

  for (const item of changed) {
    const [body, details] = withChanges(name, describe(name, item), item.changes, width)
    lines.push({lead: '', ...place(item), body, details})
  }

  return lines
}

/** Joins the lines that are the same in every flavour; keeps the first one's place. */
function render(lines: Line[], maxLines: number): string[] {
  const merged = new Map<string, {line: Line; flavours: Set<string>}>()
  for (const line of lines) {
    const same = JSON.stringify([line.lead, line.month, line.locale, line.body, line.details])
    const found = merged.get(same)
    if (found) found.flavours.add(line.flavour)
    else merged.set(same, {line, flavours: new Set([line.flavour])})
  }

  const out: string[] = []
  for (const {line, flavours} of merged.values()) {
    if (out.length === maxLines) {
      out.push(`- … and ${merged.size - maxLines} more: see \`herald diff --json\``)
      break
    }

    const mark = flavours.size === 1 && line.flavour !== '' ? ` (${line.flavour})` : ''
    out.push(
      `- ${line.lead}${line.month} ${line.locale}${mark} ${line.body}` +
        line.details.map((detail) => `\n  - ${detail}`).join('')
    )
  }

  return out
}

function counts(diff: Diff, name: DatasetName): string | undefined {
  const [one, many] = nouns[name]
  const parts: string[] = []
  for (const verb of verbs) {
    const count = diff[name][verb].length
    if (count === 0) continue
    parts.push(
      parts.length === 0 ? `${count} ${count === 1 ? one : many} ${verb}` : `${count} ${verb}`
    )
  }

  return parts.length > 0 ? parts.join(', ') : undefined
}

/**
 * The diff as Markdown. An English diff says so in its headline (`herald (English): …`,
 * `herald: no English changes`).
 */
export function formatSummary(diff: Diff, options: SummaryOptions = {}): string {
  const width = options.width ?? 80
  const maxLines = options.maxLines ?? 200
  const headline = datasetNames.map((name) => counts(diff, name)).filter(Boolean)
  if (headline.length === 0)
    return diff.english ? 'herald: no English changes\n' : 'herald: no changes\n'

  const sections = datasetNames
    .filter((name) => counts(diff, name))
    .map((name) =>
      [`## ${nouns[name][2]}`, '', ...render(datasetLines(diff, name, width), maxLines)].join('\n')
    )
  const lead = diff.english ? 'herald (English)' : 'herald'
  return [`${lead}: ${headline.join('; ')}`, ...sections].join('\n\n') + '\n'
}
