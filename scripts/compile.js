// `npm run build`: compiles pipeline/ with tsc into a fresh folder (no file of an older
// layout stays behind), copies the generated JavaScript that tsc does not compile
// (pipeline/types/validators.js, ajv's standalone validators: see generate-types.js), and
// swaps the folder in as dist/ — so a process running dist/ meanwhile never sees half a
// build.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const fresh = `${dist}.tmp-${process.pid}`
const old = `${dist}.old-${process.pid}`
fs.rmSync(fresh, {recursive: true, force: true})
try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      fresh
    ],
    {cwd: root, stdio: 'inherit'}
  )
  fs.copyFileSync(
    path.join(root, 'pipeline', 'types', 'validators.js'),
    path.join(fresh, 'types', 'validators.js')
  )
  if (fs.existsSync(dist)) fs.renameSync(dist, old)
  fs.renameSync(fresh, dist)
} finally {
  fs.rmSync(fresh, {recursive: true, force: true})
  fs.rmSync(old, {recursive: true, force: true})
}
