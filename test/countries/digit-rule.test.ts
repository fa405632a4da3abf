import {describe, expect, it} from 'vitest'
import {parseDigitRule} from '../../pipeline/extract/countries/digit-rule.js'

describe('parseDigitRule', () => {
  it.each([
    ['8 or 10 digits', 'en', [8, 10]],
    ['6, 7, 8, or 13 digits', 'en', [6, 7, 8, 13]],
    ['9 digits', 'en', [9]],
    // Real cells of the 2020-11 table.
    ['8 oder 10 Stellen', 'de-DE', [8, 10]],
    ['6, 7, 8 oder 13 Stellen', 'de-DE', [6, 7, 8, 13]],
    ['10 u 11 dígitos', 'es-ES', [10, 11]],
    ['8 ou 10 chiffres', 'fr-FR', [8, 10]],
    ['6、7、8、または 13 桁', 'ja-JP', [6, 7, 8, 13]],
    ['9, 10 или 12 цифр', 'ru-RU', [9, 10, 12]],
    ['9、10 或 12 位数', 'zh-CN', [9, 10, 12]],
    ['１４ 桁', 'ja-JP', [14]],
    ['10, 8 or 10 digits', 'en', [8, 10]]
  ])('%s (%s)', (text, locale, digits) => {
    expect(parseDigitRule(text, locale)?.digits).toEqual(digits)
  })

  it('builds an anchored pattern for exactly those lengths', () => {
    expect(parseDigitRule('8 or 10 digits', 'en')?.pattern).toBe('^(?:\\d{8}|\\d{10})$')
    expect(parseDigitRule('9 digits', 'en')?.pattern).toBe('^\\d{9}$')
    const pattern = new RegExp(parseDigitRule('6、7、8、または 13 桁', 'ja-JP')!.pattern)
    expect(['123456', '1234567', '12345678', '1234567890123'].every((id) => pattern.test(id))).toBe(
      true
    )
    expect(
      ['12345', '123456789', '12345678901234', '1234567A', ' 123456'].some((id) => pattern.test(id))
    ).toBe(false)
  })

  it('returns null without a length', () => {
    expect(parseDigitRule('digits', 'en')).toBeNull()
    expect(parseDigitRule('0 or 100 digits', 'en')).toBeNull()
  })
})
