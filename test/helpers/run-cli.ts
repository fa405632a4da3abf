import {main} from '../../pipeline/cli/main.js'

/** Runs `herald <args…>` in this process, capturing what it prints. */
export async function runCli(
  ...args: string[]
): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTerminal: false
  })
  return {code, stdout, stderr}
}
