// Owns the test-only pause points. With SHOWTELL_TEST_PAUSE set to one point
// (e.g. `rename:meetings.jsonl`: an atomic write of that file, between writing
// its temp file and renaming it into place; `build:pdf`: a build just after
// its PDF was printed), the run creates the file named by
// SHOWTELL_TEST_PAUSE_FILE when it reaches that point and waits there until
// it is interrupted (SIGINT/SIGTERM) or killed; with
// SHOWTELL_TEST_PAUSE_DEAF=1 it ignores the interrupt too, like a step that
// cannot be cancelled, so the interrupt's cleanups must do the work. Tests use
// this to stop a run at an exact moment instead of guessing a time. Unset (always, outside the
// tests), a pause point costs one look at the environment.
import { existsSync, writeFileSync } from 'node:fs'
import { interruptSignal } from './signals.js'

export async function pauseAt(point: string): Promise<void> {
  if (process.env.SHOWTELL_TEST_PAUSE !== point) return
  const marker = process.env.SHOWTELL_TEST_PAUSE_FILE
  if (marker) writeFileSync(marker, `${process.pid}\n`)
  await new Promise<void>((_resolve, reject) => {
    // Keeps the process alive while it waits: nothing else may be pending.
    const alive = setInterval(() => {}, 60_000)
    const stop = () => {
      clearInterval(alive)
      reject(interruptSignal.reason)
    }
    if (process.env.SHOWTELL_TEST_PAUSE_DEAF === '1') return
    if (interruptSignal.aborted) stop()
    else interruptSignal.addEventListener('abort', stop, { once: true })
  })
}

/**
 * The test-only gate: with SHOWTELL_TEST_GATE set to `<point>:<file>`, a run
 * that reaches `point` waits until `file` exists. Tests start several runs,
 * let them all reach the gate, then open it, so that they meet at the same
 * step (two builds reaching for one stale lock together).
 */
export async function gateAt(point: string): Promise<void> {
  const gate = process.env.SHOWTELL_TEST_GATE
  if (!gate?.startsWith(`${point}:`)) return
  const file = gate.slice(point.length + 1)
  const marker = process.env.SHOWTELL_TEST_PAUSE_FILE
  if (marker) writeFileSync(marker, `${process.pid}\n`)
  while (!existsSync(file)) {
    interruptSignal.throwIfAborted()
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}
