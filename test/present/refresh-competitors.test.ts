// refreshDeck on a deck built with competitors (issue 16), against the demo
// site (real Chromium, 127.0.0.1 only): the refresh reads the competitors
// again, as the build did, and hands back a fresh "How we compare" with
// their new numbers; a competitor that fails now keeps the build's
// comparison (or, an executive's account, the build's scorecard) and is named
// in `failed`; neither history file is written.
//
// The deck, worked out by hand (topic listening, 45 minutes, 2026-11-24):
// ours are LinkedIn (12,345 on the site) and Instagram (88,700); the
// competitors Fjellkraft (Instagram 41,200, shown as "41.2K", and its CEO
// Ingrid Fjell on Bluesky, an executive, 3,420) and Villmark Gear (Instagram
// 9,650, shown as "9,650"). The history holds 2026-11-17: LinkedIn 11,000,
// Instagram 88,000, Fjellkraft 40,000, Villmark 9,000. Slides (0-based): 0–2
// the opening; 3 what to look for; 4 the overview; 5 LinkedIn's spotlight
// (+12.2%; Instagram's +0.8% is no news); 6 how we compare (Instagram is the
// only platform where a competitor has an account too); 7 the executive
// scorecard (Ingrid Fjell alone); 8–19 the other segments; 20 the ROI chart;
// 21–22 the next meeting; 23– the appendix.
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDeck, type BuildManifest } from '../../src/build/build.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { refreshDeck, type RefreshEvent, type RefreshResult } from '../../src/present/refresh.js'
import { MEETING_LOG_FILE } from '../../src/rotation/log.js'
import { COMPETITOR_HISTORY_FILE, HISTORY_FILE } from '../../src/snapshot/history.js'
import { loadWorkspace, type Workspace } from '../../src/workspace/load.js'
import { testBrowser } from '../helpers/browser.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const DATE = '2026-11-24'
const COMPARE = 6
const SCORECARD = 7
const ROI = 20

const browser = testBrowser()
let site: DemoSite

const seed = (account: string, platform: string, value: number, competitor?: string) =>
  JSON.stringify({ date: '2026-11-17', capturedAt: '2026-11-17T08:00:00.000Z', account, platform, status: 'ok', metrics: { followers: { value, source: 'page-text' } }, ...(competitor ? { competitor } : {}) })

function configFor(url: string, villmarkUrl = `${url}/instagram/villmarkgear/`): Record<string, unknown> {
  const config = demoConfigObject(url, [
    { id: 'nordlys-linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' },
    { id: 'nordlys-instagram', platform: 'instagram', url: `${url}/instagram/nordlysoutdoor/`, label: 'Nordlys on Instagram' },
  ])
  return {
    ...config,
    competitors: [
      {
        name: 'Fjellkraft',
        accounts: [
          { id: 'fjellkraft-instagram', platform: 'instagram', url: `${url}/instagram/fjellkraft/`, label: 'Fjellkraft on Instagram' },
          { id: 'fjellkraft-ceo', platform: 'bluesky', handle: 'fjellkraft.bsky.social', label: 'Fjellkraft CEO', owner: 'executive', person: 'Ingrid Fjell' },
        ],
      },
      { name: 'Villmark Gear', accounts: [{ id: 'villmark-instagram', platform: 'instagram', url: villmarkUrl, label: 'Villmark Gear on Instagram' }] },
    ],
  }
}

async function builtDeck(): Promise<{ workspace: Workspace; manifest: BuildManifest }> {
  const dir = await makeWorkspace({ 'showtell.yaml': stringify(configFor(site.url)) })
  await mkdir(join(dir, 'history'), { recursive: true })
  await writeFile(join(dir, HISTORY_FILE), `${[seed('nordlys-linkedin', 'linkedin', 11_000), seed('nordlys-instagram', 'instagram', 88_000)].join('\n')}\n`)
  await writeFile(join(dir, COMPETITOR_HISTORY_FILE), `${[seed('fjellkraft-instagram', 'instagram', 40_000, 'Fjellkraft'), seed('villmark-instagram', 'instagram', 9_000, 'Villmark Gear')].join('\n')}\n`)
  const workspace = await loadWorkspace(dir)
  const manifest = await buildDeck(workspace, { topic: 'listening', date: DATE, formats: ['html'], browserManager: browser })
  return { workspace, manifest }
}

