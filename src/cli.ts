#!/usr/bin/env node
// The `showtell` executable: run the command line and set the exit status.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
