// src/ has no import cycles and keeps its layers (review B.5, B.10 #4): this runs the
// project's checker (scripts/check-imports.ts) on src/ as part of `npm test`, so CI keeps
// cycles out, and proves the checker on a small tree with planted cycles of every kind
// of import it must follow.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildGraph, checkImports, findCycles, findLayerBreaches, importsOf } from '../../scripts/check-imports.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SRC = join(REPO, 'src')

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'showtell-imports-'))
  dirs.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function run(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npm', ['run', '--silent', 'check:imports', '--', root], { cwd: REPO }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

// One cycle per kind of import, a three-module ring, and modules that must not count.
const PLANTED = {
  // value imports
  'static/a.ts': "import { b } from './b.js'\nexport const a = () => b\n",
  'static/b.ts': "import { a } from './a.js'\nexport const b = () => a\n",
  // type-only imports, both spellings
  'types/one.ts': "import type { Two } from './two.js'\nexport interface One { two?: Two }\n",
  'types/two.ts': "import { type One } from './one.js'\nexport interface Two { one?: One }\n",
  // a lazy import, closed by a re-export
  'lazy/main.ts': "export async function load() {\n  return (await import('./late.js')).late\n}\n",
  'lazy/late.ts': "export * from './main.js'\nexport const late = 1\n",
  // `typeof import()` in a type, closed by a named re-export
  'query/q1.ts': "export type Q2 = typeof import('./q2.js')\n",
  'query/q2.ts': "export { type Q2 } from './q1.js'\n",
  // a .js specifier naming a .tsx module, and a ring of three
  'ring/p.ts': "import { q } from './q.js'\nexport const p = q\n",
  'ring/q.tsx': "import { r } from './r.js'\nexport const q = r\n",
  'ring/r.ts': "import { p } from './p.js'\nexport const r = p\n",
  // not cycles: a package, a missing file, a chain
  'clean/x.ts': "import { z } from 'zod'\nimport { y } from './y.js'\nimport './missing.js'\nexport const x = [z, y]\n",
  'clean/y.ts': "export const y = 1\n",
}

describe('src/', () => {
  it('has no import cycles and no layer breaches', () => {
    expect(checkImports(SRC)).toEqual([])
  })

  it('is read as a real graph: the checker sees the imports that once closed cycles', () => {
    // Without these, an empty or broken graph would pass the check above.
    const graph = buildGraph(SRC)
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get('main.ts')).toContainEqual(expect.objectContaining({ to: 'commands/registry.ts', kind: 'static' }))
    expect(graph.get('commands/registry.ts')).toContainEqual(expect.objectContaining({ to: 'commands/home.ts', kind: 'dynamic' }))
    expect(graph.get('commands/home.ts')).toContainEqual(expect.objectContaining({ to: 'ui/start.tsx', kind: 'dynamic' }))
    expect(graph.get('audit/store.ts')).toContainEqual(expect.objectContaining({ to: 'audit/store-schema.ts', kind: 'dynamic' }))
    expect(graph.get('deck/compose.ts')).toContainEqual(expect.objectContaining({ to: 'deck/segments/index.ts', kind: 'static' }))
    expect(graph.get('deck/segments/roi.ts')).toContainEqual(expect.objectContaining({ to: 'deck/live.ts', kind: 'static' }))
    expect(graph.get('deck/live.ts')).toContainEqual(expect.objectContaining({ to: 'deck/slide.ts', kind: 'type' }))
  })

  it('passes `npm run check:imports`: exit 0', async () => {
    const result = await run(SRC)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^check-imports: no cycles or layer breaches in \d+ modules\n$/)
    expect(result.code).toBe(0)
  })
})

describe('the checker', () => {
  it('reads every kind of import and names its kind', () => {
    const text = [
      "import a from './a.js'",
      "import type { B } from './b.js'",
      "import { type C, type D } from './c.js'",
      "import { type E, f } from './e.js'",
      "export * from './g.js'",
      "export type { H } from './h.js'",
      "type I = typeof import('./i.js')",
      "const j = await import('./j.js')",
      "import 'node:fs'",
      "const k = await import(name)",
    ].join('\n')
    expect(importsOf('m.ts', text).map(({ specifier, kind, line }) => [specifier, kind, line])).toEqual([
      ['./a.js', 'static', 1],
      ['./b.js', 'type', 2],
      ['./c.js', 'type', 3],
      ['./e.js', 'static', 4],
      ['./g.js', 'reexport', 5],
      ['./h.js', 'type', 6],
      ['./i.js', 'type', 7],
      ['./j.js', 'dynamic', 8],
    ])
  })

  it('reports each planted cycle, modules in import order, and nothing else', () => {
    expect(findCycles(buildGraph(tree(PLANTED)))).toEqual([
      ['lazy/late.ts', 'lazy/main.ts', 'lazy/late.ts'],
      ['query/q1.ts', 'query/q2.ts', 'query/q1.ts'],
      ['ring/p.ts', 'ring/q.tsx', 'ring/r.ts', 'ring/p.ts'],
      ['static/a.ts', 'static/b.ts', 'static/a.ts'],
      ['types/one.ts', 'types/two.ts', 'types/one.ts'],
    ])
  })

  it('reports a module that imports itself', () => {
    expect(findCycles(buildGraph(tree({ 'self.ts': "export * from './self.js'\n" })))).toEqual([['self.ts', 'self.ts']])
  })

  it('reports imports that break the layers, and allows commands/home to open the app', () => {
    const root = tree({
      'deck/live.ts': "import type { Capture } from '../snapshot/capture.js'\nexport type L = Capture\n",
      'deck/ok.ts': "import type { H } from '../snapshot/history.js'\nexport type O = H\n",
      'snapshot/capture.ts': 'export interface Capture { n: number }\n',
      'snapshot/history.ts': 'export interface H { n: number }\n',
      'ui/start.tsx': 'export const start = 1\n',
      'ui/App.tsx': "import { start } from './start.js'\nexport const App = start\n",
      'commands/home.ts': "export const app = () => import('../ui/start.js')\n",
      'commands/snapshot.ts': "\nexport const s = async () => (await import('../ui/App.js')).App\n",
    })
    expect(findLayerBreaches(buildGraph(root))).toEqual([
      { from: 'commands/snapshot.ts', to: 'ui/App.tsx', line: 2, rule: 'ui/ is imported by nothing outside ui/ except commands/home' },
      { from: 'deck/live.ts', to: 'snapshot/capture.ts', line: 1, rule: 'deck/ never imports snapshot/capture' },
    ])
  })

  it('as `npm run check:imports`, prints one line per cycle and exits 1', async () => {
    const result = await run(tree(PLANTED))
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'cycle: lazy/late.ts -> lazy/main.ts -> lazy/late.ts',
      'cycle: query/q1.ts -> query/q2.ts -> query/q1.ts',
      'cycle: ring/p.ts -> ring/q.tsx -> ring/r.ts -> ring/p.ts',
      'cycle: static/a.ts -> static/b.ts -> static/a.ts',
      'cycle: types/one.ts -> types/two.ts -> types/one.ts',
    ])
    expect(result.stderr).toMatch(/check-imports: 5 problem\(s\)/)
    expect(result.code).toBe(1)
  })
})
