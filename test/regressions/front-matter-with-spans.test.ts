import {expect, it} from 'vitest'
import {processPage} from '../../pipeline/engine/process-page.js'

// Span markup in the front matter (a translated title) was split as a segment: the view
// got shorter than the source, the front matter was blanked up to its source offset —
// into the body — and the page's first H2 vanished without a message.
it('keeps the body whole when the front matter holds span markup', () => {
  const title =
    '<span data-ttu-id="t-1">Annonces</span><span class="sxs-lookup"><span data-stu-id="t-1">Announcements</span></span>'
  const text = `---\ntitle: ${title}\nms.contentlocale: fr-FR\n---\n## <a name="slug-one"></a>Titre\n\n### <a name="categories"></a>Catégories\n\n- Date : 24/11/2020\n`
  const result = processPage('fr-fr/2020-november.md', Buffer.from(text))
  expect(result.report).toMatchObject({
    status: 'processed',
    flavour: 'plain',
    headings: 1,
    entries: 1
  })
  expect(result.entries.map((entry) => [entry.key, entry.date])).toEqual([
    ['2020-11/slug-one', '2020-11-24']
  ])
})
