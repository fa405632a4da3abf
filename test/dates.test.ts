import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findDates, isDateLine, type FoundDate} from '../pipeline/extract/dates/parse-date.js'

const isoOf = (text: string, locale: string): (string | null)[] =>
  findDates(text, locale).map((d) => d.iso)

const only = (text: string, locale: string): FoundDate => {
  const dates = findDates(text, locale)
  expect(dates).toHaveLength(1)
  return dates[0]!
}

const NBSP = '\u00a0'
const NNBSP = '\u202f'

describe('findDates: forms seen in the corpus', () => {
  it.each([
    ['Date: 2020-11-24', 'en-US', '2020-11-24'],
    ['Date: 2020-12-8', 'en-US', '2020-12-08'],
    ['Date 2020-11-18', 'en-US', '2020-11-18'],
    ['Date: February 12, 2021', 'en-US', '2021-02-12'],
    ['Feb 4, 2020: Announcement updated', 'en-US', '2020-02-04'],
    ['As of Sept 22 2020, Partners can start downloading', 'en-US', '2020-09-22'],
    ['Date : 24/11/2020', 'fr-FR', '2020-11-24'],
    ['Date : 03-08-2020', 'fr-FR', '2020-08-03'],
    ['Date : 08/09-2020', 'fr-FR', '2020-09-08'],
    ['Date : 5 février 2021', 'fr-FR', '2021-02-05'],
    ['À compter du 1er avril 2020 :', 'fr-FR', '2020-04-01'],
    [`Date${NNBSP}: 24/11/2020`, 'fr-FR', '2020-11-24'],
    ['Datum: 04.08.2020', 'de-DE', '2020-08-04'],
    ['31. Januar 2020', 'de-DE', '2020-01-31'],
    [`Datum:${NBSP}12.${NBSP}Februar${NBSP}2021`, 'de-DE', '2021-02-12'],
    ['3\\. April 2020: Ursprüngliche Ankündigung.', 'de-DE', '2020-04-03'],
    ['Fecha: 12 de febrero de 2021', 'es-ES', '2021-02-12'],
    ['Fecha: 22-12-2020', 'es-ES', '2020-12-22'],
    ['Дата: 5 февраля 2021 г.', 'ru-RU', '2021-02-05'],
    ['Дата: 25.02.2021', 'ru-RU', '2021-02-25'],
    ['2020. 11. 18. dátum', 'hu-HU', '2020-11-18'],
    ['日付:2020 年 11 月 24 日', 'ja-JP', '2020-11-24'],
    ['日付:2020-11-2', 'ja-JP', '2020-11-02'],
    ['日期：2020-11-24', 'zh-CN', '2020-11-24'],
    ['日期：２０２０－１１－２４', 'zh-CN', '2020-11-24'],
    ['日期:2021 年 5 月 17 日', 'zh-CN', '2021-05-17'],
    ['날짜: 2020년 11월 24일', 'ko-KR', '2020-11-24']
  ])('%s (%s) → %s', (text, locale, iso) => {
    expect(isoOf(text, locale)).toEqual([iso])
  })

  it('finds both dates of an updated entry, in order', () => {
    expect(isoOf('Date: 2021-05-03, updated 2021-05-07', 'en-US')).toEqual([
      '2021-05-03',
      '2021-05-07'
    ])
    expect(isoOf('Date : 03/05/2021, mise à jour le 07/05/2021', 'fr-FR')).toEqual([
      '2021-05-03',
      '2021-05-07'
    ])
    expect(isoOf('Дата: 17.11.2020 г., обновлено 19.11.2020 г.', 'ru-RU')).toEqual([
      '2020-11-17',
      '2020-11-19'
    ])
    expect(isoOf('日付: 2021 年 5 月 3 日、2021 年 5 月 7 日更新', 'ja-JP')).toEqual([
      '2021-05-03',
      '2021-05-07'
    ])
    expect(isoOf('日期：2021-05-04，于 2021-05-07 更新', 'zh-CN')).toEqual([
      '2021-05-04',
      '2021-05-07'
    ])
  })

  it('reports offsets in the original string, around NBSP and fullwidth characters', () => {
    const de = `Datum:${NBSP}12.${NBSP}Februar${NBSP}2021`
    const d = only(de, 'de-DE')
    expect(de.slice(d.start, d.end)).toBe(`12.${NBSP}Februar${NBSP}2021`)

    const zh = '日期：２０２０－１１－２４ 更新'
    const z = only(zh, 'zh-CN')
    expect([z.start, z.end]).toEqual([3, 13])

    const ru = 'Дата: 5 февраля 2021 г., обновлено'
    const r = only(ru, 'ru-RU')
    expect(ru.slice(r.start, r.end)).toBe('5 февраля 2021 г.')

    // Decomposed é: NFKC composes it, the offsets must still count both code units.
    const fr = 'Mise a jour 5 fe\u0301vrier 2021 !'
    const f = only(fr, 'fr-FR')
    expect(fr.slice(f.start, f.end)).toBe('5 fe\u0301vrier 2021')
    expect(f.iso).toBe('2021-02-05')
  })

  it('reads the parts as written', () => {
    expect(only('Date : 1er avril 2020', 'fr-FR')).toMatchObject({
      year: 2020,
      month: 4,
      day: 1,
      order: 'month-name'
    })
  })
})

