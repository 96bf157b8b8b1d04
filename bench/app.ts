// Start-up benchmark (issue 6): how long until a person sees something.
//   (a) `showtell` in a pseudo-terminal (80×24, the repository root, CI unset):
//       from spawn until the first complete dashboard frame (`Next meeting`).
//   (b) `showtell topics --json`: the whole process, spawn to exit.
// Both run the built CLI (`npm run build` first). Medians are printed with the
// load average, since these machines are shared. Where Linux lets us see it,
// the CPU time the process used is printed too: unlike the wall clock, it
// hardly changes when other work competes for the two cores. Nothing here
// fails on a number.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as Pty from '@lydell/node-pty'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist', 'cli.js')
const RUNS = 11
const COLD_RUNS = 5
const FIRST_FRAME_TARGET = 600
const TOPICS_TARGET = 300
/** A frame that never comes is a failure of the app, not a slow number. */
const FRAME_TIMEOUT = 30_000
/** Linux's clock ticks per second for /proc/<pid>/stat (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100
const TIME = '/usr/bin/time'

const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof Pty

interface Run {
  readonly ms: number
  /** User + system CPU time of the process, when known. */
  readonly cpuMs?: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g

function summary(runs: Run[], target: number): string[] {
  const times = runs.map((r) => r.ms)
  const m = median(times)
  const lines = [`median ${fmt(m)}, min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}; target < ${target} ms, ratio ${(m / target).toFixed(2)}× of target`]
  const cpu = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]))
  if (cpu.length === runs.length) lines.push(`CPU time of the process (user + system): median ${fmt(median(cpu))}, min ${fmt(Math.min(...cpu))}`)
  return lines
}

const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`

/** User + system CPU time of a running process (all its threads), from /proc; undefined elsewhere. */
function cpuOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

/** Spawns `showtell` in a pty; resolves when the dashboard's `Next meeting` is on screen, after the process has gone. */
function firstFrame(extraEnv: Record<string, string> = {}): Promise<Run> {
  const env = { ...process.env, ...extraEnv } as Record<string, string>
  // Under CI (as Ink reads it) showtell prints text instead of opening the app.
  delete env.CI
  delete env.CONTINUOUS_INTEGRATION
  env.TERM = env.TERM && env.TERM !== 'dumb' ? env.TERM : 'xterm-256color'
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = pty.spawn(process.execPath, [CLI], { name: env.TERM, cols: 80, rows: 24, cwd: ROOT, env })
    let output = ''
    let run: Run | undefined
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no dashboard within ${FRAME_TIMEOUT} ms; the terminal showed:\n${output.replace(ANSI, '').slice(-2000)}`))
    }, FRAME_TIMEOUT)
    child.onData((data) => {
      if (run) return
      output += data
      if (output.replace(ANSI, '').includes('Next meeting')) {
        run = { ms: performance.now() - started, cpuMs: cpuOf(child.pid) }
        clearTimeout(timer)
        child.kill()
      }
    })
    // The next run starts only after this one has gone, so they never overlap.
    child.onExit(() => {
      clearTimeout(timer)
      if (run) resolve(run)
      else reject(new Error(`showtell exited before the dashboard appeared; the terminal showed:\n${output.replace(ANSI, '').slice(-2000)}`))
    })
  })
}

/** `showtell topics --json`, spawn to exit; the CPU time comes from /usr/bin/time where it exists. */
function topicsJson(extraEnv: Record<string, string> = {}): Run {
  const timed = existsSync(TIME)
  const [command, args] = timed ? [TIME, ['-f', '%U %S', process.execPath, CLI, 'topics', '--json']] : [process.execPath, [CLI, 'topics', '--json']]
  const t = performance.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, ...extraEnv } })
  const ms = performance.now() - t
  if (result.status !== 0) throw new Error(`showtell topics --json failed: ${result.stderr}`)
  const cpu = timed ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr) : null
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined }
}

function nodeAlone(): Run {
  const t = performance.now()
  spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })
  return { ms: performance.now() - t }
}

export async function benchApp(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  console.log(`\nStart-up (${load()}):`)

  // The validated cache (src/workspace/validated-cache.ts) gets its own folder: the
  // warm runs share one, and each cold run starts with an empty one, as the first
  // run after an edit of showtell.yaml does.
  const caches = mkdtempSync(join(tmpdir(), 'showtell-bench-cache-'))
  const warm = { SHOWTELL_CACHE_DIR: join(caches, 'warm') }
  const cold = () => ({ SHOWTELL_CACHE_DIR: mkdtempSync(join(caches, 'cold-')) })

  await firstFrame(warm) // Warms the file cache and the validated cache; not counted.
  const frames: Run[] = []
  for (let i = 0; i < RUNS; i++) frames.push(await firstFrame(warm))
  console.log(`  showtell in an 80×24 pty → first dashboard frame, ${RUNS} runs:`)
  for (const line of summary(frames, FIRST_FRAME_TARGET)) console.log(`    ${line}`)
  const coldFrames: Run[] = []
  for (let i = 0; i < COLD_RUNS; i++) coldFrames.push(await firstFrame(cold()))
  console.log(`  the same, each run with an empty validated cache (the first run after an edit), ${COLD_RUNS} runs:`)
  for (const line of summary(coldFrames, FIRST_FRAME_TARGET)) console.log(`    ${line}`)

  topicsJson(warm)
  const topics: Run[] = []
  for (let i = 0; i < RUNS; i++) topics.push(topicsJson(warm))
  console.log(`  showtell topics --json, whole process, ${RUNS} runs:`)
  for (const line of summary(topics, TOPICS_TARGET)) console.log(`    ${line}`)
  const coldTopics: Run[] = []
  for (let i = 0; i < COLD_RUNS; i++) coldTopics.push(topicsJson(cold()))
  console.log(`  the same, each run with an empty validated cache, ${COLD_RUNS} runs:`)
  for (const line of summary(coldTopics, TOPICS_TARGET)) console.log(`    ${line}`)
  rmSync(caches, { recursive: true, force: true })

  // The floor no code of ours can go below: Node starting and exiting.
  const bare = Array.from({ length: RUNS }, nodeAlone).map((r) => r.ms)
  console.log(`  for scale, node -e 0: median ${fmt(median(bare))}, min ${fmt(Math.min(...bare))}`)
  console.log(`  (${load()})`)
}
