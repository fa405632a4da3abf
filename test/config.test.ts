import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readConfig} from '../pipeline/config/read-config.js'
import {ConfigError} from '../pipeline/errors.js'
import {runCli} from './helpers/run-cli.js'
import {root, scratchFolder} from './helpers/scratch.js'

/**
 * `herald.config.json`: checked against its schema and for folders that would replace
 * one another; every mistake is a message that names the file, the field, what is wrong
 * and what to do, and stops the run before anything is read or written.
 */

const good = {
  sources: [
    {docs: 'docs/fr', ref: 'live', locale: 'fr-fr', out: 'data/fr-fr'},
    {
      docs: 'https://github.com/MicrosoftDocs/partner-center-pr.ja-jp',
      locale: 'ja-JP',
      out: 'data/ja-jp'
    }
  ],
  catalog: {out: 'data/catalog'}
}

/** A config file holding `content` (JSON of it, unless a string), in a folder of its own. */
function configFile(content: unknown): string {
  const file = path.join(scratchFolder('herald-config-'), 'herald.config.json')
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

/** The message of the ConfigError that reading `content` throws. */
function problem(content: unknown): string {
  const file = configFile(content)
  try {
    readConfig(file)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    // Every message starts with the file it is about.
    expect(message.startsWith(file)).toBe(true)
    return message.slice(file.length)
  }

  throw new Error('the config was read without a problem')
}

/** `good` with one source changed by `change`. */
function withSource(index: number, change: (source: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(good) as {sources: Array<Record<string, unknown>>}
  change(copy.sources[index]!)
  return copy
}

describe('reading herald.config.json', () => {
  it('resolves the paths from the folder of the file, and keeps URLs as they are', () => {
    const file = configFile({
      $schema: 'https://herald.dev/schemas/v2/herald-config.schema.json',
      ...good
    })
    const folder = path.dirname(file)
    const config = readConfig(file)
    expect(config.sources).toEqual([
      {
        field: 'sources[0]',
        docs: path.join(folder, 'docs/fr'),
        ref: 'live',
        locale: 'fr-fr',
        out: path.join(folder, 'data/fr-fr'),
        shown: 'data/fr-fr'
      },
      {
        field: 'sources[1]',
        docs: 'https://github.com/MicrosoftDocs/partner-center-pr.ja-jp',
        locale: 'ja-JP',
        out: path.join(folder, 'data/ja-jp'),
        shown: 'data/ja-jp'
      }
    ])
    expect(config.catalog).toEqual({out: path.join(folder, 'data/catalog'), shown: 'data/catalog'})
  })

  it('a missing file: says to write one, or to give --config or --docs', () => {
    const file = path.join(scratchFolder(), 'herald.config.json')
    expect(() => readConfig(file)).toThrow(
      `No config file \`${file}\`: write one (its schema: \`herald schema herald-config\`), ` +
        'give --config FILE, or regenerate one source with --docs SRC --out DIR'
    )
  })

  it('JSON that does not parse', () => {
    expect(problem('{"sources": [}')).toMatch(/^ is not valid JSON: .+; fix the JSON$/)
  })

  it('a missing field: which one, where, and what it is', () => {
    expect(problem(withSource(1, (source) => delete source.locale))).toBe(
      ': sources[1].locale is missing: add it: The locale of the pages (`fr-fr`, `ja-JP`), a ' +
        'BCP 47 tag, compared without regard to case with their `ms.contentlocale`: a source ' +
        'whose pages are of another locale is refused.'
    )
    expect(problem({sources: good.sources})).toMatch(
      /^: catalog is missing: add it: Where the catalog/
    )
  })

  it('an unknown field (a typo): the fields there are', () => {
    expect(problem(withSource(0, (source) => (source.branch = 'live')))).toBe(
      ': sources[0] has a field `branch` that Herald does not know (a typo?): the fields are ' +
        '`docs`, `ref`, `locale`, `out`'
    )
  })

  it('a value of the wrong type, an empty list, an empty string, a value like an option', () => {
    expect(problem({...good, sources: {fr: good.sources[0]}})).toMatch(
      /^: sources is object: it should be array: The docs sources/
    )
    expect(problem({...good, sources: []})).toMatch(/^: sources is empty: list at least 1/)
    expect(problem(withSource(0, (source) => (source.out = '')))).toMatch(
      /^: sources\[0\]\.out is empty: The output folder of the source/
    )
    expect(problem(withSource(0, (source) => (source.ref = '--upload-pack=evil')))).toMatch(
      /^: sources\[0\]\.ref is "--upload-pack=evil", which is not what it should be: The branch/
    )
  })

  it('a locale that is no BCP 47 tag', () => {
    expect(problem(withSource(0, (source) => (source.locale = 'french')))).toMatch(
      /^: sources\[0\]\.locale is "french", which is not what it should be: The locale of the pages/
    )
    expect(problem(withSource(0, (source) => (source.locale = 'fr-fr-fr-fr')))).toBe(
      ': sources[0].locale is "fr-fr-fr-fr", which is not a BCP 47 locale tag: give the locale ' +
        'of the pages, such as "fr-fr" or "ja-JP"'
    )
  })

  it('two sources with one folder, or a folder inside another: each run replaces its folder whole', () => {
    const same = problem(withSource(1, (source) => (source.out = 'data/fr-fr/')))
    expect(same).toMatch(/^: sources\[0\]\.out and sources\[1\]\.out are the same folder \(/)
    expect(same).toContain('give each its own folder')
    const inside = problem({...good, catalog: {out: 'data/fr-fr/catalog'}})
    expect(inside).toMatch(
      /^: catalog\.out \(.+\) is inside sources\[0\]\.out \(.+\), which is replaced whole/
    )
    const around = problem({...good, catalog: {out: 'data'}})
    expect(around).toMatch(/^: sources\[0\]\.out \(.+\) is inside catalog\.out/)
  })
})

describe('herald regenerate and its config on the command line', () => {
  it('a config mistake: exit 2, the message, nothing written', async () => {
    const file = configFile(withSource(0, (source) => delete source.out))
    const result = await runCli('regenerate', '--config', file)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `herald: ${file}: sources[0].out is missing: add it: The output folder of the source, ` +
        'replaced whole; not shared with another source or the catalog.\n'
    )
    expect(fs.readdirSync(path.dirname(file))).toEqual(['herald.config.json'])
  })

  it('no --docs and no config file in the current folder', async () => {
    const folder = scratchFolder()
    const cwd = process.cwd()
    process.chdir(folder)
    try {
      const result = await runCli('regenerate')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('No config file `herald.config.json`: write one')
    } finally {
      process.chdir(cwd)
    }
  })

  it('options of one source without --docs, and of a config with --docs', async () => {
    const out = await runCli('regenerate', '--out', 'data')
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('`--out` goes with `--docs SRC`')
    const docs = await runCli('regenerate', '--docs', 'docs')
    expect(docs.stderr).toContain('`herald regenerate --docs SRC` needs --out DIR')
    const parallel = await runCli(
      'regenerate',
      '--docs',
      'docs',
      '--out',
      'data',
      '--parallel',
      '2'
    )
    expect(parallel.code).toBe(2)
    expect(parallel.stderr).toContain('`--parallel` is for the sources of a config')
    const zero = await runCli('regenerate', '--parallel', '0')
    expect(zero.stderr).toContain('`--parallel 0`: expected a whole number above 0')
  })
})

describe('the configs the project shows', () => {
  it("this repository's herald.config.json, which the workflow reads, is valid", () => {
    const config = readConfig(path.join(root, 'herald.config.json'))
    expect(config.sources.length).toBeGreaterThan(1)
  })

  it("the README's example is valid, and is this repository's config", () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('### Many sources, one command'))
    const example = /```json\n([\s\S]*?)```/.exec(section)![1]!
    const file = configFile(example)
    expect(readConfig(file).sources.map((source) => source.shown)).toEqual([
      'data/fr-fr',
      'data/ja-jp'
    ])
    expect(JSON.parse(example)).toEqual(
      JSON.parse(fs.readFileSync(path.join(root, 'herald.config.json'), 'utf8'))
    )
  })
})
