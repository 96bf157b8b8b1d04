// After tsc: stamp the build, store the validated built-in topic library in dist/ so commands
// start without parsing 14 YAML files, bundle the CLI, and make it executable.
import { randomUUID } from 'node:crypto'
import { chmodSync, writeFileSync } from 'node:fs'

// A new stamp for every build: the validated cache (src/workspace/validated-cache.ts)
// keys its entries on it, so no entry outlives the code that validated it.
writeFileSync(new URL('../dist/build-stamp.txt', import.meta.url), `${new Date().toISOString()} ${randomUUID()}\n`)

const { writeBuiltinTopicCache } = await import('../dist/workspace/load.js')
const count = await writeBuiltinTopicCache()
console.log(`cached ${count} built-in topics in dist/builtin-topics.json`)
await import('./bundle-cli.mjs')
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755)
