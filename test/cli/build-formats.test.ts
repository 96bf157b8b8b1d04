// `showtell build --format share,png,md` through the built CLI: the files in
// build.json are the files on disk, and stdout names them (the images as one
// line with their first and last name); an unknown format's error names the
// new ones. The default set of a plain build is covered by build.test.ts.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace } from '../helpers/workspace.js'

const ARGS = ['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '45', '--no-snapshots']

describe('showtell build --format share,png,md', () => {
  it('writes deck-share.html, the slide images and deck.md, lists each in build.json, and names them on stdout', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli([...ARGS, '--format', 'share,png,md'], { cwd: workspace })
    expect(result.code).toBe(0)
    const dir = join(workspace, 'out', '2026-11-24-policy')
    const manifest = JSON.parse(await readFile(join(dir, 'build.json'), 'utf8')) as { slideCount: number; files: { name: string; bytes: number }[] }
    const pngs = Array.from({ length: manifest.slideCount }, (_, i) => `slides/deck.${String(i + 1).padStart(3, '0')}.png`)
    expect(manifest.files.map((file) => file.name)).toEqual(['deck-share.html', 'deck.md', 'showtell.css', ...pngs])
    for (const file of manifest.files) expect(file.bytes).toBe((await stat(join(dir, file.name))).size)
    // No deck.html or PDF: only what was asked for.
    expect((await readdir(dir)).filter((name) => /\.(html|pdf|pptx)$/.test(name))).toEqual(['deck-share.html'])
    expect((await readdir(join(dir, 'slides'))).length).toBe(manifest.slideCount)

    expect(result.stdout).toContain('Wrote out/2026-11-24-policy/')
    expect(result.stdout).toMatch(/\n {2}deck-share\.html\s+\d+(\.\d)? [KM]?B\n/)
    expect(result.stdout).toMatch(/\n {2}deck\.md\s+\d+(\.\d)? [KM]?B\n/)
    expect(result.stdout).toContain(`  slides/deck.001.png … deck.${String(manifest.slideCount).padStart(3, '0')}.png`)
    expect(result.stdout).toContain(`(${manifest.slideCount} images)`)
    // The steps and the export phase's two figures (one browser export: no side-by-side line).
    expect(result.stderr).toMatch(/✓ share \(\d+ ms\)/)
    expect(result.stderr).toMatch(/✓ png \(\d+ ms\)/)
    expect(result.stderr).not.toContain('side by side')
  })

  it('says both figures when the exports run side by side', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli([...ARGS, '--format', 'pdf,png', '--json'], { cwd: workspace })
    expect(result.code).toBe(0)
    const manifest = JSON.parse(result.stdout) as { exportTimes: { wallMs: number; sumMs: number; steps: Record<string, number> } }
    expect(Object.keys(manifest.exportTimes.steps).sort()).toEqual(['pdf', 'png'])
    expect(manifest.exportTimes.sumMs).toBe(manifest.exportTimes.steps.pdf! + manifest.exportTimes.steps.png!)
    const text = await runCli([...ARGS, '--format', 'pdf,png'], { cwd: workspace })
    expect(text.stderr).toMatch(/✓ export side by side: \d+ ms wall, its steps add up to \d+ ms/)
  })

  it('--format pptx: the built CLI carries the PowerPoint writer and writes deck.pptx, listed in build.json', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli([...ARGS, '--format', 'pptx'], { cwd: workspace })
    expect(result.stderr).not.toContain('showtell:')
    expect(result.code).toBe(0)
    const dir = join(workspace, 'out', '2026-11-24-policy')
    const manifest = JSON.parse(await readFile(join(dir, 'build.json'), 'utf8')) as { files: { name: string; bytes: number }[] }
    expect(manifest.files.map((file) => file.name)).toContain('deck.pptx')
    // A zip (PK\x03\x04) holding a presentation.
    const pptx = await readFile(join(dir, 'deck.pptx'))
    expect([...pptx.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(pptx.includes(Buffer.from('ppt/presentation.xml'))).toBe(true)
    expect(result.stdout).toMatch(/\n {2}deck\.pptx\s+\d+(\.\d)? [KM]?B\n/)
  })

  it('an unknown format is a one-line error that lists the new formats, exit 2', async () => {
    const workspace = await makeWorkspace()
    const result = await runCli([...ARGS, '--format', 'share,keynote'], { cwd: workspace })
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('unknown format "keynote"')
    expect(result.stderr).toContain('html, pdf, handout, md, share, png, pptx')
  })
})
