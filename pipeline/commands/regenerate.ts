import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {diffDatasetFolders} from '../diff/diff-folders.js'
import {markerFile} from '../datasets/folder-owner.js'
import {datasetFiles} from '../datasets/registry.js'
import {prepareFolder} from '../datasets/write-folder.js'
import type {Page} from '../engine/engine.js'
import {DatasetError, OutputError} from '../errors.js'
import {openDocs, type ResolvedDocs} from '../git/docs-source.js'
import {
  commitOutput,
  committedOutput,
  findOutputRepo,
  outputChanged,
  type OutputRepo
} from '../git/output-repo.js'
import type {Diff} from '../types/diff.js'
import {fetchDocs} from '../sources/fetch-docs.js'
import {build, type BuildOptions, type BuildResult} from './build.js'
import {commitMessage} from './commit-message.js'

/**
 * `herald regenerate`, as a function: open the docs source, read the pages of one commit,
 * keep a copy of the datasets the output folder holds, build into it, diff the copy
 * against the new datasets, and with `commit`, commit the folder in the git repository
 * that holds it when a dataset file differs from HEAD.
 */

/** Which docs to read, where to build, and whether to commit. */
export interface RegenerateOptions extends Omit<
  BuildOptions,
  'inputs' | 'pages' | 'writer' | 'dryRun'
> {
  /** A docs checkout, bare repository, git bundle or git URL. */
  docs: string
  /** The branch, tag or commit to read; default: HEAD of a checkout, a clone's default branch. */
  ref?: string
  /** The output folder, replaced whole by the build. */
  out: string
  /** The output folder as the user gave it, for messages; default: `out`. */
  shown?: string
  /** Commit `out` when a dataset file differs from HEAD. */
  commit?: boolean
  /** Cache of page results, and of cloned bundles and URLs (in its `docs/` folder). */
  cacheFolder: string
  /** Called once the pages are read, before they are built. */
  onPagesRead?: (docs: ResolvedDocs, pages: Page[]) => void
  /** Called once the twin branch's pages are read (they lend English to plain pages). */
  onTwinRead?: (twin: {ref: string; commit: string}, pages: Page[]) => void
  /** Called with what the user should know but does not stop the run. */
  onWarning?: (message: string) => void
}

/** What a regeneration did. */
export interface RegenerateResult {
  docs: ResolvedDocs
  build: BuildResult
  /** What changed in the folder since before the run; undefined when the build was invalid. */
  changes?: Diff
  /** With `commit`: the commit made, or 'unchanged' when no dataset file differed from HEAD. */
  commit?: {sha: string; top: string; message: string} | 'unchanged'
}

/** Copies the dataset files `out` holds now, since the build replaces `out` whole. */
function snapshot(out: string, into: string): void {
  fs.mkdirSync(into)
  for (const file of Object.values(datasetFiles)) {
    const from = path.join(out, file)
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(into, file))
  }
}

/** The diff of the datasets from `before` to `out`; unreadable old datasets count as empty. */
async function diffOutput(
  before: string,
  out: string,
  scratch: string,
  options: Pick<RegenerateOptions, 'onWarning'> & {repo?: string}
): Promise<Diff> {
  try {
    return await diffDatasetFolders(before, out, {repo: options.repo})
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error
    options.onWarning?.(`the previous datasets are unreadable, compared as empty: ${error.message}`)
    return diffDatasetFolders(emptyFolder(scratch), out)
  }
}

/** An empty folder in `scratch`: no datasets. */
function emptyFolder(scratch: string): string {
  const empty = path.join(scratch, 'empty')
  fs.mkdirSync(empty, {recursive: true})
  return empty
}

/**
 * Commits `out` when a file in it differs from HEAD. The message says what the commit
 * changes since HEAD (see {@link changesSinceHead}).
 */
async function commitChanges(
  repo: OutputRepo,
  out: string,
  docs: ResolvedDocs,
  scratch: string,
  options: Pick<RegenerateOptions, 'onWarning'>
): Promise<RegenerateResult['commit']> {
  if (!(await outputChanged(repo))) return 'unchanged'
  const diff = await changesSinceHead(repo, out, scratch, options)
  const message = commitMessage(diff, docs)
  const sha = await commitOutput(repo, message, path.join(scratch, 'message.md'))
  return {sha, top: repo.top, message}
}

/**
 * What a commit of `out` changes: `out` at HEAD (nothing before its first commit) → `out`
 * now. That is what this run found, unless an earlier run wrote `out` and could not
 * commit it.
 */
export async function changesSinceHead(
  repo: OutputRepo,
  out: string,
  scratch: string,
  options: Pick<RegenerateOptions, 'onWarning'>
): Promise<Diff> {
  const committed = await committedOutput(repo)
  return committed
    ? diffOutput(committed, out, scratch, {...options, repo: repo.top})
    : diffOutput(emptyFolder(scratch), out, scratch, options)
}

/** What {@link rebuildFolder} did. */
export interface RebuildResult {
  build: BuildResult
  /** What changed in the folder since before the run; undefined when the build was invalid. */
  changes?: Diff
}

/** The options of a build into a folder of `herald regenerate`. */
export type RebuildOptions = Omit<
  BuildOptions,
  'inputs' | 'pages' | 'twinPages' | 'writer' | 'dryRun' | 'out'
> &
  Pick<RegenerateOptions, 'onWarning'>

/**
 * Builds the pages into `out` and diffs the datasets `out` held before against the new
 * ones; a build whose datasets fail their schema writes nothing and has no changes.
 */
export async function rebuildFolder(
  out: string,
  pages: {pages: Page[]; twinPages: Page[]},
  options: RebuildOptions
): Promise<RebuildResult> {
  const {onWarning, ...rest} = options
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-regenerate-'))
  try {
    const before = path.join(scratch, 'before')
    snapshot(out, before)
    const built = await build({
      ...rest,
      writer: 'regenerate',
      pages: pages.pages,
      twinPages: pages.twinPages,
      out
    })
    if (built.invalid) return {build: built}
    return {build: built, changes: await diffOutput(before, out, scratch, {onWarning})}
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true})
  }
}

/** Regenerates the datasets of `out` from the docs, and commits them with `commit`. */
export async function regenerate(options: RegenerateOptions): Promise<RegenerateResult> {
  const {
    docs: given,
    ref,
    shown = options.out,
    commit,
    onPagesRead,
    onTwinRead,
    onWarning,
    ...rest
  } = options
  const out = path.resolve(options.out)
  if (fs.existsSync(path.join(out, '.git'))) {
    throw new OutputError(
      `\`${shown}\` is the top of a git repository, and the build replaces the folder whole: ` +
        `give a folder inside it, such as ${path.join(shown, 'output')}`
    )
  }

  // What cannot work is refused before anything is read or written.
  prepareFolder(out, {writer: 'regenerate', force: options.force})
  const repo = commit ? await findOutputRepo(out, shown, markerFile) : undefined
  const source = await openDocs(given, {cacheFolder: path.join(options.cacheFolder, 'docs')})
  const fetched = await fetchDocs(source, {
    ref,
    twins: options.twins,
    onPagesRead,
    onTwinRead,
    onWarning
  })
  const {docs} = fetched
  const rebuilt = await rebuildFolder(out, fetched, {...rest, onWarning})
  if (!rebuilt.changes) return {docs, ...rebuilt}
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-regenerate-'))
  try {
    const committed = repo ? await commitChanges(repo, out, docs, scratch, {onWarning}) : undefined
    return {docs, ...rebuilt, commit: committed}
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true})
  }
}
