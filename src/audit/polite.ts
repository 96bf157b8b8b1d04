// Owns the audit's manners towards a platform: at most `perHost` requests to
// one host at a time, and a pause of `delayMs` after each before that host's
// next. The probes, the controls, the name searches (run.ts) and the evidence
// requests (evidence-run.ts) all go through one of these.
import pLimit from 'p-limit'

/** Runs one request's `work` politely: its host's limit, then the pause. */
export type Polite = <T>(url: string, work: () => Promise<T>) => Promise<T>

export function politeQueue(perHost: number, delayMs: number): Polite {
  const limits = new Map<string, ReturnType<typeof pLimit>>()
  return (url, work) => {
    const host = new URL(url).host
    if (!limits.has(host)) limits.set(host, pLimit(perHost))
    return limits.get(host)!(async () => {
      try {
        return await work()
      } finally {
        await new Promise((resolve) => setTimeout(resolve, delayMs))
      }
    })
  }
}
