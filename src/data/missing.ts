// Owns the one error that may be swallowed when reading a file: that it is
// not there. A first run has no history, no calendar state and no builds, and
// that is normal. A file that is there but cannot be read (EACCES, EIO, a
// folder where a file should be) is a different story, and is never taken
// for "nothing yet".

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
