import {expect, it} from 'vitest'
import {englishOf, splitSegments} from '../../pipeline/page/split-segments.js'

// A segment whose translation is empty takes no room in the view; at either end of a
// range its English was dropped (a title `<a name="x"></a>` + empty segment had no
// English title).
it('keeps the English of an empty translation at either end of a range', () => {
  const empty = (id: string, english: string) =>
    `<span data-ttu-id="${id}"></span><span class="sxs-lookup"><span data-stu-id="${id}">${english}</span></span>`
  const split = splitSegments(`${empty('1', 'Start')}Milieu${empty('2', 'End')}`)
  expect(split.view).toBe('Milieu')
  expect(englishOf(split, 0, 6)).toBe('StartMilieuEnd')
  expect(englishOf(splitSegments(empty('3', 'Only')), 0, 0)).toBe('Only')
})
