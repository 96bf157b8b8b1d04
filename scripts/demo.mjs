// `npm run demo`: builds the demo deck from the example workspace at the
// repository root (the fictional Nordlys Outdoor) with the built CLI.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('showtell is not built yet: run `npm run build` first.')
  process.exit(1)
}
const result = spawnSync(process.execPath, [cli, 'build', '--topic', 'policy', '--no-snapshots', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
