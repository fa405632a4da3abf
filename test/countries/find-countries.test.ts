import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findCountries} from '../../pipeline/extract/countries/find-countries.js'
import {hasCorpus, headFolder} from '../helpers/corpus.js'
import {expectLinear} from '../helpers/growth.js'

function corpusLine(file: string, ...has: string[]): string {
  const line = readFileSync(path.join(headFolder, file), 'utf8')
    .split('\n')
    .find((l) => has.every((h) => l.includes(h)))
  if (line === undefined) throw new Error(`no line with ${has.join(', ')} in ${file}`)
  return line
}

/** Country codes with their matched text, the shape most assertions need. */
function codes(text: string, locale: string): [string, string][] {
  return findCountries(text, locale).countries.map((c) => [c.code, c.text])
}

describe('findCountries', () => {
  it.skipIf(!hasCorpus)('reads the real inline lists of 2020-november in every locale', () => {
    const expected = ['AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA']
    const lists: [string, string][] = [
      ['de-de', 'de-DE'],
      ['es-es', 'es-ES'],
      ['fr-fr', 'fr-FR'],
      ['ja-jp', 'ja-JP'],
      ['ru-ru', 'ru-RU'],
      ['zh-cn', 'zh-CN']
    ]
    for (const [folder, locale] of lists) {
      const line = corpusLine(`${folder}/live/2020-november.md`, '(AM)', '(UA)')
      const found = findCountries(line, locale)
      expect(
        found.countries.map((c) => c.code),
        locale
      ).toEqual(expected)
      expect(
        found.countries.every(
          (c) => c.via === 'name' && c.problem === null && /\([A-Z]{2}\)$/.test(c.text)
        )
      ).toBe(true)
      expect(found.unresolved, locale).toEqual([])
    }
  })

  it('reads lists joined by commas and a conjunction', () => {
    expect(
      codes('This offer is available in Canada, the United Kingdom, and the United States.', 'en')
    ).toEqual([
      ['CA', 'Canada'],
      ['GB', 'United Kingdom'],
      ['US', 'United States']
    ])
    // Real es/zh 2020-november sentences.
    expect(
      codes(
        'El conjunto completo está disponible en Canadá, Reino Unido y Estados Unidos.',
        'es-ES'
      )
    ).toEqual([
      ['CA', 'Canadá'],
      ['GB', 'Reino Unido'],
      ['US', 'Estados Unidos']
    ])
    expect(codes('完整套件在加拿大、英国和美国提供。', 'zh-CN')).toEqual([
      ['CA', '加拿大'],
      ['GB', '英国'],
      ['US', '美国']
    ])
    // Real de 2020-november: `dem Vereinigten Königreich` is inflected (dative), and the
    // capitalised short form `USA` names its country.
    expect(
      codes(
        'Die vollständige Suite ist in Kanada, dem Vereinigten Königreich und den USA verfügbar.',
        'de-DE'
      )
    ).toEqual([
      ['CA', 'Kanada'],
      ['GB', 'Vereinigten Königreich'],
      ['US', 'USA']
    ])
  })

  it('reads lists in locales the corpus does not have', () => {
    expect(
      codes('disponibile in Canada, Regno Unito e Stati Uniti', 'it-IT').map(([c]) => c)
    ).toEqual(['CA', 'GB', 'US'])
    expect(
      codes('disponível no Canadá, Reino Unido e Estados Unidos', 'pt-BR').map(([c]) => c)
    ).toEqual(['CA', 'GB', 'US'])
    expect(codes('Kanada, Wielka Brytania, Stany Zjednoczone', 'pl-PL').map(([c]) => c)).toEqual([
      'CA',
      'GB',
      'US'
    ])
    // Korean glues particles onto names and codes onto names.
    expect(codes('아르메니아(AM), 아제르바이잔(AZ), 벨라루스(BY)', 'ko-KR')).toEqual([
      ['AM', '아르메니아(AM)'],
      ['AZ', '아제르바이잔(AZ)'],
      ['BY', '벨라루스(BY)']
    ])
    expect(codes('미국에서 사용할 수 있습니다', 'ko-KR')).toEqual([['US', '미국']])
  })

  it.skipIf(!hasCorpus)('reads the long mojibake country list of 2020-december', () => {
    const sxs = corpusLine('fr-fr/live-sxs/2020-december.md', 'Allowed Countries:')
    const english = /data-stu-id="[^"]*">(Allowed Countries:[^<]*)/.exec(sxs)![1]!
    const found = findCountries(english, 'en')
    expect(found.countries).toHaveLength(242)
    expect(new Set(found.countries.map((c) => c.code)).size).toBe(242)
    expect(found.countries.filter((c) => /Ã|â€/.test(c.text)).map((c) => [c.code, c.text])).toEqual(
      [
        ['ST', 'SÃ£o TomÃ© and PrÃ­ncipe'],
        ['AX', 'Ã…land Islands'],
        ['BL', 'Saint BarthÃ©lemy'],
        ['RE', 'RÃ©union'],
        ['CW', 'CuraÃ§ao'],
        ['CI', 'CÃ´te dâ€™Ivoire']
      ]
    )
    expect(found.countries.find((c) => c.code === 'BQ')?.text).toBe(
      'Bonaire, Sint Eustatius and Saba'
    )
    for (const c of found.countries) expect(english.slice(c.start, c.end)).toBe(c.text)
    // Old and misspelt names are read by a word only one country's names hold: `Macedonia`
    // (North Macedonia), `Palestinian`, `Heard And Mc Donald Islands` (`donald` ends
    // `McDonald`).
    const named = (code: string) => found.countries.filter((c) => c.code === code)
    expect(named('MK').map((c) => c.text)).toEqual(['Macedonia'])
    expect(named('PS').map((c) => c.text)).toEqual(['Palestinian Territory'])
    expect(named('HM').map((c) => c.text)).toEqual(['Heard And Mc Donald Islands'])
    // Left, and reported: names that are not ISO 3166-1 entries (Ascension, Tristan da
    // Cunha), one no name list holds (Swaziland), and the remainders of names cut at their
    // comma (`Occupied`, `FYRO`).
    expect(found.unresolved.map((u) => u.text)).toEqual([
      'Swaziland',
      'Ascension',
      'Tristan da Cunha',
      'Occupied',
      'FYRO'
    ])

    const german = corpusLine('de-de/live/2020-december.md', 'Zulässige Länder:')
    const de = findCountries(german, 'de-DE')
    expect(de.countries.find((c) => c.code === 'AX')?.text).toBe('Ã...landinseln')
    // `Mazedonien` ends CLDR's `Nordmazedonien`; `Palästinensische` and `Eustatius` are
    // words of one country's names (PS; BQ, also read from `Bonaire` before the comma).
    for (const [code, text] of [
      ['MK', 'Mazedonien (ehemalige jugoslawische Republik)'],
      ['PS', 'Palästinensische Gebiete'],
      ['HM', 'Heard und McDonaldinseln'],
      ['BQ', 'Sint Eustatius und Saba']
    ]) {
      expect(de.countries.find((c) => c.text === text)?.code, text).toBe(code)
    }

    expect(de.unresolved.map((u) => u.text)).toEqual([
      'Swasiland',
      'Ascension',
      'Tristan da Cunha',
      'besetzt'
    ])
  })

  it('runs in linear time on hostile input', () => {
    const shapes: Array<[(size: number) => string, number]> = [
      [(size) => 'Armenia (AM), '.repeat(size), 4_000],
      [(size) => 'a'.repeat(size), 100_000],
      [(size) => '((((('.repeat(size), 20_000]
    ]
    for (const [shape, size] of shapes) {
      expectLinear((larger) => {
        const text = shape(larger)
        return () => findCountries(text, 'en')
      }, size)
    }
  })
})
