import {execFileSync} from 'node:child_process'
import path from 'node:path'

/**
 * Compiles `pipeline/` to `dist/` once before the tests: the tests that spawn
 * `bin/herald.js`, start worker threads or kill a writing process run the compiled code,
 * and it must be the code under test, never a `dist/` left by an older checkout.
 */
export default function compile(): void {
  const root = path.resolve(import.meta.dirname, '..', '..')
  execFileSync(process.execPath, [path.join(root, 'scripts', 'compile.js')], {
    cwd: root,
    stdio: 'inherit'
  })
}
