// Given a workspace whose platforms are the demo site, when a user runs the
// built `showtell audit`, then progress shows on stderr as the checks run, the
// report lands in history/audit.json with the time it ran, every account found
// gets a screenshot through the snapshot code, and --budget, --json and
// --no-screenshots do what they say.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject, readPngSize } from '../helpers/demo-workspace.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site?.close()
})

// Two platforms keep the run short: the workspace brings its own rules file
// with the shipped Instagram and Bluesky rules.
const RULES = `instagram:
  base: https://www.instagram.com
  probe: "{base}/{handle}/"
  kind: page
  status: { present: [200], absent: [404] }
  present: ["@{handle}"]
  absent: ["Sorry, this page isn't available"]
bluesky:
  base: https://public.api.bsky.app
  probe: "{base}/xrpc/app.bsky.actor.getProfile?actor={handle}"
  kind: api
  status: { present: [200], absent: [400, 404] }
  present: ['"handle"']
  absent: ["Profile not found"]
`

async function auditWorkspace(): Promise<string> {
  const u = site.url
  const config = demoConfigObject(
    u,
    [
      { id: 'nordlys-instagram', platform: 'instagram', url: `${u}/instagram/nordlysoutdoor/` },
      { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
      { id: 'fan-page', platform: 'instagram', url: `${u}/instagram/nordlys_news/`, owner: 'unofficial' } as never,
    ],
    { endpoints: { instagram: `${u}/instagram` } },
  )
  return makeWorkspace({ 'showtell.yaml': stringify({ ...config, audit: { delayMs: 0 } }), 'rules/audit.yaml': RULES })
}

interface Report {
  ranAt: string
  candidates: number
  checked: number
  budget: number
  findings: { platform: string; handle: string; result: string; reason?: string; displayName?: string; followers?: number; screenshot?: string; capturedAt?: string; foundBy?: string }[]
  controls?: { platform: string; verdict: string; why?: string; probes: { kind: string; handle: string; answer: string }[] }[]
  searches?: { platform: string; query: string; outcome: string }[]
}

const readReport = async (dir: string) => JSON.parse(await readFile(join(dir, 'history', 'audit.json'), 'utf8')) as Report

describe('showtell audit', () => {
  it('a password in an endpoint reaches neither history/audit.json nor the output: the report is redacted before it is written', async () => {
    const dir = await auditWorkspace()
    const yamlPath = join(dir, 'showtell.yaml')
    const yamlText = await readFile(yamlPath, 'utf8')
    const withPassword = yamlText.replace(`instagram: ${site.url}/instagram`, `instagram: ${site.url.replace('http://', 'http://probe:hunter2@')}/instagram`)
    expect(withPassword).not.toBe(yamlText)
    await writeFile(yamlPath, withPassword)
    const result = await runCli(['audit', '--no-screenshots', '--json', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    const written = await readFile(join(dir, 'history', 'audit.json'), 'utf8')
    // The finds carry the probed address: with its user-info redacted.
    expect(written).toContain('http://[redacted]@127.0.0.1')
    for (const text of [written, result.stdout, result.stderr]) expect(text).not.toContain('hunter2')
  })

  it('shows progress, finds the planted impostors, screenshots them and keeps the report', async () => {
    const dir = await auditWorkspace()
    const before = Date.now()
    const result = await runCli(['audit', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    const report = await readReport(dir)

    // The report: when it ran, and exactly the two impostors found by handle and the one only a name
    // search finds (the fan page is listed, so it is not new).
    expect(Date.parse(report.ranAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(report.ranAt)).toBeLessThanOrEqual(Date.now())
    const found = report.findings.filter((f) => f.result === 'exists-unlisted')
    expect(found.map((f) => `${f.platform}:${f.handle}`).sort()).toEqual(['bluesky:nordlysoutdoor.bsky.social', 'bluesky:trailgear-deals.bsky.social', 'instagram:nordlys.official'])
    expect(report.findings.find((f) => f.handle === 'nordlys_news')?.result).toBe('official')

    // Progress on stderr (a pipe here, so one line every 25 candidates and one at the end), each find named as it happens.
    const lines = result.stderr.trimEnd().split('\n')
    const checked = lines.filter((l) => l.startsWith('  checked ')).map((l) => /^ {2}checked (\d+) of (\d+) candidates · (\d+) found$/.exec(l))
    expect(checked.every(Boolean), result.stderr).toBe(true)
    const counts = checked.map((m) => Number(m![1]))
    const expected = [25, 50, 75].filter((n) => n < report.candidates).concat(report.candidates)
    expect(counts).toEqual(expected)
    expect(checked.every((m) => Number(m![2]) === report.candidates)).toBe(true)
    expect(Number(checked.at(-1)![3])).toBe(3)
    expect(lines).toContain('  found instagram nordlys.official (Nordlys Official Fans)')
    expect(lines).toContain('  found bluesky nordlysoutdoor.bsky.social (Nordlys Outdoor Support)')
    expect(lines).toContain('  found bluesky trailgear-deals.bsky.social (Nordlys Outdoor) by name search')
    // The "found" counter never runs ahead of the finds named so far.
    let named = 0
    for (const line of lines) {
      if (line.startsWith('  found ')) named += 1
      const m = /· (\d+) found$/.exec(line)
      if (m) expect(Number(m[1])).toBe(named)
    }
    expect(lines.filter((l) => l.startsWith('  ✓ screenshot '))).toHaveLength(3)

    // A screenshot per find, taken by the snapshot code, its path on the finding.
    const shots = await listTree(join(dir, 'history', 'audit'))
    expect(shots).toEqual(['bluesky-nordlysoutdoor-bsky-social.png', 'bluesky-trailgear-deals-bsky-social.png', 'instagram-nordlys-official.png'])
    for (const finding of found) {
      expect(finding.screenshot).toBe(`history/audit/${finding.platform}-${finding.handle.replace(/[^a-z0-9]+/g, '-')}.png`)
      expect(await readPngSize(join(dir, finding.screenshot!))).toEqual({ width: 1280, height: 800 })
      expect(Number.isNaN(Date.parse(finding.capturedAt!))).toBe(false)
    }
    expect(found.find((f) => f.platform === 'instagram')).toMatchObject({ displayName: 'Nordlys Official Fans', followers: 1020 })

    // The table on stdout says where the evidence is.
    expect(result.stdout).toMatch(/^instagram\s+nordlys\.official\s+exists-unlisted\s+1,020\s+Nordlys Official Fans · screenshot history\/audit\/instagram-nordlys-official\.png$/m)
    expect(result.stdout).toMatch(/^bluesky\s+trailgear-deals\.bsky\.social\s+exists-unlisted\s+58\s+found by name search: display name 'Nordlys Outdoor' · screenshot history\/audit\/bluesky-trailgear-deals-bsky-social\.png$/m)
    expect(result.stdout).toContain('3 accounts carry our name but are not in showtell.yaml (1 found by name search)')
    expect(result.stdout).toContain('Name search: bluesky 2 of 2 answered\n')
    expect(result.stdout).toContain('Report in history/audit.json · screenshots in history/audit/')

    // The next build shows the finds in its loss-of-control segment, screenshots inside deck.html.
    // One screenshot has gone missing since: its slide says so, and the build still finishes.
    await rm(join(dir, 'history', 'audit', 'bluesky-nordlysoutdoor-bsky-social.png'))
    const build = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'html,md', '--json', '--workspace', dir])
    expect(build.code, build.stderr).toBe(0)
    const manifest = JSON.parse(build.stdout) as { agenda: { id: string; placeholder: boolean; slideCount: number }[] }
    expect(manifest.agenda.find((s) => s.id === 'loss-of-control')).toMatchObject({ placeholder: false, slideCount: 5 })
    const out = join(dir, 'out', '2026-11-24-policy')
    const markdown = (await readFile(join(out, 'deck.md'), 'utf8')).replaceAll('\u200b', '')
    expect(markdown).toContain('# 3 accounts carry our name but are not run by us')
    expect(markdown).toContain('# &#64;nordlys.official poses as us on Instagram')
    expect(markdown).toContain('> Report it to the platform as impersonation')
    expect(markdown).toContain('![screenshot](audit/instagram-nordlys-official.png)')
    expect(markdown).toContain('No screenshot: the screenshot file is missing; run showtell audit again')
    expect(markdown).toContain('# We watch 1 unofficial account that carries our name')
    expect(await listTree(join(out, 'audit'))).toEqual(['bluesky-trailgear-deals-bsky-social.png', 'instagram-nordlys-official.png'])
    const html = await readFile(join(out, 'deck.html'), 'utf8')
    const png = (await readFile(join(out, 'audit', 'instagram-nordlys-official.png'))).toString('base64')
    expect(html).toContain(`data:image/png;base64,${png}`)
    expect(html).not.toMatch(/url\(&quot;audit\//)
  })

  it('--budget caps the requests; --json prints the stored report and no progress', async () => {
    const dir = await auditWorkspace()
    const result = await runCli(['audit', '--budget', '10', '--no-screenshots', '--json', '--workspace', dir])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    const printed = JSON.parse(result.stdout) as Report
    expect(printed).toEqual(await readReport(dir))
    expect(printed.budget).toBe(10)
    expect(printed.checked).toBe(10)
    // The controls go first: a made-up handle and our own account on each of the two platforms.
    expect(printed.controls!.flatMap((c) => c.probes)).toHaveLength(4)
    // Then a name search for each of the two names (no Mastodon account, so Bluesky only).
    expect(printed.searches!.map((s) => [s.platform, s.query, s.outcome])).toEqual([
      ['bluesky', 'Nordlys Outdoor', 'ok'],
      ['bluesky', 'Nordlys', 'ok'],
    ])
    expect(printed.findings.find((f) => f.foundBy === 'name-search')?.handle).toBe('trailgear-deals.bsky.social')
    // Everything not listed (three accounts) and not among the four requests left waits for another run.
    expect(printed.findings.filter((f) => f.result === 'official')).toHaveLength(3)
    expect(printed.findings.filter((f) => f.result === 'unknown' && /budget of 10 was spent/.test(f.reason ?? '')).length).toBe(printed.candidates - 4 - 3)
    // --no-screenshots: no browser, no pictures.
    expect(printed.findings.some((f) => f.screenshot)).toBe(false)
    expect((await listTree(dir)).filter((f) => f.startsWith('history/'))).toEqual(['history/audit.json'])
  })

  it('a browser that will not start costs the screenshots, not the evidence: each find is still weighed (pictures not compared), the report kept, the failure said', async () => {
    const dir = await auditWorkspace()
    // /bin/false starts and exits at once: puppeteer's connection closes, as with a broken Chromium.
    const result = await runCli(['audit', '--browser-path', '/bin/false', '--workspace', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('weighing the evidence for 3 finds (pictures not compared: the browser did not start)')
    expect(result.stderr).toMatch(/showtell: the browser at \/bin\/false \(--browser-path\) did not start/)
    const report = (await readReport(dir)) as unknown as { findings: { result: string; handle: string; screenshot?: string; evidence?: { level: string; reasons: { code: string; says: string }[] } }[] }
    const found = report.findings.filter((f) => f.result === 'exists-unlisted')
    expect(found).toHaveLength(3)
    for (const f of found) {
      expect(f.screenshot, f.handle).toBeUndefined()
      expect(f.evidence, f.handle).toBeDefined()
      // The picture is "not known", and says why: not --no-screenshots, the browser.
      expect(f.evidence!.reasons.find((r) => r.code === 'avatarUnknown')?.says, f.handle).toBe('Avatar not known (pictures are not compared: the browser did not start)')
    }
  })

  it('a later audit drops the screenshot of an account that is no longer found', async () => {
    const dir = await auditWorkspace()
    expect((await runCli(['audit', '--workspace', dir])).code).toBe(0)
    expect(await listTree(join(dir, 'history', 'audit'))).toHaveLength(3)
    // Instagram now hides behind a login wall: its impostor is unknown, not found.
    site.state.walls.instagram = 'login'
    try {
      const again = await runCli(['audit', '--workspace', dir])
      expect(again.code, again.stderr).toBe(0)
    } finally {
      site.state.walls.instagram = 'none'
    }
    const report = await readReport(dir)
    expect(report.findings.find((f) => f.handle === 'nordlys.official')?.result).toBe('unknown')
    expect(await listTree(join(dir, 'history', 'audit'))).toEqual(['bluesky-nordlysoutdoor-bsky-social.png', 'bluesky-trailgear-deals-bsky-social.png'])
    // A run without screenshots names none, so none is kept.
    expect((await runCli(['audit', '--no-screenshots', '--workspace', dir])).code).toBe(0)
    expect(await listTree(join(dir, 'history'))).toEqual(['audit.json'])
  })
})
