// `npm run bench -- deck`, the export half: whole-process exports of one
// 60-slide deck, ours against marp-cli's, in alternating pairs (deck.pdf
// against `marp --pdf`, deck.pptx against `marp --pptx`), and one build with
// every export format, whose export phase is timed as a whole and step by step.
// Figures only: nothing here fails on a number, and a format this build of
// showtell does not know yet is said to be unmeasured, not an error.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { resolveBrowser } from '../src/browser/manager.js'

export interface ExportBenchOptions {
  readonly root: string
  /** The built CLI, dist/cli.js. */
  readonly cli: string
  /** marp-cli's entry. */
  readonly marp: string
  /** The 60-slide topic (a parsed topic: written to the bench workspace as YAML). */
  readonly topic: { readonly id: string }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`

interface Run {
  readonly ms: number
  /**
   * CPU time (user + system) of the command and of the processes it waited
   * for (Chromium's renderers end unwaited and are not in it); undefined off Linux.
   */
  readonly cpu: number | undefined
  readonly status: number | null
  readonly stderr: string
}

/**
 * CPU time of this process's finished children so far (cutime + cstime in
 * /proc/self/stat). A child's figure includes the processes it waited for, so
 * one command's CPU is the difference around it: on a shared machine it
 * varies far less than wall time.
 */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS
  } catch {
    return undefined
  }
}

/** Clock ticks per second of /proc's CPU figures (USER_HZ): 100 on every Linux we run on. */
const TICKS = 100

/** CPU figures of the runs so far, by label: printed as medians after the wall times. */
const cpuOf = new Map<string, number[]>()

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const cpuBefore = childrenCpuMs()
  const t = performance.now()
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = performance.now() - t
  const cpuAfter = childrenCpuMs()
  return { ms, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, status: result.status, stderr: result.stderr }
}

/** Runs the command, fails on a non-zero exit, and returns its wall time; its CPU time is kept under `label`. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, label?: string): number {
  const r = run(command, args, env)
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`)
  if (label && r.cpu !== undefined) cpuOf.set(label, [...(cpuOf.get(label) ?? []), r.cpu])
  return r.ms
}

/** "CPU time (…): ours 1270 ms, marp-cli 1100 ms, ratio 1.15×" from the runs labelled so. */
function printCpu(ours: string, theirs: string, extra: string[] = []): void {
  const a = cpuOf.get(ours)
  const b = cpuOf.get(theirs)
  if (!a || !b) return
  const more = extra.flatMap((label) => (cpuOf.get(label) ? [`, ${label} ${fmt(median(cpuOf.get(label)!))}`] : [])).join('')
  console.log(`  CPU time (user + system of Node and the Chromium browser process; not its renderers), median: ours ${fmt(median(a))}, marp-cli ${fmt(median(b))}, ratio ${(median(a) / median(b)).toFixed(2)}×${more}`)
}

/** Runs `a` and `b` in `n` pairs, alternating which goes first so neither always meets a warm cache. */
function pairs(n: number, a: () => number, b: () => number): { ours: number; theirs: number; ratio: number }[] {
  const out: { ours: number; theirs: number; ratio: number }[] = []
  for (let i = 0; i < n; i++) {
    let ours: number
    let theirs: number
    if (i % 2 === 0) {
      ours = a()
      theirs = b()
    } else {
      theirs = b()
      ours = a()
    }
    out.push({ ours, theirs, ratio: ours / theirs })
  }
  return out
}

function printPairs(list: readonly { ours: number; theirs: number; ratio: number }[], target: string): void {
  for (const [i, p] of list.entries()) console.log(`  pair ${i + 1}: ours ${fmt(p.ours)}, marp-cli ${fmt(p.theirs)}, ratio ${p.ratio.toFixed(2)}×`)
  console.log(
    `  median: ours ${fmt(median(list.map((p) => p.ours)))}, marp-cli ${fmt(median(list.map((p) => p.theirs)))}, ratio ${median(list.map((p) => p.ratio)).toFixed(2)}× (target ${target})`,
  )
}

/** The first line of what a failed command said, without our "showtell: " prefix. */
function said(stderr: string): string {
  return (stderr.trim().split('\n').at(-1) ?? '').replace(/^showtell: /, '').trim()
}

