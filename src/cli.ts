#!/usr/bin/env node
// The `showtell` executable: run the command line with the interrupt handlers
// installed (SIGINT/SIGTERM clean up and exit 130/143), and set the exit status.
import { main } from './main.js'
import { runInterruptible } from './process/signals.js'

// A reader that stops reading (`showtell schedule --json | head -1`) closes
// the pipe, and the next write fails with EPIPE, which Node raises as an
// unhandled 'error' event: a stack trace and exit 1. A reader that has seen
// enough is not a failure of the command: the rest of what it writes is
// dropped, and it still finishes what it was doing (a build releases its lock
// and removes its staged folder, rather than dying mid-way as a program
// killed by SIGPIPE would, with 141) and exits with its own status, 0 when it
// succeeded, so that a `set -o pipefail` script does not fail on a `| head`.
const dropClosedPipe = (error: NodeJS.ErrnoException): void => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
  throw error
}
process.stdout.on('error', dropClosedPipe)
process.stderr.on('error', dropClosedPipe)

process.exitCode = await runInterruptible(() => main(process.argv.slice(2)))
