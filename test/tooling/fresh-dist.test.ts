// The tests' globalSetup rebuilds a dist/ older than its sources (review A.5 #1): staleness
// is judged from file times set by hand here, and the rebuild runs a stand-in build script
// in a temporary checkout, so this file never touches the real dist/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILD_FINISHED_FILE, checkDist, distStaleness, ensureFreshDist, newestInput } from '../helpers/fresh-dist.js'

const T0 = Date.parse('2026-12-01T10:00:00Z')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function at(root: string, path: string, ms: number, text = 'x'): void {
  const file = join(root, path)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, text)
  utimesSync(file, new Date(ms), new Date(ms))
}

// A checkout whose `npm run build` only writes the finish marker and counts its runs.
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'showtell-fresh-dist-'))
  dirs.push(root)
  const build = `node -e "const fs=require('fs');fs.mkdirSync('dist',{recursive:true});fs.appendFileSync('builds.txt','x');fs.writeFileSync('${BUILD_FINISHED_FILE}','')"`
  at(root, 'package.json', T0, JSON.stringify({ name: 'fake', private: true, scripts: { build } }))
  at(root, 'src/cli.ts', T0)
  at(root, 'src/deck/render.ts', T0 + 1_000)
  at(root, 'templates/slides/finding.md.eta', T0 + 2_000)
  return root
}
const builds = (root: string) => (existsSync(join(root, 'builds.txt')) ? readFileSync(join(root, 'builds.txt'), 'utf8').length : 0)

describe('distStaleness', () => {
  it('trusts a build finished after the newest input', () => {
    expect(distStaleness(T0 + 5_000, { path: 'src/cli.ts', mtimeMs: T0 })).toBeUndefined()
    expect(distStaleness(T0, { path: 'src/cli.ts', mtimeMs: T0 })).toBeUndefined()
  })
  it('names the input that is newer than the build', () => {
    expect(distStaleness(T0, { path: 'templates/deck.md.eta', mtimeMs: T0 + 1 })).toBe('templates/deck.md.eta is newer than dist/')
  })
  it('refuses a dist/ with no finished build', () => {
    expect(distStaleness(undefined, { path: 'src/cli.ts', mtimeMs: T0 })).toBe('dist/ has no finished build')
  })
})

describe('newestInput', () => {
  it('finds the newest file in nested folders of src/ and templates/', () => {
    const root = checkout()
    expect(newestInput(root)).toEqual({ path: join('templates', 'slides', 'finding.md.eta'), mtimeMs: T0 + 2_000 })
    at(root, 'src/snapshot/deep/capture.ts', T0 + 9_000)
    expect(newestInput(root)).toEqual({ path: join('src', 'snapshot', 'deep', 'capture.ts'), mtimeMs: T0 + 9_000 })
  })
  it('counts package.json, and ignores files that are not build inputs', () => {
    const root = checkout()
    at(root, 'test/cli/build.test.ts', T0 + 50_000)
    at(root, 'README.md', T0 + 50_000)
    expect(newestInput(root)?.path).toBe(join('templates', 'slides', 'finding.md.eta'))
    at(root, 'package.json', T0 + 60_000, readFileSync(join(root, 'package.json'), 'utf8'))
    expect(newestInput(root)?.path).toBe('package.json')
  })
})

describe('ensureFreshDist', () => {
  it('builds when there is no dist/, then not again while nothing changed', () => {
    const root = checkout()
    const lines: string[] = []
    ensureFreshDist(root, (line) => lines.push(line))
    expect(builds(root)).toBe(1)
    expect(lines).toEqual(['[tests] dist/ has no finished build: running npm run build'])
    expect(checkDist(root)).toBeUndefined()
    ensureFreshDist(root, (line) => lines.push(line))
    expect(builds(root)).toBe(1)
    expect(lines).toHaveLength(1)
  })

  it('rebuilds after a source file is touched, saying which one', () => {
    const root = checkout()
    ensureFreshDist(root, () => {})
    const finished = join(root, BUILD_FINISHED_FILE)
    utimesSync(finished, new Date(T0 + 10_000), new Date(T0 + 10_000))
    expect(checkDist(root)).toBeUndefined()
    at(root, 'src/workspace/store.ts', T0 + 20_000)
    expect(checkDist(root)).toBe(`${join('src', 'workspace', 'store.ts')} is newer than dist/`)
    const lines: string[] = []
    ensureFreshDist(root, (line) => lines.push(line))
    expect(builds(root)).toBe(2)
    expect(lines).toEqual([`[tests] ${join('src', 'workspace', 'store.ts')} is newer than dist/: running npm run build`])
    expect(checkDist(root)).toBeUndefined()
  })

  it('refuses, with the build output, when the build fails', () => {
    const root = checkout()
    at(root, 'package.json', T0, JSON.stringify({ name: 'fake', private: true, scripts: { build: 'node -e "console.error(\'TS2322 in src/cli.ts\');process.exit(2)"' } }))
    expect(() => ensureFreshDist(root, () => {})).toThrow(/dist\/ is stale \(dist\/ has no finished build\) and `npm run build` failed[\s\S]*TS2322 in src\/cli\.ts/)
  })
})
