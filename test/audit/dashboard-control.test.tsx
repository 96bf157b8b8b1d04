// The dashboard's audit lines with the controls: a platform whose rule broke
// in the last audit is said plainly, and its unknown candidates do not show
// as a platform "not checked" behind a wall.
import { afterEach, describe, expect, it } from 'vitest'
import { lineWith, renderApp, type AppHarness } from '../ui/harness.js'
import { AUDIT, makeAppWorkspace } from '../ui/fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('Dashboard: the audit’s controls', () => {
  it('names the platform whose rule broke, in its own line', async () => {
    const audit = JSON.parse(AUDIT) as { findings: unknown[]; platforms: string[] }
    const withControls = {
      ...audit,
      platforms: [...audit.platforms, 'threads'],
      findings: [...audit.findings, { platform: 'threads', handle: 'testco', result: 'unknown', reason: 'rule broken this run: cannot tell present from absent today' }],
      controls: [
        {
          platform: 'threads',
          verdict: 'broken',
          why: 'cannot tell present from absent today: zq0000000000, a handle that cannot exist, came back present',
          probes: [{ kind: 'random', handle: 'zq0000000000', answer: 'present' }],
        },
      ],
    }
    app = await renderApp(await makeAppWorkspace({ 'history/audit.json': JSON.stringify(withControls) }))
    const frame = await app.waitFor('rule broken')
    expect(lineWith(frame, 'rule broken')).toMatch(/rule broken this run: threads: cannot tell present from absent today/)
    expect(lineWith(frame, 'not checked')).toMatch(/not checked: x \(login wall\)$/)
  })
})

describe('Dashboard: no all-clear while a rule is broken', () => {
  it('says "none found where the rules work", not "no unlisted accounts", when nothing was found and a rule broke', async () => {
    const audit = JSON.parse(AUDIT) as { findings: { result: string }[]; platforms: string[] }
    const clean = {
      ...audit,
      findings: audit.findings.filter((f) => f.result !== 'exists-unlisted'),
      controls: [{ platform: 'threads', verdict: 'broken', why: 'cannot tell present from absent today', probes: [{ kind: 'random', handle: 'zq0000000000', answer: 'present' }] }],
    }
    app = await renderApp(await makeAppWorkspace({ 'history/audit.json': JSON.stringify(clean) }))
    const frame = await app.waitFor('rule broken')
    expect(frame).toContain('Loss of control: none found where the rules work, in the last audit (2026-11-20)')
    expect(frame).not.toContain('no unlisted accounts')
  })
})
