// Owns one question about another process: is it still there? Used to tell a
// stale lock, temp file or browser profile from one that is in use.

/** True while a process with this pid exists (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
