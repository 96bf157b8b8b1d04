// `showtell` outside a terminal (stdin from /dev/null, output to a pipe, or
// CI set) prints the dashboard once as text, then the usage, and exits 0
// without waiting for input.
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { AUDIT, HISTORY, makeAppWorkspace } from '../ui/fixtures.js'

describe('showtell without a terminal', () => {
  it.each([
    ['stdin from /dev/null', { CI: undefined, CONTINUOUS_INTEGRATION: undefined }],
    ['CI set', { CI: 'true' }],
    ['CI set to nothing', { CI: '' }],
  ])('prints the dashboard as text and the usage, and exits 0 (%s)', async (_name, env) => {
    const dir = await makeAppWorkspace()
    const result = await runCli([], { cwd: dir, env, timeoutMs: 20_000 })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const out = result.stdout
    expect(out).toMatch(/^Testco\n\nNext meeting {2}\w{3} \d{4}-\d{2}-\d{2} 09:00 Europe\/Oslo, 45 min\n/)
    expect(out).toMatch(/Topic {9}.+ \([a-z-]+\): .+\n {14}build it with: showtell build --next/)
    expect(out).toMatch(/✓ Testco on LinkedIn +linkedin +ok +1,312 followers +▲ 312 since 2026-11-10/)
    expect(out).toMatch(/✗ Testco on X +x +blocked +last good 5,000 on 2026-11-10 +login required/)
    expect(out).toMatch(/· Testco blog +blog +no snapshot yet/)
    expect(out).toContain('2026-11-17  Crisis and worst cases, 31 slides, 45 min  out/2026-11-17-crisis/')
    expect(out).toContain('Usage:\n  showtell ')
  })
})

describe('showtell without a terminal, with a figure entered by hand', () => {
  it('says "(by hand)" after that number, and after no other', async () => {
    const manual = JSON.stringify({ date: '2026-11-18', capturedAt: '2026-11-18T12:00:00.000Z', account: 'testco-linkedin', platform: 'linkedin', status: 'ok', metrics: { followers: { value: 1400, source: 'manual' } } })
    const dir = await makeAppWorkspace({ 'history/snapshots.jsonl': `${HISTORY}\n${manual}\n` })
    const result = await runCli([], { cwd: dir, env: { CI: 'true' }, timeoutMs: 20_000 })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/✓ Testco on LinkedIn +linkedin +ok +1,400 followers \(by hand\) +▲ 88 since 2026-11-17/)
    expect(result.stdout.match(/\(by hand\)/g)).toHaveLength(1)
  })
})

describe('showtell without a terminal, after an audit', () => {
  it('lists the unlisted accounts with the suggested action, and the walled platforms', async () => {
    const dir = await makeAppWorkspace({ 'history/audit.json': AUDIT })
    const result = await runCli([], { cwd: dir, env: { CI: 'true' }, timeoutMs: 20_000 })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      [
        'Needs attention: 2 account(s) in our name, not in showtell.yaml (audit 2026-11-20)',
        '  instagram testco.official, 1,020 followers: report as impersonation',
        '  facebook testco, 987 followers: claim it',
        '  not checked: x (login wall)',
      ].join('\n'),
    )
  })

  it('a broken history/audit.json is one line naming the file, and exit 2', async () => {
    const dir = await makeAppWorkspace({ 'history/audit.json': '{"ranAt": "yesterday"' })
    const result = await runCli([], { cwd: dir, env: { CI: 'true' }, timeoutMs: 20_000 })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^showtell: history\/audit\.json: not valid JSON .*\n$/)
  })
})
