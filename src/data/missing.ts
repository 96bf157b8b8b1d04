// Owns the one error that may be swallowed when reading a file: that it is
// not there. A first run has no history, no calendar state and no builds, and
// that is normal. A file that is there but cannot be read (EACCES, EIO, a
// folder where a file should be) is a different story, and is never taken
// for "nothing yet".
import { readFile } from 'node:fs/promises'
import { RuntimeError } from '../errors.js'

/** True for "no such file or directory". */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/** What `work` gives, or undefined when the file it reads is not there; every other error is thrown. */
export async function ignoreMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

/**
 * The text of `path`, or undefined when there is no such file. Any other
 * failure is one line naming the file (`shown`, as the user knows it), exit 1.
 */
export async function readTextIfPresent(path: string, shown: string): Promise<string | undefined> {
  try {
    return await ignoreMissing(readFile(path, 'utf8'))
  } catch (error) {
    throw unreadable(error, shown)
  }
}

/** The error for a file (or `what`) that is there but cannot be read. */
export function unreadable(error: unknown, shown: string, what = 'the file'): RuntimeError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error'
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? 'give your user read access to it'
      : code === 'EISDIR'
        ? 'a folder is where this file should be: move it away'
        : undefined
  return new RuntimeError(`cannot read ${what} (${code})`, { location: { file: shown }, hint, cause: error })
}
