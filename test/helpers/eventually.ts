// Waiting for a condition instead of sleeping: a fixed pause is either too short on a
// busy machine (a flake) or longer than needed everywhere else (review A.4).

/**
 * Polls `read` every `intervalMs` until `done(value)` holds, and returns that value.
 * After `timeoutMs` it returns the last value read, so the caller's `expect` shows
 * what was there instead of a bare timeout.
 */
export async function eventually<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    value = await read()
  }
  return value
}
