#!/usr/bin/env node
// The `showtell` executable: run the command line with the interrupt handlers
// installed (SIGINT/SIGTERM clean up and exit 130/143), and set the exit status.
import { main } from './main.js'
import { runInterruptible } from './process/signals.js'

process.exitCode = await runInterruptible(() => main(process.argv.slice(2)))
