import type {Category} from '../../types/entries.js'

/**
 * Category bullets → a small closed vocabulary of keys, read from the English label
 * only. Translated labels are kept as text but never become keys: machine translation
 * turned "Type:" into "type a command" in several locales, and no per-locale word list
 * can be trusted to keep up with that.
 */

const categoryKeys: Record<string, string> = {
  capabilities: 'capabilities',
  capability: 'capabilities',
  offers: 'offers',
  offer: 'offers',
  markets: 'markets',
  market: 'markets',
  'grow your business': 'grow-your-business',
  'enhanced security and compliance': 'security-and-compliance',
  'enhances security and compliance': 'security-and-compliance',
  'security and compliance': 'security-and-compliance',
  readiness: 'readiness',
  information: 'information',
  community: 'community',
  'invites and reminders': 'invites-and-reminders',
  'modern workplace': 'modern-workplace',
  'business applications': 'business-applications',
  'drive efficiency and scale': 'drive-efficiency-and-scale',
  'enhanced customer screening': 'customer-screening'
}

const statusKeys: Record<string, string> = {
  'now available': 'now-available',
  available: 'now-available',
  'coming soon': 'coming-soon'
}

/** A vocabulary key, or null: a label such as `Constructor` is not an `Object` property. */
function lookUp(vocabulary: Record<string, string>, label: string): string | null {
  return Object.hasOwn(vocabulary, label) ? vocabulary[label]! : null
}

/** Lower case, `&` as "and", punctuation and extra spaces dropped. */
function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `Type: X` and `Status: X` prefixes, in English. */
function splitPrefix(label: string): {prefix: 'type' | 'status' | null; rest: string} {
  const match = /^\s*(type|status)\s*:\s*/i.exec(label)
  if (!match) return {prefix: null, rest: label}
  return {prefix: match[1]!.toLowerCase() as 'type' | 'status', rest: label.slice(match[0].length)}
}

/** The part after a `Label:` prefix of a translated bullet (any language's colon). */
function afterColon(text: string): string {
  const match = /^[^:：]{1,40}[:：]\s*/.exec(text)
  return match ? text.slice(match[0].length) : text
}

/** Parts of a label joined by `/`, `|` or ` - `. */
function splitParts(label: string): string[] {
  return label
    .split(/[/|｜／]|\s[-–]\s/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** A bullet of the categories list, with its English where the page has it. */
export interface CategoryBullet {
  text: string
  en?: string
}

/** The categories and status an entry's bullets give. */
export interface ReadCategories {
  categories: Category[]
  status: Category | null
  /** English labels outside the vocabulary, for `category-unknown`. */
  unknown: string[]
}

/**
 * Keys the category bullets by their English label (closed vocabulary); a bullet
 * without English keeps its text and a null key.
 */
export function readCategories(bullets: CategoryBullet[]): ReadCategories {
  const result: ReadCategories = {categories: [], status: null, unknown: []}

  for (const bullet of bullets) {
    if (bullet.en === undefined) {
      result.categories.push({key: null, text: bullet.text})
      continue
    }

    const {prefix, rest} = splitPrefix(bullet.en)
    const text = prefix ? afterColon(bullet.text) : bullet.text

    if (prefix === 'status') {
      const key = lookUp(statusKeys, normalizeLabel(rest))
      result.status = {key, text, en: rest.trim()}
      continue
    }

    const englishParts = splitParts(rest)
    const translatedParts = splitParts(text)
    const aligned = translatedParts.length === englishParts.length
    englishParts.forEach((part, index) => {
      const key = lookUp(categoryKeys, normalizeLabel(part))
      if (key === null) result.unknown.push(part)
      result.categories.push({key, text: aligned ? translatedParts[index]! : text, en: part})
    })
  }

  return result
}
