// The bare parser Herald builds on, as a whole process: unified + remark-parse +
// remark-gfm over every Markdown file under the folder given, each file its own document.
import fs from 'node:fs'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

function markdownFiles(folder) {
  return fs
    .readdirSync(folder, {withFileTypes: true})
    .flatMap((entry) =>
      entry.isDirectory()
        ? markdownFiles(path.join(folder, entry.name))
        : entry.name.endsWith('.md')
          ? [path.join(folder, entry.name)]
          : []
    )
}

const processor = unified().use(remarkParse).use(remarkGfm)
for (const file of markdownFiles(process.argv[2])) {
  processor.runSync(processor.parse(fs.readFileSync(file, 'utf8')))
}
