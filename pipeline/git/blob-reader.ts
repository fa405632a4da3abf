import {GitError} from '../errors.js'
import {startGit, type GitProcess} from './run-git.js'

/**
 * One long-lived `git cat-file --batch` that reads blobs by object id: write `<oid>\n`,
 * read `<oid> <type> <size>\n<bytes>\n` (or `<oid> missing\n`). git answers in the order
 * asked, so a queue pairs answers with requests. One process serves a whole tree or a
 * whole history walk; starting git per blob would cost more than reading the blobs.
 */

const args = ['cat-file', '--batch'] as const

const objectId = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

interface Request {
  oid: string
  resolve: (bytes: Buffer) => void
  reject: (error: Error) => void
}

/** The header of the answer being read; its bytes may still be arriving. */
interface Header {
  text: string
  oid: string
  type: string
  size: number
}

/** Reads blobs from the repository in `repo` with one `git cat-file --batch`. */
export class BlobReader {
  private readonly git: GitProcess
  /** What git wrote and was not consumed yet, and its length. */
  private chunks: Buffer[] = []
  private buffered = 0
  private header: Header | undefined
  private readonly requests: Request[] = []
  private failure: Error | undefined

  /** Starts git in `repo`: the top of a working tree, or a git folder. */
  constructor(repo: string) {
    this.git = startGit(repo, args)
    this.git.child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      this.buffered += chunk.length
      this.drain()
    })
    void this.git.ended.then((failure) =>
      // Ended while blobs were asked for: each of them fails with git's reason.
      this.fail(failure ?? new GitError(args, 'git ended before answering'))
    )
  }

  /** The bytes of a blob, in a buffer of their own. */
  read(oid: string): Promise<Buffer> {
    if (!objectId.test(oid)) return Promise.reject(new GitError(args, `not an object id: ${oid}`))
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.requests.push({oid, resolve, reject})
      this.git.child.stdin.write(`${oid}\n`)
    })
  }

  /** Ends git; blobs asked for and not read yet fail. */
  async close(): Promise<void> {
    this.git.child.stdin.end()
    await this.git.ended
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const request of this.requests.splice(0)) request.reject(this.failure)
  }

  /** The unconsumed output as one buffer (joined only when it is needed whole). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)]
    return this.chunks[0] ?? Buffer.alloc(0)
  }

  private consume(length: number): void {
    const rest = this.joined().subarray(length)
    this.chunks = rest.length === 0 ? [] : [rest]
    this.buffered -= length
  }

  private drain(): void {
    while (this.requests.length > 0) {
      if (!this.header) {
        const buffer = this.joined()
        const newline = buffer.indexOf(0x0a)
        if (newline === -1) return
        const text = buffer.subarray(0, newline).toString('latin1')
        this.consume(newline + 1)
        const [oid = '', type = '', size] = text.split(' ')
        // `<oid> missing`, or anything else that announces no blob.
        if (size === undefined || !/^\d+$/.test(size)) {
          this.requests.shift()!.reject(new GitError(args, `git answered \`${text}\``))
          continue
        }

        this.header = {text, oid, type, size: Number(size)}
      }

      const {text, oid, type, size} = this.header
      // The object's bytes, then a newline; a large blob arrives in many chunks.
      if (this.buffered < size + 1) return
      const bytes = Buffer.from(this.joined().subarray(0, size))
      this.consume(size + 1)
      this.header = undefined
      const request = this.requests.shift()!
      if (oid !== request.oid || type !== 'blob') {
        request.reject(new GitError(args, `expected blob ${request.oid}, git answered \`${text}\``))
      } else request.resolve(bytes)
    }
  }
}
