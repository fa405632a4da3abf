// Child process for the SIGKILL test: writes an output folder with the compiled
// writeFolder and, at the step named in argv, says so on stdout and waits to be killed.
import {writeFolder} from '../../dist/datasets/write-folder.js'

const [out, files, stopAt] = [process.argv[2], JSON.parse(process.argv[3]), process.argv[4]]
writeFolder(out, files, {
  writer: 'build',
  onStep(step) {
    if (step !== stopAt) return
    process.stdout.write(`at ${step}\n`)
    // Block this thread until the parent kills the process.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
  }
})
process.stdout.write('done\n')