describe('findDates: day/month order', () => {
  it('always reads year-first numeric dates as Y-M-D', () => {
    for (const locale of ['en-US', 'fr-FR', 'de-DE', 'ja-JP', 'hu-HU']) {
      expect(only('2020-04-08', locale)).toMatchObject({iso: '2020-04-08', order: 'year-first'})
    }
  })

  it('follows the CLDR field order of the locale when both numbers are ≤ 12', () => {
    expect(only('04.08.2020', 'de-DE')).toMatchObject({iso: '2020-08-04', order: 'locale-order'})
    expect(only('04/08/2020', 'en-US')).toMatchObject({iso: '2020-04-08', order: 'locale-order'})
    expect(only('04/08/2020', 'en-GB')).toMatchObject({iso: '2020-08-04', order: 'locale-order'})
    expect(only('04/08/2020', 'pt-BR')).toMatchObject({iso: '2020-08-04', order: 'locale-order'})
    expect(only('04-08-2020', 'nl-NL')).toMatchObject({iso: '2020-08-04', order: 'locale-order'})
  })

  it('lets a number above 12 decide', () => {
    expect(only('24/11/2020', 'fr-FR')).toMatchObject({iso: '2020-11-24', order: 'unambiguous'})
    expect(only('11/24/2020', 'en-US')).toMatchObject({iso: '2020-11-24', order: 'unambiguous'})
    expect(only('05/05/2021', 'fr-FR')).toMatchObject({iso: '2021-05-05', order: 'unambiguous'})
  })

  it('takes the only valid reading when the numbers contradict the locale order', () => {
    expect(only('04.13.2020', 'de-DE')).toMatchObject({
      iso: '2020-04-13',
      month: 4,
      day: 13,
      order: 'locale-order-contradicted'
    })
    expect(only('24/11/2020', 'en-US')).toMatchObject({
      iso: '2020-11-24',
      order: 'locale-order-contradicted'
    })
  })
})

describe('findDates: locales absent from the corpus', () => {
  it.each([
    ['Data: 12 de fevereiro de 2021', 'pt-BR', '2021-02-12'],
    ['Data: 12/02/2021', 'pt-BR', '2021-02-12'],
    ['Data: 12 lutego 2021', 'pl-PL', '2021-02-12'],
    ['Data: 12 febbraio 2021', 'it-IT', '2021-02-12'],
    ['Datum: 12 februari 2021', 'nl-NL', '2021-02-12'],
    ['Datum: 12 februari 2021', 'sv-SE', '2021-02-12'],
    ['Datum: 12. února 2021', 'cs-CZ', '2021-02-12'],
    ['Tarih: 12 Şubat 2021', 'tr-TR', '2021-02-12'],
    ['Dátum: 2021. február 12.', 'hu-HU', '2021-02-12'],
    ['날짜: 2021. 2. 12.', 'ko-KR', '2021-02-12'],
    ['2021년 2월 12일', 'ko-KR', '2021-02-12'],
    ['日期：2021年2月12日', 'zh-TW', '2021-02-12'],
    ['Data: 2021 m. vasario 12 d.', 'lt-LT', '2021-02-12'],
    ['Datums: 2021. gada 12. februāris', 'lv-LV', '2021-02-12'],
    ['Date: 12 February 2021', 'it-IT', '2021-02-12']
  ])('%s (%s) → %s', (text, locale, iso) => {
    expect(isoOf(text, locale)).toEqual([iso])
  })
})

describe('findDates: impossible and non-dates', () => {
  it('returns impossible dates with iso null', () => {
    expect(only('Date: 2021-03-33', 'en-US')).toMatchObject({
      iso: null,
      year: 2021,
      month: 3,
      day: 33
    })
    expect(only('Date: 2021-13-01', 'en-US')).toMatchObject({iso: null, month: 13, day: 1})
    expect(only('30 février 2021', 'fr-FR')).toMatchObject({iso: null, month: 2, day: 30})
    expect(only('29.02.2021', 'de-DE').iso).toBeNull()
    expect(only('29.02.2020', 'de-DE').iso).toBe('2020-02-29')
    expect(only('13/13/2021', 'fr-FR').iso).toBeNull()
  })

  it('ignores two-digit years and years outside 1990–2099', () => {
    expect(findDates('Dynamics CSP Offers 1-1-20', 'en-US')).toEqual([])
    expect(findDates('24/11/20', 'fr-FR')).toEqual([])
    expect(findDates('1899-01-01 and 2100-01-01', 'en-US')).toEqual([])
  })

  it('ignores numbers inside versions, GUIDs, longer digit runs and prices', () => {
    expect(findDates('.NET SDK v1.16.2, Microsoft.Store.PartnerCenter 1.17.0', 'en-US')).toEqual([])
    expect(findDates('build 10.0.2004', 'en-US')).toEqual([])
    expect(findDates('id 3f2504e0-2020-11-24-9a0c-0305e82c3301', 'en-US')).toEqual([])
    expect(findDates('12020-11-24 and 2020-11-245', 'en-US')).toEqual([])
    expect(findDates('1.2020-11-24', 'en-US')).toEqual([])
    expect(findDates('costs $12.05.2021', 'en-US')).toEqual([])
    expect(findDates('Starting November 18, Partner Center will roll out', 'en-US')).toEqual([])
  })
})

