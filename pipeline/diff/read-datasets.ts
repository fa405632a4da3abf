import fs from 'node:fs'
import path from 'node:path'
import {diffedDatasets, diffedNames, type DatasetRecords} from '../datasets/diffed.js'
import {parseDataset} from '../datasets/parse-dataset.js'
import {DatasetError} from '../errors.js'
import {revisionFile, revisionType, treeNames} from '../git/read-revision.js'
import {rethrowGitError} from '../git/run-git.js'

/**
 * Reads the datasets a diff compares from a folder, or from a folder in a git revision
 * (`REV:PATH`, such as `HEAD~1:output`). Each file is parsed as possibly hostile JSON
 * (`datasets/parse-dataset.ts`).
 */

/** Where {@link readDatasets} reads a `REV:PATH` from. */
export interface ReadOptions {
  /** The git repository (any folder in it) that `REV:PATH` is read from; default: cwd. */
  repo?: string
}

/** The datasets of a folder or a revision, and which of their files it held. */
export type ReadDatasets = DatasetRecords & {
  /** The dataset files found; a missing one counts as an empty dataset. */
  files: string[]
}

function emptyDatasets(label: string): ReadDatasets {
  return {label, entries: [], offers: [], countryRules: [], tables: [], files: []}
}

function readFolder(folder: string): ReadDatasets {
  let stat: fs.Stats
  try {
    stat = fs.statSync(folder)
  } catch {
    throw new DatasetError(
      `No folder \`${folder}\`: give a dataset folder (such as output/) or a git revision of one (such as HEAD~1:output)`
    )
  }

  if (!stat.isDirectory()) {
    throw new DatasetError(`\`${folder}\` is a file: give the folder that holds entries.json`)
  }

  const datasets = emptyDatasets(folder)
  for (const name of diffedNames) {
    const file = diffedDatasets[name].file
    let bytes: Buffer
    try {
      bytes = fs.readFileSync(path.join(folder, file))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw new DatasetError(`Cannot read ${path.join(folder, file)}: ${(error as Error).message}`)
    }

    datasets[name] = parseDataset(bytes, `${folder}/${file}`)
    datasets.files.push(file)
  }

  return datasets
}

/** A git read, a failure said as a {@link DatasetError} that names what was read. */
function fromGit<T>(read: Promise<T>, what: string, repo: string): Promise<T> {
  return rethrowGitError(read, (failure) =>
    failure.status === undefined
      ? new DatasetError(`Cannot read ${what}: ${failure.reason}`)
      : new DatasetError(`Cannot read ${what} from git in ${repo}: ${failure.reason}`)
  )
}

async function readRevision(revision: string, folder: string, repo: string): Promise<ReadDatasets> {
  const label = `${revision}:${folder}`
  // A revision is one argument of git's: one that starts with `-` would be an option.
  if (revision.startsWith('-')) {
    throw new DatasetError(`\`${label}\`: a revision cannot start with \`-\``)
  }

  const kind = await fromGit(revisionType(repo, label), `\`${label}\``, repo)
  if (kind !== 'tree') {
    throw new DatasetError(`\`${label}\` is a ${kind} in git, not a folder of datasets`)
  }

  const names = new Set(await fromGit(treeNames(repo, label), `\`${label}\``, repo))
  const datasets = emptyDatasets(label)
  for (const name of diffedNames) {
    const file = diffedDatasets[name].file
    if (!names.has(file)) continue
    const spec = folder === '' ? `${revision}:${file}` : `${label}/${file}`
    datasets[name] = parseDataset(
      await fromGit(revisionFile(repo, spec), `\`${spec}\``, repo),
      spec
    )
    datasets.files.push(file)
  }

  return datasets
}

/**
 * Reads `location`: a folder, or `REV:PATH` with PATH from the top of the repository.
 * An existing folder wins over a revision of the same spelling.
 */
export async function readDatasets(
  location: string,
  options: ReadOptions = {}
): Promise<ReadDatasets> {
  if (location === '') throw new DatasetError('An empty path is not a dataset folder')
  const colon = location.indexOf(':')
  if (colon > 0 && !fs.existsSync(location)) {
    let folder = location.slice(colon + 1)
    while (folder.endsWith('/')) folder = folder.slice(0, -1)
    return readRevision(location.slice(0, colon), folder, options.repo ?? process.cwd())
  }

  return readFolder(location)
}
