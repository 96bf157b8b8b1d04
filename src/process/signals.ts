// Owns what happens when the process is told to stop (Ctrl+C in a plain
// terminal, SIGINT, SIGTERM). The running command is asked to stop through
// `interruptSignal` (buildDeck and takeSnapshots take it and close their
// browser, discard their staged folder and restore what they had written);
// after a bounded wait, whatever is still registered in cleanup.ts (the lock,
// a staged folder, a temp file, a browser profile) is removed, and the
// process exits 130 (SIGINT) or 143 (SIGTERM). A second signal exits at once.
//
// The Ink app reads Ctrl+C itself in raw mode, where the terminal sends no
// SIGINT, so installing these handlers does not change the app's own Ctrl+C.
import { RuntimeError } from '../errors.js'
import { runCleanups } from './cleanup.js'

const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const
type StopSignal = keyof typeof EXIT_CODE

const controller = new AbortController()

/** Set by a command whose normal end is a stop signal (`showtell present`). */
let stopIsTheEnd = false

/**
 * Declares that a stop signal is how the running command ends (a server):
 * when it then stops within the grace time, the process exits with the command's
 * own status (0 when it closed cleanly), not 130/143.
 */
export function stopEndsCleanly(): void {
  stopIsTheEnd = true
}

/** Aborted when SIGINT or SIGTERM arrives; its reason is a RuntimeError that says which. */
export const interruptSignal: AbortSignal = controller.signal

/** How long the command gets to stop on its own, then how long the cleanups get. */
export interface InterruptTimings {
  /** @default 5000 */
  readonly graceMs?: number
  /** @default 5000 */
  readonly cleanupMs?: number
}

/**
 * Runs `work` (the whole command) with the signal handlers installed, and
 * returns its exit status. On a signal the process exits from the handler.
 */
export async function runInterruptible(work: () => Promise<number>, timings: InterruptTimings = {}): Promise<number> {
  let running: Promise<number> = Promise.resolve(0)
  let stopping = false
  const onSignal = (signal: StopSignal) => {
    const code = EXIT_CODE[signal]
    if (stopping) process.exit(code)
    stopping = true
    controller.abort(new RuntimeError(`interrupted (${signal})`, { hint: 'nothing of the unfinished run was kept; run the command again' }))
    void (async () => {
      const finished = await within(running.catch(() => {}), timings.graceMs ?? 5_000)
      // A command that did not stop in time never printed why it ends: say it here.
      if (!finished) process.stderr.write(`showtell: ${(controller.signal.reason as RuntimeError).format()}\n`)
      await within(runCleanups(), timings.cleanupMs ?? 5_000)
      // A server that was stopped and finished in time ends with its own status (0 when it closed cleanly).
      process.exit(finished && stopIsTheEnd ? await running.catch(() => code) : code)
    })()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const result = work()
  running = result
  return result
}

/** The error to report when an error surfaced because of an interrupt: the interrupt, not its side effect. */
export function interruptedOr(error: unknown, signal: AbortSignal | undefined = interruptSignal): unknown {
  return signal?.aborted ? signal.reason : error
}

/** Waits for `promise` at most `ms`; true when it settled in time. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ])
  clearTimeout(timer)
  return settled
}
