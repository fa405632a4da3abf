/**
 * What the sentence around a place says it is for. Announcements are written in English and
 * translated, and herald reads the English wherever the page (or its twin) has it, so the
 * cues are English words; text without English gets none of them and falls back to the
 * structural rules (sections, lists, currencies, languages, names).
 */

/** Contact and support routing: where to ask, not where the announcement applies. */
const supportCue =
  /\b(?:contact(?:s|ing)?|e-?mail(?:ing)?|reach out|get in touch|write to|call (?:us|your)|support (?:team|desk|alias)|operations? cent(?:er|re)s?|help ?desk)\b/i

/** History: what already held before this announcement. */
const historyCue =
  /\b(?:previously|already (?:been|available|onboarded|live)|were (?:first )?(?:made )?available|was (?:first )?(?:made )?available|had been|in the past)\b/i

/** An exclusion: everything named after it is not in scope. */
const exclusionCue =
  /\b(?:except(?:ing| for)?|excluding|excluded|exclusion of|other than|not (?:be |yet |currently )?(?:available|supported|offered|sold|launch(?:ing|ed)?|included)|(?:aren|isn|won|wasn|weren)['’]t (?:be )?(?:currently |yet )?(?:available|supported|offered|sold|included)|unavailable|unsupported|removed|no longer (?:available|supported|sold))\b/i

/** Words that make one place in a sentence a scope, not a passing mention. */
const scopeCue =
  /\b(?:available|availability|launch(?:es|ed|ing)?|restricted|limited|only|exclusive(?:ly)?|customers?|partners?|sold|sell|purchase|markets?|price|pricing|prices|tax|vat|law|regulat\w*|billing|coming soon|expand\w*|introduc\w*|release[sd]?|rolls? out|rollout|post ?codes?|residents?|entities|organi[sz]ations?|offer(?:s|ed)?)\b/i

/** Whether a sentence routes questions to contacts. */
export function isSupportRouting(sentence: string): boolean {
  return supportCue.test(sentence)
}

/** Whether a sentence tells what held before. */
export function isHistory(sentence: string): boolean {
  return historyCue.test(sentence)
}

/** Where an exclusion starts in a sentence, or -1. */
export function exclusionStart(sentence: string): number {
  return sentence.search(exclusionCue)
}

/** Whether a sentence says what one place it names is for. */
export function hasScopeCue(sentence: string): boolean {
  return scopeCue.test(sentence)
}