export async function benchExports({ root, cli, marp, topic }: ExportBenchOptions): Promise<void> {
  const browser = resolveBrowser({}).path
  const dir = await mkdtemp(join(tmpdir(), 'showtell-bench-'))
  await writeFile(join(dir, 'showtell.yaml'), await readFile(join(root, 'showtell.yaml'), 'utf8'))
  // The 60-slide topic as a workspace topic, so both tools convert the same 60 slides.
  await mkdir(join(dir, 'topics'))
  await writeFile(join(dir, 'topics', `${topic.id}.yaml`), stringify(topic))
  const args = ['build', '--topic', topic.id, '--date', '2026-11-24', '--duration', '60', '--no-snapshots', '--workspace', dir]
  const chrome = { CHROME_PATH: browser }
  // The same deck.md for both: ours writes it, marp-cli converts it.
  timed(process.execPath, [cli, ...args, '--format', 'md'])
  const out = join(dir, 'out', `2026-11-24-${topic.id}`)
  const slides = (JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as { slideCount: number }).slideCount
  const markdownCopy = join(dir, 'deck.md')
  await writeFile(markdownCopy, await readFile(join(out, 'deck.md'), 'utf8'))
  const theme = join(dir, 'showtell.css')
  await writeFile(theme, await readFile(join(out, 'showtell.css'), 'utf8'))
  const marpArgs = (flag: string, file: string) => [marp, '--no-stdin', markdownCopy, '--theme-set', theme, flag, '--allow-local-files', '--browser-path', browser, '-o', join(dir, file)]

  // deck.pdf against marp --pdf.
  const ours = () => timed(process.execPath, [cli, ...args, '--format', 'pdf'], chrome, 'pdf ours')
  const theirs = () => timed(process.execPath, marpArgs('--pdf', 'marp.pdf'), chrome, 'pdf marp')
  // Once each to warm the disk cache; not counted.
  timed(process.execPath, [cli, ...args, '--format', 'pdf'], chrome)
  timed(process.execPath, marpArgs('--pdf', 'marp.pdf'), chrome)
  // SHOWTELL_BENCH_BEFORE=<an earlier build's dist/cli.js>: that build joins each pair, so before and after come from one run.
  const beforeCli = process.env.SHOWTELL_BENCH_BEFORE
  const before: number[] = []
  const withBefore = (first: () => number) => () => {
    if (!beforeCli) return first()
    // It runs first in even pairs and last in odd ones, like ours.
    const ms = first()
    before.push(timed(process.execPath, [beforeCli, ...args, '--format', 'pdf'], chrome, 'before'))
    return ms
  }
  if (beforeCli) timed(process.execPath, [beforeCli, ...args, '--format', 'pdf'], chrome)
  const pdf = pairs(7, withBefore(ours), theirs)
  console.log(`\nExport deck.pdf from the same ${slides}-slide deck.md, whole process, 7 alternating pairs (${browser}):`)
  console.log('  showtell build --format pdf  vs  marp deck.md --pdf (marp-cli)')
  printPairs(pdf, '≤ 0.65×')
  printCpu('pdf ours', 'pdf marp', ['before'])
  if (beforeCli) {
    const ratios = pdf.map((p, i) => before[i]! / p.theirs)
    console.log(`  before (${beforeCli}), in the same pairs: ${before.map((ms) => fmt(ms)).join(', ')}`)
    console.log(
      `  median: before ${fmt(median(before))}, ratio to marp-cli ${median(ratios).toFixed(2)}×; ours takes ${median(pdf.map((p, i) => p.ours / before[i]!)).toFixed(2)}× the time of before`,
    )
  }

  // deck.pptx against marp --pptx: ours is editable (text boxes, tables, notes); marp-cli's slides are pictures.
  const formats = knownFormats(cli, args)
  console.log(`\nExport deck.pptx from the same ${slides}-slide deck, whole process, 5 alternating pairs:`)
  console.log('  showtell build --format pptx (editable)  vs  marp deck.md --pptx (marp-cli, one picture per slide)')
  const probe = run(process.execPath, [cli, ...args, '--format', 'pptx'], chrome)
  if (probe.status !== 0) {
    const why = probe.status === 2 && probe.stderr.includes('--format') ? `this build of showtell does not know --format pptx yet (exit 2: ${said(probe.stderr)})` : `showtell build --format pptx failed (exit ${probe.status}: ${said(probe.stderr)})`
    console.log(`  not measured: ${why}`)
  } else {
    const pptx = pairs(5, () => timed(process.execPath, [cli, ...args, '--format', 'pptx'], chrome, 'pptx ours'), () => timed(process.execPath, marpArgs('--pptx', 'marp.pptx'), chrome, 'pptx marp'))
    printPairs(pptx, '≤ 1.0×')
    printCpu('pptx ours', 'pptx marp')
  }

  // One build with every export format: the export phase runs them side by side in the one browser.
  const every = ['pdf', 'handout', 'png', 'pptx'].filter((f) => formats.includes(f))
  const missing = ['pdf', 'handout', 'png', 'pptx'].filter((f) => !formats.includes(f))
  console.log(`\nBuild with every export format (--format ${every.join(',')}), whole process, 3 runs:`)
  if (missing.length > 0) console.log(`  not in this build of showtell yet: ${missing.join(', ')}`)
  const builds: ExportFigures[] = []
  for (let i = 0; i < 3; i++) {
    const r = run(process.execPath, [cli, ...args, '--format', every.join(',')], chrome)
    if (r.status !== 0) {
      console.log(`  run ${i + 1} failed (exit ${r.status}): ${said(r.stderr)}`)
      continue
    }
    builds.push(await exportFigures(r, out, every))
  }
  for (const [i, b] of builds.entries()) {
    const steps = every.map((f) => `${f} ${b.steps[f] === undefined ? '?' : fmt(b.steps[f]!)}`).join(', ')
    console.log(`  run ${i + 1}: process ${fmt(b.process)}; export phase ${b.wall === undefined ? 'not reported' : fmt(b.wall)}, sum of its steps ${fmt(b.sum)} (${steps})`)
  }
  if (builds.length > 0) {
    const walls = builds.flatMap((b) => (b.wall === undefined ? [] : [b.wall]))
    const longest = builds.map((b) => Math.max(0, ...Object.values(b.steps).filter((ms): ms is number => ms !== undefined)))
    console.log(
      `  median: process ${fmt(median(builds.map((b) => b.process)))}; export phase ${walls.length > 0 ? fmt(median(walls)) : 'not reported'}` +
        `, sum of its steps ${fmt(median(builds.map((b) => b.sum)))}, longest step ${fmt(median(longest))}` +
        (walls.length > 0 ? `; the phase takes ${(median(walls) / median(builds.map((b) => b.sum))).toFixed(2)}× the sum` : ''),
    )
  }
}

