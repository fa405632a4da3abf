import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'
import {validateRecords} from '../../pipeline/datasets/validate.js'

// Vocabularies were plain objects read with `vocabulary[label] ?? fallback`: a section
// anchor `constructor` or `__proto__` found `Object` or `Object.prototype` there, keyed
// the section "function Object() { [native code] }" or "[object Object]", and the
// invalid entries.json made the whole build write nothing.
it('keys sections and categories named like Object properties as plain words', () => {
  const text = [
    '---',
    'ms.contentlocale: en-US',
    '---',
    '## <a name="slug-one"></a>Title',
    '',
    '### <a name="categories"></a>Categories',
    '',
    '- Date: 2020-11-24',
    '- Constructor',
    '',
    '### <a name="constructor"></a>Constructor',
    '',
    'One.',
    '',
    '### <a name="__proto__"></a>Prototype',
    '',
    'Two.',
    ''
  ].join('\n')
  const [entry] = processPage('en-us/2020-november.md', Buffer.from(text)).entries
  expect(Object.keys(entry!.sections)).toEqual(['categories', 'constructor', 'proto-'])
  expect(entry!.categories).toEqual([{key: null, text: 'Constructor'}])
  expect(validateRecords('entries', [entry])).toBeUndefined()
})