/** Every file of the deck folder and the workspace's two histories and meeting log, with a hash of its bytes. */
async function fingerprint(workspace: Workspace, folder: string): Promise<Record<string, string>> {
  const hash = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex')
  const out: Record<string, string> = {}
  for (const name of await listTree(folder)) out[`deck/${name}`] = await hash(join(folder, name))
  for (const name of [HISTORY_FILE, COMPETITOR_HISTORY_FILE, MEETING_LOG_FILE]) out[name] = await hash(join(workspace.paths.root, name))
  return out
}

/** The pictures a refreshed slide carries inline (the comparison's chart is one), decoded. */
function inlinePictures(html: string): string {
  return [...html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((match) => Buffer.from(match[1]!, 'base64').toString('utf8')).join('\n')
}

const slideAt = (result: RefreshResult, index: number) => result.slides.find((slide) => slide.index === index)

beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site.close()
  await browser.close()
})

describe('refreshDeck on a deck built with competitors', () => {
  let workspace: Workspace
  let manifest: BuildManifest
  let before: Record<string, string>

  beforeAll(async () => {
    site.state.followersBump = 0
    ;({ workspace, manifest } = await builtDeck())
    before = await fingerprint(workspace, manifest.outDir)
  })

  it('was built as worked out: the comparison and the scorecard in here-and-now, with the build-time numbers', () => {
    const slides = manifest.refresh!.slides
    expect([slides[COMPARE]!.title, slides[COMPARE]!.segment, slides[COMPARE]!.appendix]).toEqual(['How we compare: growth, not size', 'here-and-now', false])
    expect([slides[SCORECARD]!.kind, slides[SCORECARD]!.segment, slides[SCORECARD]!.appendix]).toEqual(['table', 'here-and-now', false])
    expect(slides[ROI]!.segment).toBe('roi')
    expect(manifest.competitors?.map((r) => [r.account, r.competitor, r.status, r.metrics.followers?.value])).toEqual([
      ['fjellkraft-instagram', 'Fjellkraft', 'ok', 41_200],
      ['fjellkraft-ceo', 'Fjellkraft', 'ok', 3_420],
      ['villmark-instagram', 'Villmark Gear', 'ok', 9_650],
    ])
  })

  it('returns a fresh comparison with the competitors’ new numbers, their progress among the snapshot events, and writes neither history', async () => {
    const events: RefreshEvent[] = []
    site.state.followersBump = 1_000
    let result: RefreshResult
    try {
      result = await refreshDeck({ workspace, folder: manifest.outDir, browserManager: browser, onProgress: (event) => events.push(event), now: new Date(`${DATE}T08:01:00Z`) })
    } finally {
      site.state.followersBump = 0
    }
    expect(result.failed).toEqual([])
    expect(result.accounts).toEqual({ total: 5, ok: 5, failed: [] })
    expect(result.slides.map((slide) => slide.index)).toEqual([3, 4, 5, COMPARE, SCORECARD, ROI])
    const compare = slideAt(result, COMPARE)!
    expect(compare.title).toBe('How we compare: growth, not size')
    // Fjellkraft 41,200 + 1,000 = 42,200 against 40,000: +5.5%. Ours 88,700 + 1,000 = 89,700 against 88,000: +1.9%.
    expect(compare.notes).toContain('Fjellkraft 42,200 (▲ 5.5%)')
    expect(compare.notes).toContain('Nordlys Outdoor 89,700 (▲ 1.9%)')
    expect(compare.notes).not.toContain('41,200')
    // The chart the room sees carries them too (the build's said 41,200 and 3.0%).
    expect(inlinePictures(compare.html)).toContain('Fjellkraft · 42,200')
    expect(inlinePictures(compare.html)).toContain('▲ 5.5%')
    // Ingrid Fjell's 3,420 + 1,000.
    expect(slideAt(result, SCORECARD)!.notes).toContain('Ingrid Fjell (Fjellkraft): Bluesky')
    expect(slideAt(result, SCORECARD)!.notes).toContain('4,420 followers')
    // The competitors are read after ours, each start marked with its competitor.
    const starts = events.flatMap((event) => (event.type === 'snapshot' && event.event.type === 'account-start' ? [[event.event.account, event.event.competitor ?? null]] : []))
    expect(starts.slice(0, 2).map(([account]) => account).sort()).toEqual(['nordlys-instagram', 'nordlys-linkedin'])
    expect(starts.slice(0, 2).every(([, competitor]) => competitor === null)).toBe(true)
    expect(starts.slice(2).sort()).toEqual([
      ['fjellkraft-ceo', 'Fjellkraft'],
      ['fjellkraft-instagram', 'Fjellkraft'],
      ['villmark-instagram', 'Villmark Gear'],
    ])
    const done = events.flatMap((event) => (event.type === 'snapshot' && event.event.type === 'account-done' ? [[event.event.result.account, event.event.result.competitor ?? null]] : []))
    expect(done).toContainEqual(['villmark-instagram', 'Villmark Gear'])
    expect(await fingerprint(workspace, manifest.outDir)).toEqual(before)
  })

  it('keeps the build’s scorecard when a competitor’s executive fails, and names them; the comparison still comes fresh', async () => {
    // Bluesky walled: only Fjellkraft's CEO is there, and the comparison has no Bluesky row.
    site.state.followersBump = 1_000
    site.state.walls.bluesky = 'challenge'
    let result: RefreshResult
    try {
      result = await refreshDeck({ workspace, folder: manifest.outDir, browserManager: browser })
    } finally {
      site.state.followersBump = 0
      site.state.walls.bluesky = 'none'
    }
    expect(result.accounts.failed.map((f) => [f.account, f.competitor, f.status, f.keptFromBuild])).toEqual([['fjellkraft-ceo', 'Fjellkraft', 'blocked', true]])
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toMatch(/^Fjellkraft CEO \(Fjellkraft, a competitor\): kept from the build \(.+\)$/)
    expect(result.kept).toEqual([{ index: SCORECARD, title: manifest.refresh!.slides[SCORECARD]!.title, why: 'failed-account' }])
    // The ROI sums ours only: a competitor's failure does not hold it back.
    expect(result.slides.map((slide) => slide.index)).toEqual([3, 4, 5, COMPARE, ROI])
    expect(slideAt(result, COMPARE)!.notes).toContain('Fjellkraft 42,200 (▲ 5.5%)')
    expect(await fingerprint(workspace, manifest.outDir)).toEqual(before)
  })
})

