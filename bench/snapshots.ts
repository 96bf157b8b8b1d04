// Snapshot benchmark: 16 and 64 accounts from the demo site at concurrency 1
// and 4; wall time and peak memory (this process plus every Chromium process).
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserManager } from '../src/browser/manager.js'
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

export async function benchSnapshots(): Promise<void> {
  const site = await startDemoSite()
  try {
    console.log('\nSnapshot N accounts from the demo site (browser already started; wall time, peak RSS of node + Chromium):')
    const figures: Record<string, { ms: number; peakMb: number }> = {}
    for (const count of [16, 64]) {
      for (const concurrency of [1, 4]) {
        const r = await run(site.url, count, concurrency)
        figures[`${count}x${concurrency}`] = r
        console.log(`  ${String(count).padStart(2)} accounts, concurrency ${concurrency}: ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB, ${r.ok}/${count} ok`)
      }
    }
    const ratio = figures['16x4']!.ms / figures['16x1']!.ms
    console.log(`  16 accounts: concurrency 4 takes ${ratio.toFixed(2)}× the time of concurrency 1 (target ≤ 0.4×)`)
    console.log(`  peak memory at concurrency 4: 64 accounts ${figures['64x4']!.peakMb.toFixed(0)} MB vs 16 accounts ${figures['16x4']!.peakMb.toFixed(0)} MB (${(figures['64x4']!.peakMb / figures['16x4']!.peakMb).toFixed(2)}×; flat means pages are closed)`)
  } finally {
    await site.close()
  }
}
