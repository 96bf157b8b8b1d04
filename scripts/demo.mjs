// `npm run demo`: the whole product offline. Starts the bundled demo site on
// 127.0.0.1:4321 (the example workspace's accounts point there), seeds the
// example workspace's history with four earlier meetings if it has none, runs
// the account audit (so the deck's loss-of-control segment shows what it
// finds), builds the deck with live snapshots, and stops the site.
// `npm run demo -- <showtell command and flags>` runs that command instead
// while the site is up, e.g. `npm run demo -- snapshot --json`, or
// `npm run demo -- present --refresh` (the deck with fresh numbers; Ctrl+C stops it).
// `npm run demo -- --language nb` does the same in the Norwegian example
// workspace, demo/nb/ (the same company and accounts, `deck.language: nb`).
// The commands get the demo site's test credentials for the owners' APIs
// (demo-site/apis/index.ts), unless one is set already; `--no-credentials`
// first runs them without any, to show the fallback source by source.
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
let extra = process.argv.slice(2)
// The Norwegian example is a workspace of its own, with its own history and decks.
const norwegian = extra[0] === '--language' && extra[1] === 'nb'
if (extra[0] === '--language' && !norwegian) {
  console.error(`The demo has an English workspace (showtell.yaml) and a Norwegian one (--language nb); there is none for "${extra[1] ?? ''}".`)
  await site.close()
  process.exit(2)
}
if (norwegian) extra = extra.slice(2)
const workspace = norwegian ? 'demo/nb/' : ''
const history = new URL(`../${workspace}history/snapshots.jsonl`, import.meta.url)
if (!existsSync(history)) {
  mkdirSync(new URL(`../${workspace}history/`, import.meta.url), { recursive: true })
  copyFileSync(new URL('../demo/history.jsonl', import.meta.url), history)
  console.log(`Seeded ${workspace}history/snapshots.jsonl with four earlier meetings (demo/history.jsonl)`)
}
// The example competitors' earlier meetings, apart from ours (history/competitors.jsonl).
const competitorHistory = new URL(`../${workspace}history/competitors.jsonl`, import.meta.url)
if (!existsSync(competitorHistory)) {
  mkdirSync(new URL(`../${workspace}history/`, import.meta.url), { recursive: true })
  copyFileSync(new URL('../demo/competitors.jsonl', import.meta.url), competitorHistory)
  console.log(`Seeded ${workspace}history/competitors.jsonl with the competitors' four earlier meetings (demo/competitors.jsonl)`)
}
// Each command runs in its own process, as a user would run it; the site keeps serving meanwhile.
const commands = new Set(['build', 'snapshot', 'schedule', 'topics', 'doctor', 'audit', 'present'])
const withCredentials = extra[0] !== '--no-credentials'
if (!withCredentials) extra = extra.slice(1)
const { DEMO_CREDENTIALS } = await import('../dist/demo-site/apis/index.js')
const DEMO_VARIABLES = {
  SHOWTELL_X_BEARER_TOKEN: 'demo-x-token',
  SHOWTELL_YOUTUBE_API_KEY: DEMO_CREDENTIALS.youtube,
  SHOWTELL_FACEBOOK_TOKEN: DEMO_CREDENTIALS.facebook,
  SHOWTELL_INSTAGRAM_TOKEN: DEMO_CREDENTIALS.instagram,
  SHOWTELL_THREADS_TOKEN: DEMO_CREDENTIALS.threads,
  SHOWTELL_LINKEDIN_TOKEN: DEMO_CREDENTIALS.linkedin,
  SHOWTELL_TIKTOK_TOKEN: DEMO_CREDENTIALS.tiktok,
}
const env = { ...process.env }
for (const [name, value] of Object.entries(DEMO_VARIABLES)) {
  if (!withCredentials) delete env[name]
  else env[name] ??= value
}
if (!withCredentials) delete env.X_BEARER_TOKEN
const inWorkspace = norwegian ? ['--workspace', 'demo/nb'] : []
const runs = (commands.has(extra[0] ?? '') ? [extra] : [['audit'], ['build', '--topic', 'policy', ...extra]]).map((args) => [...args, ...inWorkspace])
// Ctrl+C reaches the command too (one process group): it ends `present` cleanly,
// and the site must keep serving until the command has stopped, then close.
// A SIGTERM sent to this script alone is passed on to the command, which stops the same way.
let child
process.on('SIGINT', () => {})
process.on('SIGTERM', () => (child ? child.kill('SIGTERM') : process.exit(143)))
let code = 0
for (const args of runs) {
  console.log(`\n$ showtell ${args.join(' ')}`)
  child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit', env })
  code = (await new Promise((resolve) => child.on('close', resolve))) ?? 1
  if (code !== 0) break
}
await site.close()
process.exit(code)