describe('isDateLine', () => {
  it.each([
    ['Date: 2020-11-24', 'en-US'],
    ['Date: 2021-05-03, updated 2021-05-07', 'en-US'],
    ['Date : 24/11/2020', 'fr-FR'],
    ['Date : 03/05/2021, mise à jour le 07/05/2021', 'fr-FR'],
    ['Fecha: 03/05/2021, con actualización del 07/05/2021', 'es-ES'],
    ['Datum: 04.08.2020', 'de-DE'],
    ['日付:2020 年 11 月 24 日', 'ja-JP'],
    ['日付: 2021 年 5 月 3 日、2021 年 5 月 7 日更新', 'ja-JP'],
    ['日期：2020-11-24', 'zh-CN'],
    ['2020. 11. 18. dátum', 'hu-HU'],
    ['Дата: 5 февраля 2021 г.', 'ru-RU']
  ])('%s (%s) is a date line', (text, locale) => {
    expect(isDateLine(text, locale)).toBe(true)
  })

  it('rejects sentences that merely mention a date', () => {
    const sentence =
      'Starting November 18, Partner Center will begin to roll out the new experience for all partners.'
    expect(isDateLine(sentence, 'en-US')).toBe(false)
    expect(
      isDateLine('On May 4, 2020 (12:01am UTC), Microsoft will introduce new promotions.', 'en-US')
    ).toBe(false)
    expect(
      isDateLine(
        'パートナー センターは 2021 年 3 月 1 日から新しいエクスペリエンスを展開します。',
        'ja-JP'
      )
    ).toBe(false)
    expect(isDateLine('Type: Capabilities', 'en-US')).toBe(false)
  })
})

const corpusHead = path.resolve(import.meta.dirname, '../../shared/corpus/head')
const hasCorpus = fs.existsSync(corpusHead)

// Segments are plain text in date lines; [^<]* keeps the match linear.
const SXS_SEGMENT =
  /<span data-ttu-id="[^"]*">([^<]*)<\/span><span class="sxs-lookup"><span data-stu-id="[^"]*">([^<]*)<\/span><\/span>/g

interface Disagreement {
  file: string
  translated: string
  english: string
  got: (string | null)[]
  expected: (string | null)[]
}

function compareSxsCategories(): {agree: number; disagree: Disagreement[]} {
  let agree = 0
  const disagree: Disagreement[] = []
  for (const folder of fs.readdirSync(corpusHead)) {
    const sxs = path.join(corpusHead, folder, 'live-sxs')
    if (!fs.existsSync(sxs)) continue
    for (const name of fs.readdirSync(sxs).filter((n) => n.endsWith('.md'))) {
      const file = path.join(sxs, name)
      const source = fs.readFileSync(file, 'utf8')
      const locale = /^ms\.contentlocale:\s*(\S+)\s*$/m.exec(source)?.[1]
      if (!locale) continue // TOC.md has no front matter
      let inCategories = false
      for (const line of source.split('\n')) {
        if (line.startsWith('#')) {
          inCategories = line.includes('name="categories"')
          continue
        }
        if (!inCategories || !/^\s*[-*+]\s/.test(line)) continue
        for (const [, translated = '', english = ''] of line.matchAll(SXS_SEGMENT)) {
          const expected = isoOf(english, 'en-US')
          if (expected.length === 0) continue
          const got = isoOf(translated, locale)
          if (JSON.stringify(got) === JSON.stringify(expected)) agree++
          else
            disagree.push({
              file: path.relative(corpusHead, file),
              translated,
              english,
              got,
              expected
            })
        }
      }
    }
  }
  return {agree, disagree}
}

describe('corpus', () => {
  if (!hasCorpus) {
    it.skip(`sxs categories dates agree with English (corpus absent: ${corpusHead})`, () => {})
    return
  }
  it('reads the same date on both sides of every sxs categories bullet', () => {
    const {agree, disagree} = compareSxsCategories()
    console.log(`sxs categories dates: ${agree} agree, ${disagree.length} disagree`)
    expect(agree).toBeGreaterThan(1000)
    expect(disagree).toEqual([])
  })
})
