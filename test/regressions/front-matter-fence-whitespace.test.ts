import {expect, it} from 'vitest'
import {readFrontMatter} from '../../pipeline/page/front-matter.js'

// A `---` fence with trailing spaces (editors leave them; Jekyll and DocFX accept them)
// was not front matter: the page failed for its missing locale. And any line starting
// with `---` (a `-----` rule) closed the front matter.
it('accepts fences with trailing whitespace, and only `---` lines as fences', () => {
  expect(readFrontMatter('--- \nms.contentlocale: fr-FR\n---\t\n# Title\n')).toEqual({
    ok: true,
    value: {end: 34, data: {'ms.contentlocale': 'fr-FR'}}
  })
  // Unclosed, with a `-----` rule further down: not a front matter up to the rule (which
  // swallowed the H1 as a YAML comment), but one that is never closed.
  expect(readFrontMatter('---\nms.contentlocale: fr-FR\n\n# Titre\n\n-----\n')).toEqual({
    ok: false,
    reason: 'Front matter opened with `---` is never closed',
    line: 1
  })
  expect(readFrontMatter('---\n---')).toEqual({ok: true, value: {end: 7, data: {}}})
})
