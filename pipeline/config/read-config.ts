import fs from 'node:fs'
import path from 'node:path'
import {ConfigError} from '../errors.js'
import {isGitUrl} from '../git/docs-source.js'
import type {HeraldConfig} from '../types/herald-config.js'
import {heraldConfig as validateConfig} from '../types/validators.js'
import {readSchema, schemaErrorText} from './schema-error-text.js'

/**
 * `herald.config.json`: the docs sources that `herald regenerate` (without `--docs`)
 * regenerates and the catalog folder. The file is checked against its schema
 * (`schemas/herald-config.schema.json`, compiled once by `npm run types`), then for what a
 * schema cannot say: two sources writing one folder, or one folder inside another (each
 * build replaces its folder whole, so one would delete the other). Every message names
 * the file, the field, what is wrong and what to do.
 */

/** The file `herald regenerate` reads when neither `--docs` nor `--config` is given. */
export const defaultConfigFile = 'herald.config.json'

/** One source of the config, its paths resolved from the config's folder. */
export interface ConfigSource {
  /** `sources[1]`, for messages. */
  field: string
  /** A git URL as written, or an absolute path. */
  docs: string
  ref?: string
  /** As written in the config (`fr-fr`). */
  locale: string
  /** Absolute. */
  out: string
  /** `out` as written in the config, for messages and commit messages. */
  shown: string
}

/** The config, checked, its paths resolved. */
export interface Config {
  /** The config file, as given. */
  file: string
  sources: ConfigSource[]
  catalog: {out: string; shown: string}
}

/** Reads and checks the config file; throws a ConfigError that says what to fix. */
export function readConfig(file: string): Config {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const {code} = error as NodeJS.ErrnoException
    throw new ConfigError(
      code === 'ENOENT'
        ? `No config file \`${file}\`: write one (its schema: \`herald schema herald-config\`), ` +
            'give --config FILE, or regenerate one source with --docs SRC --out DIR'
        : `Cannot read the config file \`${file}\`: ${(error as Error).message}`,
      {cause: error}
    )
  }

  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}; fix the JSON`)
  }

  if (!validateConfig(data)) {
    const why = schemaErrorText(readSchema('herald-config'), validateConfig.errors![0]!, data)
    throw new ConfigError(`${file}: ${why}`)
  }

  const config = data as HeraldConfig
  const folder = path.dirname(path.resolve(file))
  const sources = config.sources.map((source, index): ConfigSource => {
    const field = `sources[${index}]`
    checkLocale(file, field, source.locale)
    return {
      field,
      docs: isGitUrl(source.docs) ? source.docs : path.resolve(folder, source.docs),
      ...(source.ref === undefined ? {} : {ref: source.ref}),
      locale: source.locale,
      out: path.resolve(folder, source.out),
      shown: source.out
    }
  })
  const catalog = {out: path.resolve(folder, config.catalog.out), shown: config.catalog.out}
  checkFolders(file, [
    ...sources.map((source) => ({field: `${source.field}.out`, out: source.out})),
    {field: 'catalog.out', out: catalog.out}
  ])
  return {file, sources, catalog}
}

/** A locale tag that `Intl` takes (the schema's pattern lets `fr-fr-fr-fr` through). */
function checkLocale(file: string, field: string, locale: string): void {
  try {
    if (Intl.getCanonicalLocales(locale).length === 1) return
  } catch {
    // Said below.
  }

  throw new ConfigError(
    `${file}: ${field}.locale is ${JSON.stringify(locale)}, which is not a BCP 47 locale tag: ` +
      'give the locale of the pages, such as "fr-fr" or "ja-JP"'
  )
}

/** Whether `inner` is `outer` or a folder inside it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** No folder twice, none inside another: each build replaces its folder whole. */
function checkFolders(file: string, folders: Array<{field: string; out: string}>): void {
  for (const [index, one] of folders.entries()) {
    for (const other of folders.slice(index + 1)) {
      if (one.out === other.out) {
        throw new ConfigError(
          `${file}: ${one.field} and ${other.field} are the same folder (${one.out}), and each ` +
            'run replaces its folder whole: give each its own folder'
        )
      }

      const [outer, inner] = isWithin(one.out, other.out)
        ? [one, other]
        : isWithin(other.out, one.out)
          ? [other, one]
          : []
      if (outer && inner) {
        throw new ConfigError(
          `${file}: ${inner.field} (${inner.out}) is inside ${outer.field} (${outer.out}), ` +
            'which is replaced whole: give folders side by side, such as data/fr-fr and data/catalog'
        )
      }
    }
  }
}
