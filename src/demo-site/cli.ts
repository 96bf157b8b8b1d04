#!/usr/bin/env node
// `node dist/demo-site/cli.js [--port 4321]`: serves the demo site on
// 127.0.0.1 for the example workspace and the offline demo, until SIGINT or
// SIGTERM. 4321 is the port showtell.yaml points at.
import { startDemoSite } from './server.js'

const USAGE = 'usage: node dist/demo-site/cli.js [--port PORT]   (default 4321; 0 picks a free port)'

function parsePort(argv: readonly string[]): number {
  let port = 4321
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    let value: string | undefined
    if (arg === '--port') value = argv[++i]
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length)
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else throw new Error(`unknown argument "${arg}"`)
    if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
      throw new Error(`--port must be a number from 0 to 65535, got ${value === undefined ? 'nothing' : `"${value}"`}`)
    }
    port = Number(value)
  }
  return port
}

let port: number
try {
  port = parsePort(process.argv.slice(2))
} catch (error) {
  console.error(`demo-site: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  process.exit(2)
}

try {
  const site = await startDemoSite({ port })
  console.log(`demo site on ${site.url}`)
  const stop = (): void => {
    void site.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  const hint = code === 'EADDRINUSE' ? ` (hint: port ${port} is taken; is the demo site already running? Or pass --port 0)` : ''
  console.error(`demo-site: cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}${hint}`)
  process.exit(1)
}
