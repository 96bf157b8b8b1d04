// Owns the list of things to undo when the process is interrupted (Ctrl+C,
// SIGTERM): a staged build folder, the workspace lock, a browser and its
// profile. Whoever creates such a thing registers its removal here and
// unregisters it once it is cleaned up the ordinary way; the signal handler
// runs whatever is still registered, newest first, before the process exits.

type Cleanup = () => void | Promise<void>

const registered: Cleanup[] = []

/** Registers `fn` to run on an interrupt. Returns the function that unregisters it. */
export function registerCleanup(fn: Cleanup): () => void {
  registered.push(fn)
  return () => {
    const at = registered.lastIndexOf(fn)
    if (at >= 0) registered.splice(at, 1)
  }
}

/** Runs every registered cleanup once, newest first; a failing one does not stop the others. */
export async function runCleanups(): Promise<void> {
  while (registered.length > 0) {
    const fn = registered.pop()!
    try {
      await fn()
    } catch {
      // Best effort: the process is going away, and the next start recovers what is left.
    }
  }
}

/** How many cleanups are registered (for tests). */
export function pendingCleanups(): number {
  return registered.length
}
