// The smaller commands as a user meets them: help, version, topics, init,
// doctor and the non-interactive home screen.
import { readFile, writeFile, chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'))
    const result = await runCli(['--version'])
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` })
  })

  it('--help lists every command and the exit statuses', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    for (const name of ['init', 'topics', 'build', 'doctor']) expect(result.stdout).toContain(`showtell ${name}`)
    expect(result.stdout).toContain('0 done, 1 failed at run time, 2 bad input or usage')
  })

  it('build --help shows the build synopsis', async () => {
    const result = await runCli(['build', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--format html,pdf,handout,md')
  })

  it('an unknown command is a usage error', async () => {
    const result = await runCli(['bulid'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('showtell: unknown command "bulid" (hint: commands: home, init, topics, build, snapshot, record, import, present, schedule, audit, doctor, login; see showtell --help)\n')
  })
})

describe('showtell topics', () => {
  it('--json lists the built-in library, at least 12 topics with ids and titles', async () => {
    const result = await runCli(['topics', '--json'])
    expect(result.code).toBe(0)
    const topics = JSON.parse(result.stdout) as { id: string; title: string; origin: string }[]
    expect(topics.length).toBeGreaterThanOrEqual(12)
    expect(topics.map((t) => t.id)).toEqual(expect.arrayContaining(['policy', 'governance', 'crisis', 'roi', 'blogging', 'listening']))
    expect(topics.find((t) => t.id === 'policy')).toMatchObject({ title: 'Social media policy', origin: 'builtin' })
  })

  it('a workspace topic overrides the built-in one with the same id', async () => {
    const builtin = await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')
    const workspace = await makeWorkspace({ 'topics/policy.yaml': builtin.replace('title: Social media policy', 'title: Our own policy topic') })
    const result = await runCli(['topics', '--json', '--workspace', workspace])
    const policy = (JSON.parse(result.stdout) as { id: string; title: string; origin: string }[]).find((t) => t.id === 'policy')
    expect(policy).toMatchObject({ title: 'Our own policy topic', origin: 'workspace' })
  })

  it('show ID previews the topic with its agenda for the meeting length', async () => {
    const result = await runCli(['topics', 'show', 'crisis'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Crisis and worst cases \(crisis\)/)
    expect(result.stdout).toContain('Agenda for 45 minutes:')
    const minutes = [...result.stdout.matchAll(/ (\d+) min(?!u)/g)].map((m) => Number(m[1]))
    expect(minutes).toHaveLength(10)
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(45)
  })

  it('show with an unknown id says which ids exist', async () => {
    const result = await runCli(['topics', 'show', 'nosuch'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^showtell: ID: unknown topic "nosuch" \(hint: run `showtell topics` to list them \(known: .*policy/)
  })
})

describe('showtell init', () => {
  it('scaffolds a commented showtell.yaml that is a valid workspace, and refuses to overwrite it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-init-'))
    const created = await runCli(['init', dir, '--name', 'Fjord & Sons'])
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('Created')
    const text = await readFile(join(dir, 'showtell.yaml'), 'utf8')
    expect(text).toContain('name: "Fjord & Sons"')
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/showtell\.schema\.json$/m)
    expect(text.split('\n').filter((line) => line.trim().startsWith('#')).length).toBeGreaterThan(5)

    // The values in it are read back: the workspace check names the company, and the
    // schedule meets on the scaffolded weekday and time.
    const doctor = await runCli(['doctor', '--json', '--workspace', dir])
    const report = JSON.parse(doctor.stdout) as { checks: { name: string; ok: boolean; detail: string }[] }
    expect(report.checks.find((c) => c.name === 'workspace')).toMatchObject({ ok: true, detail: expect.stringMatching(/showtell\.yaml: Fjord & Sons, 1 accounts, \d+ topics$/) })
    const schedule = await runCli(['schedule', '--json', '--weeks', '3', '--workspace', dir])
    expect(schedule.code, schedule.stderr).toBe(0)
    const meetings = JSON.parse(schedule.stdout) as { date: string; startUtc: string; duration: number; timezone: string }[]
    expect(meetings).toHaveLength(3)
    for (const meeting of meetings) {
      expect(new Date(`${meeting.date}T00:00:00Z`).getUTCDay(), meeting.date).toBe(2) // Tuesday
      expect(meeting.startUtc).toBe(`${meeting.date}T09:00:00.000Z`)
      expect([meeting.timezone, meeting.duration]).toEqual(['UTC', 45])
    }

    const again = await runCli(['init', dir])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/showtell\.yaml already exists/)
    expect(await readFile(join(dir, 'showtell.yaml'), 'utf8')).toBe(text)
  })
})

describe('showtell doctor', () => {
  it('reports Node, the browser, the workspace, the credentials and the profile as fine in the example workspace', async () => {
    const home = await mkdtemp(join(tmpdir(), 'showtell-home-'))
    const result = await runCli(['doctor', '--json'], { env: { HOME: home, XDG_CONFIG_HOME: '', SHOWTELL_CREDENTIALS: '' } })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] }
    expect(report.ok).toBe(true)
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['node', true],
      ['browser', true],
      ['workspace', true],
      ['credentials', true],
      ['profile', true],
    ])
    expect(report.checks[1]!.detail).toMatch(/Chrom(e|ium)\/\d+/)
    expect(report.checks[2]!.detail).toContain('Nordlys Outdoor')
  })

  it('says how to get a browser when the one named does not exist, and exits 1', async () => {
    const result = await runCli(['doctor'], { env: { CHROME_PATH: '/nonexistent/chrome' } })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✗ browser     CHROME_PATH points at /nonexistent/chrome, which is not an executable')
    expect(result.stdout).toContain('fix: install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium-headless-shell`)')
  })

  it('says when the browser does not start', async () => {
    const dir = await makeWorkspace()
    const fake = join(dir, 'fake-chrome')
    await writeFile(fake, '#!/bin/sh\nexit 3\n')
    await chmod(fake, 0o755)
    const result = await runCli(['doctor', '--json', '--workspace', dir], { env: { CHROME_PATH: fake } })
    expect(result.code).toBe(1)
    const browser = JSON.parse(result.stdout).checks[1]
    expect(browser).toMatchObject({ name: 'browser', ok: false })
    expect(browser.detail).toContain('does not start')
  })

  it('points at showtell init where there is no workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'showtell-empty-'))
    const result = await runCli(['doctor', '--json', '--workspace', dir])
    expect(result.code).toBe(1)
    const workspace = JSON.parse(result.stdout).checks[2]
    expect(workspace.ok).toBe(false)
    expect(workspace.detail).toContain('showtell.yaml: file not found')
    expect(workspace.fix).toContain('showtell init')
    expect(await listTree(dir)).toEqual([])
  })
})
