import path from 'node:path'
import {compareCodePoints} from '../compare.js'
import {decodeText} from '../page/decode-text.js'
import {frontMatterString, readFrontMatter} from '../page/front-matter.js'
import {monthFromFileName} from '../page/page-name.js'
import type {Page} from './engine.js'

/**
 * Gives each plain page of a set its twin: an sxs page of the same month page and the same
 * English source commit (`ms.sourcegitcommit`), of the same locale where there is one,
 * else of any locale — every locale's pages are translations of one English page. Read
 * from the front matter only, before any page is parsed.
 */

interface Facts {
  page: Page
  month: string
  locale: string
  sourceCommit: string
  sxs: boolean
}

const segmentMarker = Buffer.from('<span data-ttu-id="')

function factsOf(page: Page): Facts | undefined {
  const month = monthFromFileName(path.posix.basename(page.name))
  if (!month) return undefined
  const decoded = decodeText(page.bytes)
  const frontMatter = readFrontMatter(decoded.text)
  if (!frontMatter.ok) return undefined
  const sourceCommit = frontMatterString(frontMatter.value.data, 'ms.sourcegitcommit')
  const locale = frontMatterString(frontMatter.value.data, 'ms.contentlocale')
  if (!sourceCommit || !locale) return undefined
  const sxs = Buffer.from(page.bytes.buffer, page.bytes.byteOffset, page.bytes.length).includes(
    segmentMarker
  )
  return {page, month, locale: locale.toLowerCase(), sourceCommit, sxs}
}

/** The pages, the plain ones with their twin where the set holds one. */
export function pairTwins(pages: readonly Page[], from: readonly Page[] = pages): Page[] {
  const known = new Map<Page, Facts | undefined>()
  const factsOfPage = (page: Page) => {
    if (!known.has(page)) known.set(page, factsOf(page))
    return known.get(page)
  }

  const twins = new Map<string, Facts[]>()
  for (const facts of from.map(factsOfPage)) {
    if (!facts?.sxs) continue
    const key = `${facts.month}\0${facts.sourceCommit}`
    twins.set(key, [...(twins.get(key) ?? []), facts])
  }

  return pages.map((page) => {
    const facts = factsOfPage(page)
    if (!facts || facts.sxs) return page
    const candidates = (twins.get(`${facts.month}\0${facts.sourceCommit}`) ?? []).sort(
      (a, b) =>
        Number(b.locale === facts.locale) - Number(a.locale === facts.locale) ||
        compareCodePoints(a.page.name, b.page.name)
    )
    const twin = candidates[0]?.page
    return twin ? {...page, twin: {name: twin.name, bytes: twin.bytes}} : page
  })
}
