// `npm run build`: compiles pipeline/ to a fresh dist/ with tsc (no file of an older
// layout stays behind), then copies the generated JavaScript that tsc does not compile
// (pipeline/types/validators.js, ajv's standalone validators: see generate-types.js).
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true})
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {cwd: root, stdio: 'inherit'}
)
fs.copyFileSync(
  path.join(root, 'pipeline', 'types', 'validators.js'),
  path.join(root, 'dist', 'types', 'validators.js')
)