interface ExportFigures {
  readonly process: number
  /** The export phase's wall time, as the build reports it (build.json exportTimes.wallMs). */
  readonly wall: number | undefined
  readonly sum: number
  readonly steps: Partial<Record<string, number>>
}

/**
 * The export phase's figures: build.json's `exportTimes` where the build
 * writes them, otherwise the step lines it prints ("✓ pdf (1216 ms)").
 */
async function exportFigures(r: Run, out: string, every: readonly string[]): Promise<ExportFigures> {
  const manifest = JSON.parse(await readFile(join(out, 'build.json'), 'utf8')) as { exportTimes?: { wallMs: number; sumMs: number; steps: Record<string, number> } }
  if (manifest.exportTimes) return { process: r.ms, wall: manifest.exportTimes.wallMs, sum: manifest.exportTimes.sumMs, steps: manifest.exportTimes.steps }
  const steps: Record<string, number> = {}
  for (const match of r.stderr.matchAll(/✓ (\w+) \((\d+) ms\)/g)) if (every.includes(match[1]!)) steps[match[1]!] = Number(match[2])
  return { process: r.ms, wall: undefined, sum: Object.values(steps).reduce((a, b) => a + b, 0), steps }
}

/** The formats this build of the CLI knows, as its error for an unknown one lists them. */
function knownFormats(cli: string, args: readonly string[]): string[] {
  const r = run(process.execPath, [cli, ...args, '--format', 'no-such-format'])
  const list = /list of ([\w, ]+)/.exec(r.stderr)?.[1]
  return list ? list.split(',').map((f) => f.trim()) : ['pdf', 'handout']
}
