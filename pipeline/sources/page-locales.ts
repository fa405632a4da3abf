import path from 'node:path'
import {compareCodePoints} from '../compare.js'
import type {Page} from '../engine/engine.js'
import {decodeText} from '../page/decode-text.js'
import {frontMatterString, readFrontMatter} from '../page/front-matter.js'
import {monthFromFileName} from '../page/page-name.js'

/**
 * The locales the month pages of a source say they are in (`ms.contentlocale`), so that a
 * config whose `locale` names another language than its docs is caught before anything
 * is written: a French folder filled with Japanese pages is a mistake, not data.
 */

/** The same tag whatever its case (`fr-fr`, `fr-FR`); undefined where it is no tag. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0]
  } catch {
    return undefined
  }
}

/**
 * The month pages whose `ms.contentlocale` is another locale than `locale`, by locale.
 * Pages without one, or with one that is no tag, are left to the build, which reports them.
 */
export function pagesOfOtherLocales(pages: readonly Page[], locale: string): Map<string, string[]> {
  const expected = canonicalLocale(locale)
  const others = new Map<string, string[]>()
  for (const page of pages) {
    if (!monthFromFileName(path.posix.basename(page.name))) continue
    const frontMatter = readFrontMatter(decodeText(page.bytes).text)
    if (!frontMatter.ok) continue
    const given = frontMatterString(frontMatter.value.data, 'ms.contentlocale')
    const found = given === undefined ? undefined : canonicalLocale(given)
    if (found === undefined || found === expected) continue
    others.set(found, [...(others.get(found) ?? []), page.name].sort(compareCodePoints))
  }

  return others
}
