// Owns the two kinds of failure a user can see. `cli.ts` catches them once and
// turns them into one line plus an exit status; nothing else prints errors.

export const EXIT = { ok: 0, runtime: 1, usage: 2 } as const

export interface ErrorLocation {
  /** File the problem is in, relative to the workspace when possible. */
  readonly file?: string
  /** 1-based line number inside `file`. */
  readonly line?: number
  /** Field path such as `accounts[2].platform`. */
  readonly field?: string
}

abstract class ShowtellError extends Error {
  abstract readonly exitCode: number
  readonly hint: string | undefined
  readonly location: ErrorLocation

  constructor(message: string, options: { hint?: string; location?: ErrorLocation; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.hint = options.hint
    this.location = options.location ?? {}
  }

  /** `showtell.yaml:12 accounts[2].platform: unknown platform "myspace" (hint: …)` */
  format(): string {
    const { file, line, field } = this.location
    const where = [file && (line ? `${file}:${line}` : file), field].filter(Boolean).join(' ')
    const hint = this.hint ? ` (hint: ${this.hint})` : ''
    return `${where ? `${where}: ` : ''}${this.message}${hint}`
  }
}

/** Bad input or usage: exit status 2, and nothing was written. */
export class UserError extends ShowtellError {
  readonly exitCode = EXIT.usage
  override readonly name = 'UserError'
}

/** Something failed while running (browser crash, disk full): exit status 1. */
export class RuntimeError extends ShowtellError {
  readonly exitCode = EXIT.runtime
  override readonly name = 'RuntimeError'
}

export function isShowtellError(error: unknown): error is UserError | RuntimeError {
  return error instanceof UserError || error instanceof RuntimeError
}

/** What each disk failure means for the user, and what to do about it. */
const DISK_FAILURES: Readonly<Record<string, { readonly what: string; readonly hint: string }>> = {
  EROFS: { what: 'the file system is read-only', hint: 'make it writable, or run showtell on a copy of the workspace on a writable disk' },
  ENOSPC: { what: 'the disk is full', hint: 'free some space and run the command again' },
  EDQUOT: { what: 'the disk quota is used up', hint: 'free some space (or ask for a bigger quota) and run the command again' },
  EACCES: { what: 'permission denied', hint: 'give your user write access to it (or run showtell as its owner)' },
  EPERM: { what: 'the operation is not permitted', hint: 'check its owner, permissions and attributes (chattr -i), then run the command again' },
}

/**
 * A read-only, full or forbidden disk as one line that names the path and
 * what to do (exit 1); undefined for any other error. Applied where errors
 * are caught once (main.ts).
 */
export function diskError(error: unknown): RuntimeError | undefined {
  if (!(error instanceof Error)) return undefined
  const { code, path } = error as NodeJS.ErrnoException
  const failure = code === undefined ? undefined : DISK_FAILURES[code]
  if (!failure || typeof path !== 'string') return undefined
  return new RuntimeError(`cannot write ${path}: ${failure.what} (${code})`, { hint: failure.hint, cause: error })
}