describe('refreshDeck when a competitor fails now', () => {
  it('keeps the build’s comparison, names the competitor, and still swaps the slides that do not show it', async () => {
    site.state.followersBump = 0
    const { workspace: built, manifest } = await builtDeck()
    // Villmark Gear's page walls itself off after the build (same account, same label: the slides are the same slides).
    const file = join(built.paths.root, 'showtell.yaml')
    await writeFile(file, stringify(configFor(site.url, `${site.url}/nasty/login-wall`)))
    const workspace = await loadWorkspace(built.paths.root)
    expect(parse(await readFile(file, 'utf8'))).toMatchObject({ competitors: [{ name: 'Fjellkraft' }, { accounts: [{ id: 'villmark-instagram', label: 'Villmark Gear on Instagram' }] }] })
    const before = await fingerprint(workspace, manifest.outDir)
    site.state.followersBump = 1_000
    let result: RefreshResult
    try {
      result = await refreshDeck({ workspace, folder: manifest.outDir, browserManager: browser })
    } finally {
      site.state.followersBump = 0
    }
    expect(result.accounts.total).toBe(5)
    expect(result.accounts.failed.map((f) => [f.account, f.competitor, f.keptFromBuild])).toEqual([['villmark-instagram', 'Villmark Gear', true]])
    expect(result.failed).toHaveLength(1)
    expect(result.failed[0]).toMatch(/^Villmark Gear on Instagram \(Villmark Gear, a competitor\): kept from the build \(.+\)$/)
    expect(result.kept).toEqual([{ index: COMPARE, title: 'How we compare: growth, not size', why: 'failed-account' }])
    // Ours, the scorecard (Villmark has no executive) and the ROI come fresh.
    expect(result.slides.map((slide) => slide.index)).toEqual([3, 4, 5, SCORECARD, ROI])
    expect(slideAt(result, 5)!.title).toBe('LinkedIn: 13,345 followers')
    expect(await fingerprint(workspace, manifest.outDir)).toEqual(before)
  })
})
