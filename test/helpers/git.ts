/** `git -c …` options that let tests commit on any machine: an identity, no signing. */
export const testGitOptions = [
  '-c',
  'user.name=Herald Test',
  '-c',
  'user.email=test@example.invalid',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'init.defaultBranch=main'
]
