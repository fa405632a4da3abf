/** Where a command prints, and whether a person watches (progress, colours). */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTerminal: boolean
}
