// Snapshot benchmark: 16 and 64 accounts from the demo site at concurrency 1
// and 4; wall time and peak memory (this process plus every Chromium process).
// The 16-account runs, which the speed target is about, are repeated in
// alternating pairs and compared by their medians: one run on a shared
// machine says little.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserManager, resolveBrowser } from '../src/browser/manager.js'
import { startDemoSite } from '../src/demo-site/server.js'
import { snapshotAccounts } from '../src/snapshot/run.js'
import { workspaceConfigSchema } from '../src/workspace/schema.js'

const PAGES = [
  ['linkedin', '/linkedin/company/nordlys-outdoor'],
  ['instagram', '/instagram/nordlysoutdoor/'],
  ['facebook', '/facebook/nordlysoutdoor'],
  ['threads', '/threads/@nordlysoutdoor'],
  ['tiktok', '/tiktok/@nordlysoutdoor'],
  ['youtube', '/youtube/channel/UCnordlysoutdoor00000000'],
  ['blog', '/blog/'],
  ['linkedin', '/linkedin/in/ingrid-nordlys'],
] as const

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8')
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1])
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      rss.set(Number(name), kb * 1024)
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0
  const stack = [rootPid]
  while (stack.length) {
    const pid = stack.pop()!
    total += rss.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

async function run(site: string, count: number, concurrency: number) {
  const accounts = Array.from({ length: count }, (_, i) => {
    const [platform, path] = PAGES[i % PAGES.length]!
    return { id: `bench-${i}`, platform, url: `${site}${path}`, label: `Bench ${i}` }
  })
  const config = workspaceConfigSchema.parse({
    company: { name: 'Bench' },
    accounts,
    meeting: { weekday: 'tuesday', start: '2026-11-24' },
    snapshot: { concurrency, timeout: 30, allowPrivateNetwork: true },
  })
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-bench-snap-'))
  const browser = new BrowserManager({})
  await browser.get()
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(process.pid))), 50)
  const started = performance.now()
  const results = await snapshotAccounts(config, config.accounts, { browser, outDir })
  const ms = performance.now() - started
  clearInterval(sampler)
  await browser.close()
  return { ms, peakMb: peak / 1024 / 1024, ok: results.filter((r) => r.status === 'ok').length }
}

const PAIRS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export async function benchSnapshots(): Promise<void> {
  const site = await startDemoSite()
  try {
    const found = resolveBrowser({})
    console.log(`\nSnapshot N accounts from the demo site with ${found.path} (browser already started; wall time, peak RSS of node + Chromium):`)
    const runs: Record<string, { ms: number; peakMb: number; ok: number }[]> = {}
    const record = async (count: number, concurrency: number) => {
      const r = await run(site.url, count, concurrency)
      ;(runs[`${count}x${concurrency}`] ??= []).push(r)
      if (r.ok !== count) console.log(`  warning: ${count} accounts at concurrency ${concurrency}: only ${r.ok} ok`)
    }
    for (let pair = 0; pair < PAIRS; pair++) {
      await record(16, 1)
      await record(16, 4)
    }
    await record(64, 1)
    await record(64, 4)
    const figure = (key: string) => ({ ms: median(runs[key]!.map((r) => r.ms)), peakMb: Math.max(...runs[key]!.map((r) => r.peakMb)), ok: Math.min(...runs[key]!.map((r) => r.ok)) })
    for (const key of ['16x1', '16x4', '64x1', '64x4']) {
      const [count, concurrency] = key.split('x').map(Number) as [number, number]
      const f = figure(key)
      const times = runs[key]!.length > 1 ? ` (median of ${runs[key]!.length}: ${runs[key]!.map((r) => (r.ms / 1000).toFixed(1)).join(', ')})` : ''
      console.log(`  ${String(count).padStart(2)} accounts, concurrency ${concurrency}: ${(f.ms / 1000).toFixed(1)} s${times}, peak ${f.peakMb.toFixed(0)} MB, ${f.ok}/${count} ok`)
    }
    const ratio = figure('16x4').ms / figure('16x1').ms
    const pairRatios = runs['16x4']!.map((r, i) => r.ms / runs['16x1']![i]!.ms)
    console.log(`  16 accounts: concurrency 4 takes ${ratio.toFixed(2)}× the time of concurrency 1 (target ≤ 0.4×; pair by pair ${pairRatios.map((r) => r.toFixed(2)).join(', ')})`)
    console.log(`  64 accounts: concurrency 4 takes ${(figure('64x4').ms / figure('64x1').ms).toFixed(2)}× the time of concurrency 1`)
    console.log(`  peak memory at concurrency 4: 64 accounts ${figure('64x4').peakMb.toFixed(0)} MB vs 16 accounts ${figure('16x4').peakMb.toFixed(0)} MB (${(figure('64x4').peakMb / figure('16x4').peakMb).toFixed(2)}×; flat means pages are closed)`)
  } finally {
    await site.close()
  }
}
