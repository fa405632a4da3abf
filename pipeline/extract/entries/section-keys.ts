/**
 * Section keys are the English anchors of the headings under an entry. A few anchors
 * are spelled several ways across pages; they are normalised to one key and the raw
 * anchor is kept beside it. The same vocabulary tells a promoted sub-section (an H2
 * whose only anchor is a section name) from an entry.
 */
const synonyms: Record<string, string> = {
  summary: 'summary',
  categories: 'categories',
  'impacted-audience': 'impacted-audience',
  'affected-audience': 'impacted-audience',
  details: 'details',
  'next-steps': 'next-steps',
  'next-steps-and-resources': 'next-steps',
  'next-stepsadditional-resources': 'next-steps',
  questions: 'questions',
  'partner-benefits': 'partner-benefits',
  partnerbenefits: 'partner-benefits',
  faq: 'faq',
  faqs: 'faq',
  'frequently-asked-questions': 'faq',
  'change-log': 'change-log',
  changelog: 'change-log',
  'additional-resources': 'additional-resources',
  resources: 'additional-resources',
  'offer-details': 'offer-details'
}

/**
 * The normalised key of a section anchor (lower case; synonyms folded), in the alphabet
 * of dataset keys: `a-z`, `0-9` and `-`, not starting with `-`. Empty when nothing is left.
 */
export function sectionKey(anchor: string): string {
  const lower = anchor.toLowerCase()
  // `hasOwn`: an anchor named `constructor` or `__proto__` is not in the vocabulary.
  if (Object.hasOwn(synonyms, lower)) return synonyms[lower]!
  return withoutLeadingDashes(withoutAccents(lower).replace(/[^a-z0-9-]+/g, '-'))
}

function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
}

function withoutLeadingDashes(key: string): string {
  let start = 0
  while (key[start] === '-') start++
  return key.slice(start)
}

/** Is this anchor one of the section names (so an H2 with only it is a sub-section)? */
export function isSectionAnchor(anchor: string): boolean {
  return Object.hasOwn(synonyms, anchor.toLowerCase())
}

/** A key from English text, for a section heading without an anchor or a table column. */
export function slugify(text: string): string {
  return withoutLeadingDashes(
    withoutAccents(text.toLowerCase())
      .replace(/[^a-z0-9\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
  )
}
