// Owns the check that keeps import cycles and layer breaches out of src/ (review B.5,
// B.10 #4). Run: npm run check:imports (CI runs it through test/tooling/imports.test.ts).
//
// Every module under the root is parsed with the TypeScript compiler API, and every
// relative import counts, because each one ties the two modules together for a reader
// and, for values, at load time:
//   - static imports, `import type`, `export … from` and `export * from`;
//   - dynamic `import('./x.js')` with a literal path (a lazy import still loads the module
//     when it runs, and a cycle through it still ties the modules together);
//   - type queries `typeof import('./x.js')`.
// Package imports (`zod`, `node:fs`) are not ours and are left out.
//
// Layering rules enforced (each true of src/ today):
//   - `deck/` never imports `snapshot/capture` (the deck works from stored results; the
//     capture code pulls in the browser);
//   - `ui/` is imported by nothing outside `ui/` except `commands/home` (the Ink app is one
//     entry point; the commands print text and must not load React).
//
// Exit 1 with one line per cycle (`a.ts -> b.ts -> a.ts`) and one per breach; exit 0 when
// clean.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

export type ImportKind = 'static' | 'type' | 'reexport' | 'dynamic'

export interface ImportEdge {
  /** Module path relative to the root, with `/` separators. */
  to: string
  kind: ImportKind
  line: number
}

export type ImportGraph = Map<string, ImportEdge[]>

const SOURCE = /\.(ts|tsx|mts|cts)$/

/** Every source module under `root` (declaration files left out), sorted so output is stable. */
export function listModules(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(toKey(root, path))
    }
  }
  walk(root)
  return out
}

function toKey(root: string, path: string): string {
  return relative(root, path).split(sep).join('/')
}

/** The relative imports of one module's text, with what kind of import each is. */
export function importsOf(fileName: string, text: string): { specifier: string; kind: ImportKind; line: number }[] {
  const kindOf = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kindOf)
  const found: { specifier: string; kind: ImportKind; line: number }[] = []
  const add = (literal: ts.Node | undefined, kind: ImportKind): void => {
    if (!literal || !ts.isStringLiteralLike(literal)) return
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1
    found.push({ specifier: literal.text, kind, line })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause
      // `import type { A }` and `import { type A, type B }` bring in no value.
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)))
      add(node.moduleSpecifier, typeOnly ? 'type' : 'static')
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly ? 'type' : 'reexport')
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly ? 'type' : 'static')
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], 'dynamic')
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, 'type')
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found.filter((i) => i.specifier.startsWith('./') || i.specifier.startsWith('../'))
}

// ESM imports name the emitted file (`./x.js`); the module on disk is `x.ts` or `x.tsx`.
function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier)
  const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '')
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, join(base, 'index.ts'), join(base, 'index.tsx')]
  return candidates.find((c) => SOURCE.test(c) && existsSync(c) && statSync(c).isFile())
}

/** The import graph of every module under `root`. Imports that leave `root` are dropped. */
export function buildGraph(root: string): ImportGraph {
  const absRoot = resolve(root)
  const graph: ImportGraph = new Map()
  for (const key of listModules(absRoot)) {
    const file = join(absRoot, key)
    const edges: ImportEdge[] = []
    for (const imp of importsOf(file, readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, imp.specifier)
      if (!target) continue
      const to = toKey(absRoot, target)
      if (to.startsWith('../')) continue
      edges.push({ to, kind: imp.kind, line: imp.line })
    }
    graph.set(key, edges)
  }
  return graph
}

/**
 * The cycles of the graph, each as its modules in import order with the first repeated at
 * the end. One cycle is reported per back edge of a depth-first walk, so every group of
 * modules that import each other shows up at least once without listing every path
 * through it. Each cycle starts at its alphabetically first module, for stable output.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles = new Map<string, string[]>()
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    stack.push(node)
    const targets = [...new Set((graph.get(node) ?? []).map((e) => e.to))].sort()
    for (const to of targets) {
      const seen = state.get(to)
      if (seen === 'open') {
        const ring = stack.slice(stack.indexOf(to))
        const start = ring.indexOf([...ring].sort()[0]!)
        const rotated = [...ring.slice(start), ...ring.slice(0, start)]
        cycles.set(rotated.join('\0'), [...rotated, rotated[0]!])
      } else if (seen === undefined && graph.has(to)) {
        visit(to)
      }
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return [...cycles.values()].sort((a, b) => a.join(' ').localeCompare(b.join(' ')))
}

export interface LayerBreach {
  from: string
  to: string
  line: number
  rule: string
}

interface LayerRule {
  rule: string
  breaks(from: string, to: string): boolean
}

const LAYER_RULES: LayerRule[] = [
  {
    rule: 'deck/ never imports snapshot/capture',
    breaks: (from, to) => from.startsWith('deck/') && /^snapshot\/capture(\.tsx?|\/)/.test(to),
  },
  {
    rule: 'ui/ is imported by nothing outside ui/ except commands/home',
    breaks: (from, to) => to.startsWith('ui/') && !from.startsWith('ui/') && !/^commands\/home\.tsx?$/.test(from),
  },
]

/** Imports that break the layering rules above. */
export function findLayerBreaches(graph: ImportGraph): LayerBreach[] {
  const out: LayerBreach[] = []
  for (const [from, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    for (const edge of edges) {
      for (const { rule, breaks } of LAYER_RULES) if (breaks(from, edge.to)) out.push({ from, to: edge.to, line: edge.line, rule })
    }
  }
  return out
}

/** The report lines for `root`: one per cycle, then one per layer breach. Empty when clean. */
export function checkImports(root: string): string[] {
  const graph = buildGraph(root)
  return [
    ...findCycles(graph).map((cycle) => `cycle: ${cycle.join(' -> ')}`),
    ...findLayerBreaches(graph).map((b) => `layer: ${b.from}:${b.line} imports ${b.to} (${b.rule})`),
  ]
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (invokedDirectly) {
  const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src')
  const problems = checkImports(root)
  for (const line of problems) console.log(line)
  if (problems.length > 0) {
    console.error(`check-imports: ${problems.length} problem(s) in ${relative(process.cwd(), resolve(root)) || '.'}`)
    process.exit(1)
  }
  console.log(`check-imports: no cycles or layer breaches in ${listModules(resolve(root)).length} modules`)
}
