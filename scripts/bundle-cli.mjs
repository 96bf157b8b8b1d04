// After tsc: bundle the `showtell` executable, dist/cli.js, with esbuild.
//
// Why: start-up. Node loads each ES module as a file of its own, and a
// command paid for hundreds of them before our code ran: zod alone is 227
// files, and Ink imports `es-toolkit/compat` (415 files) for one function.
// React and its reconciler also load their development builds unless
// NODE_ENV says otherwise. Bundled, tree-shaken and built for production,
// `showtell topics --json` and the app's first frame start in about two
// thirds of the time (see "Benchmarks" in the README).
//
// - dist/cli.js becomes the bundle's entry; tsc's other files in dist/ stay
//   as they are, for the scripts that import them (demo, docs screenshots).
// - Every `import()` of ours stays lazy: each becomes a chunk in
//   dist/chunks/, loaded only by the commands that need it. Ink and React
//   are in the app's chunks, which no other command loads.
// - Bundled packages: zod, yaml, ink and react, and puppeteer-core and
//   marp-core (and what they import): a build paid about 0.15 CPU-seconds
//   loading the last two file by file. The others (pdf-lib, which export.ts
//   loads from its own one-file build, …) are loaded from node_modules as
//   before. Every package loads only when a command needs it.
// - dist/chunks/manifest.json says which chunk holds which of our modules
//   and packages, so tests can check what a command loads.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const bundled = new Set(['ink', 'react', 'zod', 'yaml', 'puppeteer-core', '@marp-team/marp-core'])
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name))

// The entry must be tsc's cli.js, not an earlier bundle: run after tsc.
if (!readFileSync(join(dist, 'cli.js'), 'utf8').includes("from './main.js'")) {
  throw new Error('dist/cli.js is not what tsc wrote: run `npm run build`, which compiles before it bundles')
}
rmSync(join(dist, 'chunks'), { recursive: true, force: true })
const result = await build({
  entryPoints: { cli: join(dist, 'cli.js') },
  outdir: dist,
  allowOverwrite: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  // React's production build: the development one is several times slower to load and to run.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink loads React's devtools bridge only when DEV=true; the bundle has none.
  alias: { 'react-devtools-core': fileURLToPath(new URL('./no-devtools.mjs', import.meta.url)) },
  external,
  // CommonJS inside the bundle (React, yaml) may call require() for Node's own modules.
  banner: { js: "import { createRequire as __showtellRequire } from 'node:module'; const require = __showtellRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
})

/** "node_modules/ink/build/x.js" → "ink"; "dist/commands/topics.js" → itself. */
function owner(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match ? match[1] : relative(root, join(root, input)).split(sep).join('/')
}
const manifest = {}
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue
  const name = relative(dist, join(root, file)).split(sep).join('/')
  manifest[name] = [...new Set(Object.keys(output.inputs).map(owner))].sort()
}
writeFileSync(join(dist, 'chunks', 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`)
const inputs = Object.keys(result.metafile.inputs).length
console.log(`bundled dist/cli.js: ${inputs} modules into ${Object.keys(manifest).length} files`)
