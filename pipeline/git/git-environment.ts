/**
 * The environment Herald runs git in: it must not prompt for a password, page its
 * output, or follow a repository the caller's environment points at (`GIT_DIR`…).
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat'}
  for (const name of [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE',
    'GIT_PREFIX'
  ]) {
    delete env[name]
  }

  return env
}
