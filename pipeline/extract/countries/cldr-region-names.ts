/**
 * CLDR's names of regions (countries and groups such as `419` Latin America) in a locale,
 * through Intl, with no fallback to the code: a missing name must read as missing.
 */
export function regionDisplayNames(
  locale: string,
  style: 'long' | 'short' | 'narrow'
): Intl.DisplayNames {
  try {
    return new Intl.DisplayNames(locale, {type: 'region', style, fallback: 'none'})
  } catch {
    // A malformed locale tag must not make identification fail: English still names everything.
    return new Intl.DisplayNames('en', {type: 'region', style, fallback: 'none'})
  }
}
