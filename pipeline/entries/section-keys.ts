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

/** The normalised key of a section anchor (lower case; synonyms folded). */
export function sectionKey(anchor: string): string {
  const lower = anchor.toLowerCase()
  return synonyms[lower] ?? lower
}

/** Is this anchor one of the section names (so an H2 with only it is a sub-section)? */
export function isSectionAnchor(anchor: string): boolean {
  return Object.hasOwn(synonyms, anchor.toLowerCase())
}

/** A key from English heading text, for the rare section heading without an anchor. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
}
