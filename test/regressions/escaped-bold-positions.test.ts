import {expect, it} from 'vitest'
import {splitSegments, viewToSource} from '../../pipeline/page/split-segments.js'

// sxs writes the opening `**` of bold as `\*\*` inside segments and the view has `**`:
// view offsets after it were mapped two characters too far into the source, so
// messages about text after bold pointed at the wrong column.
it('maps view offsets after an escaped bold to the same character in the source', () => {
  const source =
    'A <span data-ttu-id="1">\\*\\*gras** puis **x</span><span class="sxs-lookup"><span data-stu-id="1">\\*\\*bold** then **x</span></span> B'
  const split = splitSegments(source)
  expect(split.view).toBe('A **gras** puis **x B')
  for (let offset = 0; offset < split.view.length; offset++) {
    expect(source[viewToSource(split, offset)], `offset ${offset}`).toBe(split.view[offset])
  }
  expect(viewToSource(split, split.view.indexOf('puis'))).toBe(source.indexOf('puis'))
})
