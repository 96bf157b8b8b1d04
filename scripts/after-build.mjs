// After tsc: stamp the build, store the validated built-in topic library of each language in
// dist/ so commands start without parsing 14 YAML files, bundle the CLI, make it executable, and
// mark the build finished.
import { randomUUID } from 'node:crypto'
import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

// The tests' globalSetup (test/helpers/fresh-dist.ts) trusts dist/ only when this marker is
// newer than every source file. It goes first and comes back last, so a build that stops
// half-way (a failed bundle) is never taken for a finished one.
const finished = new URL('../dist/build-finished.txt', import.meta.url)
rmSync(finished, { force: true })

// A new stamp for every build: the validated cache (src/workspace/validated-cache.ts)
// keys its entries on it, so no entry outlives the code that validated it.
writeFileSync(new URL('../dist/build-stamp.txt', import.meta.url), `${new Date().toISOString()} ${randomUUID()}\n`)

// One cache per language (topics/*.yaml is English, topics/<code>/ another language), written
// together; a language whose ids differ from English's fails the build.
const { writeBuiltinTopicCaches } = await import('../dist/workspace/load.js')
for (const { language, count, cache } of await writeBuiltinTopicCaches()) {
  console.log(`cached ${count} built-in topics (${language}) in dist/${basename(cache)}`)
}
await import('./bundle-cli.mjs')
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755)
writeFileSync(finished, `${new Date().toISOString()}\n`)
