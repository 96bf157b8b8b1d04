// `npm run demo`: the whole product offline. Starts the bundled demo site on
// 127.0.0.1:4321 (the example workspace's accounts point there), seeds the
// example workspace's history with four earlier meetings if it has none, runs
// the account audit (so the deck's loss-of-control segment shows what it
// finds), builds the deck with live snapshots, and stops the site.
// `npm run demo -- <showtell command and flags>` runs that command instead
// while the site is up, e.g. `npm run demo -- snapshot --json`.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('showtell is not built yet: run `npm run build` first.')
  process.exit(1)
}
const { startDemoSite } = await import('../dist/demo-site/server.js')
let site
try {
  site = await startDemoSite({ port: 4321 })
} catch (error) {
  console.error(`The demo site cannot listen on 127.0.0.1:4321 (${error.message}). Stop whatever uses that port and try again.`)
  process.exit(1)
}
console.log(`Demo site on ${site.url}`)
const history = new URL('../history/snapshots.jsonl', import.meta.url)
if (!existsSync(history)) {
  mkdirSync(new URL('../history/', import.meta.url), { recursive: true })
  copyFileSync(new URL('../demo/history.jsonl', import.meta.url), history)
  console.log('Seeded history/snapshots.jsonl with four earlier meetings (demo/history.jsonl)')
}
// Each command runs in its own process, as a user would run it; the site keeps serving meanwhile.
const commands = new Set(['build', 'snapshot', 'schedule', 'topics', 'doctor', 'audit'])
const extra = process.argv.slice(2)
const runs = commands.has(extra[0] ?? '') ? [extra] : [['audit'], ['build', '--topic', 'policy', ...extra]]
let code = 0
for (const args of runs) {
  console.log(`\n$ showtell ${args.join(' ')}`)
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' })
  code = (await new Promise((resolve) => child.on('close', resolve))) ?? 1
  if (code !== 0) break
}
await site.close()
process.exit(code)
