// Given accounts on the demo site, some of them hostile, when `showtell build`
// runs with snapshots, then the deck still builds, each account's status is in
// the manifest, scraped text never becomes markup, and the next meeting's deck
// shows what changed since this one.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite()
})

afterAll(async () => {
  await site.close()
})

describe('showtell build with live snapshots', () => {
  it('builds the deck through hostile pages, and the next deck shows the change', async () => {
    const url = site.url
    const workspace = await makeDemoWorkspace(
      url,
      [
        { id: 'nordlys-linkedin', platform: 'linkedin', url: `${url}/linkedin/company/nordlys-outdoor`, label: 'Nordlys on LinkedIn' },
        { id: 'hostile-page', platform: 'website', url: `${url}/nasty/hostile`, label: 'A hostile page' },
        { id: 'walled-page', platform: 'linkedin', url: `${url}/nasty/login-wall`, label: 'A walled page' },
        { id: 'hanging-page', platform: 'website', url: `${url}/nasty/hang`, label: 'A hanging page' },
      ],
      { timeout: 6 },
    )
    const first = await runCli(['build', '--topic', 'listening', '--date', '2026-11-24', '--format', 'html,md', '--json', '--workspace', workspace])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const manifest = JSON.parse(first.stdout) as { snapshots: { account: string; status: string; screenshot?: string }[]; agenda: { id: string; placeholder: boolean }[] }
    expect(Object.fromEntries(manifest.snapshots.map((s) => [s.account, s.status]))).toEqual({
      'nordlys-linkedin': 'ok',
      'hostile-page': 'ok',
      'walled-page': 'blocked',
      'hanging-page': 'timeout',
    })
    expect(manifest.agenda.find((s) => s.id === 'here-and-now')!.placeholder).toBe(false)
    const dir = join(workspace, 'out', '2026-11-24-listening')
    expect((await readdir(join(dir, 'snapshots'))).sort()).toEqual(['hostile-page.png', 'nordlys-linkedin.png'])

    // The hostile page's injected text never becomes markup in the deck.
    const html = await readFile(join(dir, 'deck.html'), 'utf8')
    expect(html).not.toMatch(/class="[^"]*pwned/)
    expect(html).not.toContain('<strong>Hacked')
    expect(html).not.toContain('href="http://evil.example"')
    expect(html).not.toMatch(/<img[^>]*onerror/)
    // It is there as text, in the speaker notes, escaped inside the data block.
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)\\u003e')
    // The screenshots are inside deck.html, which loads nothing else.
    expect(html).toContain('data:image/png;base64,')
    expect(html).not.toMatch(/url\(&quot;snapshots\//)

    // A week later the numbers have moved: the deck says by how much.
    site.state.followersBump += 250
    const second = await runCli(['build', '--topic', 'policy', '--date', '2026-12-01', '--format', 'md', '--json', '--workspace', workspace])
    expect(second.code).toBe(0)
    const markdown = await readFile(join(workspace, 'out', '2026-12-01-policy', 'deck.md'), 'utf8')
    expect(markdown).toContain('LinkedIn: 12,595 followers')
    expect(markdown).toContain('▲ 250 since 2026\\-11\\-24')
    // The walled page shows no number of its own, and says it has none.
    expect(markdown).toContain('No good value recorded yet')
    // The meeting log recorded both builds.
    const log = (await readFile(join(workspace, 'history', 'meetings.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
    expect(log.map((e: { date: string; topic: string }) => `${e.date} ${e.topic}`)).toEqual(['2026-11-24 listening', '2026-12-01 policy'])
  })
})
