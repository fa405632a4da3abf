/**
 * The dashes translation writes where an identifier had an ASCII hyphen: the hyphen itself,
 * U+2010–U+2015 (hyphens, en and em dashes), the minus sign, and the small and full-width
 * hyphen-minus. Written as the inside of a regex character class, for both identifier finders.
 */
export const dashClass = '\\-\\u2010-\\u2015\\u2212\\ufe63\\uff0d'
