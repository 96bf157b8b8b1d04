// After tsc: store the validated built-in topic library in dist/ so commands
// start without parsing 14 YAML files, bundle the CLI, and make it executable.
import { chmodSync } from 'node:fs'

const { writeBuiltinTopicCache } = await import('../dist/workspace/load.js')
const count = await writeBuiltinTopicCache()
console.log(`cached ${count} built-in topics in dist/builtin-topics.json`)
await import('./bundle-cli.mjs')
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755)
