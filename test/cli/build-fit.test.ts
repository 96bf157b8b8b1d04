// A workspace topic with far too much text for one slide: the build still
// finishes, but names the slide to shorten (on stderr, in the summary, and
// in build.json's warnings), measured in Chromium as the PDF is printed.
// A deck that fits has no warnings.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

describe('showtell build checks that every slide fits', () => {
  it('names the slide whose text runs off the bottom, and still writes the deck', async () => {
    const policy = parse(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')) as { keyPoints: { title: string; detail: string }[] }
    policy.keyPoints[0] = { ...policy.keyPoints[0]!, title: 'A point with far too much to say', detail: 'This sentence is far too long for a slide. '.repeat(30) }
    const dir = await makeWorkspace({ 'topics/policy.yaml': stringify(policy) })
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'pdf', '--no-snapshots'], { cwd: dir })
    expect(result.code).toBe(0)
    const warning = /slide (\d+) \("A point with far too much to say", Key points\) runs (\d+)px past the bottom of the slide: shorten its text/
    expect(result.stderr).toMatch(new RegExp(`  ! ${warning.source}`))
    expect(result.stdout).toMatch(new RegExp(`Check before presenting:\\n  ! ${warning.source}`))
    const manifest = JSON.parse(await readFile(join(dir, 'out', '2026-11-24-policy', 'build.json'), 'utf8')) as { warnings: string[]; slideCount: number }
    expect(manifest.warnings).toHaveLength(1)
    const [, slide, pixels] = warning.exec(manifest.warnings[0]!)!
    expect(Number(slide)).toBeGreaterThan(1)
    expect(Number(slide)).toBeLessThanOrEqual(manifest.slideCount)
    expect(Number(pixels)).toBeGreaterThan(100)
  })

  it('a built-in topic that fits gives no warnings', async () => {
    const dir = await makeWorkspace()
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'pdf', '--no-snapshots', '--json'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('!')
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toEqual([])
  })

  it('the ROI trend chart, drawn from four meetings of history, fits its slide', async () => {
    // The slide-fit test renders without chart files; here the build writes the real SVG.
    const line = (date: string, value: number) =>
      JSON.stringify({ date, capturedAt: `${date}T08:00:00.000Z`, account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value, source: 'meta' } } })
    const history = [line('2026-10-27', 1000), line('2026-11-03', 1100), line('2026-11-10', 1150), line('2026-11-17', 1300)].join('\n')
    const dir = await makeWorkspace({ 'history/snapshots.jsonl': `${history}\n` })
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--format', 'md,pdf', '--no-snapshots', '--json'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(await readFile(join(dir, 'out', '2026-11-24-policy', 'deck.md'), 'utf8')).toContain('charts/followers.svg')
    expect((JSON.parse(result.stdout) as { warnings: string[] }).warnings).toEqual([])
  })
})
