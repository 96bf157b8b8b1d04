// After tsc: bundle the interactive app (dist/ui/start.js) with Ink and React
// into one file, dist/ui/app.bundle.js, which `showtell` in a terminal loads.
//
// Why: loading Ink and React as published takes about a second of CPU before
// the first frame. Ink imports `es-toolkit/compat` for one function, and that
// is 415 modules; React and its reconciler load their development builds
// unless NODE_ENV says otherwise. Bundled, tree-shaken and built for
// production, the same code loads in about 0.2 s.
//
// Only the app's own files and the packages that nothing else of ours uses
// (Ink, React and what they import) go into the bundle. Every other module
// of ours, and every package the rest of showtell also uses, stays an import
// of the file in dist/: the app and the commands share one copy of each, so
// the same error classes, caches and state, and a build started from the app
// loads the same code as `showtell build`.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const ui = join(root, 'dist', 'ui')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const bundled = new Set(['ink', 'react'])
const shared = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name))

/** Keeps our modules outside dist/ui/ as imports, rewritten relative to the bundle. */
const ourModulesStayShared = {
  name: 'our-modules-stay-shared',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(dirname(args.importer), args.path)
      if (!args.importer.startsWith(root) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined
      if (target.startsWith(ui + sep)) return undefined
      return { path: relative(ui, target).split(sep).join('/'), external: true }
    })
  },
}

const result = await build({
  entryPoints: [join(ui, 'start.js')],
  outfile: join(ui, 'app.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  // React's production build: the development one is several times slower to load and to run.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports React's devtools bridge only when DEV=true; the bundle has no devtools.
  alias: { 'react-devtools-core': fileURLToPath(new URL('./no-devtools.mjs', import.meta.url)) },
  external: shared,
  plugins: [ourModulesStayShared],
  // CommonJS inside the bundle (React) may call require() for Node's own modules.
  banner: { js: "import { createRequire as __showtellRequire } from 'node:module'; const require = __showtellRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
})
const inputs = Object.keys(result.metafile.inputs).length
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0
console.log(`bundled the app: ${inputs} modules into dist/ui/app.bundle.js (${Math.round(bytes / 1024)} KB)`)
