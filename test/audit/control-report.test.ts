// What the stored report, the deck and the summary make of the controls: a
// report written before the controls existed still reads; a stored control
// is read back as written and a bad one names its field; the deck's
// loss-of-control summary names a broken platform with "cannot tell present
// from absent today" in the deck's language (en, nb) and no longer lists it
// as a wall; the plain-text summary (`showtell` outside a terminal) says it.
// Every expected line is written out by hand.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLatestAudit, type StoredAudit } from '../../src/audit/store.js'
import { lossOfControlSlides } from '../../src/deck/loss-of-control.js'
import { english, langFor } from '../../src/deck/lang.js'
import { UserError } from '../../src/errors.js'
import { workspacePaths } from '../../src/workspace/paths.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { runCli } from '../helpers/cli.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

/** A report as showtell wrote it before the controls: no `controls` field at all. */
const OLD_REPORT = {
  ranAt: '2026-11-21T14:02:11.512Z',
  generated: 93,
  candidates: 340,
  checked: 330,
  platforms: ['instagram', 'x'],
  budget: 400,
  findings: [
    { platform: 'instagram', handle: 'nordlys.official', result: 'exists-unlisted', url: 'http://127.0.0.1:4321/instagram/nordlys.official/', followers: 1020 },
    { platform: 'x', handle: 'nordlys', result: 'unknown', reason: 'login wall' },
  ],
}

const WITH_CONTROLS: StoredAudit = {
  ranAt: '2026-12-04T09:12:00.000Z',
  generated: 93,
  candidates: 120,
  checked: 80,
  platforms: ['instagram', 'threads', 'x'],
  budget: 400,
  findings: [
    { platform: 'instagram', handle: 'nordlys.official', result: 'exists-unlisted', url: 'http://127.0.0.1:4321/instagram/nordlys.official/', displayName: 'Nordlys Official Fans', followers: 1020 },
    { platform: 'threads', handle: 'nordlys', result: 'unknown', reason: 'rule broken this run: cannot tell present from absent today' },
    { platform: 'threads', handle: 'nordlys.hq', result: 'unknown', reason: 'rule broken this run: cannot tell present from absent today' },
    { platform: 'x', handle: 'nordlys', result: 'unknown', reason: 'login wall' },
  ],
  controls: [
    {
      platform: 'instagram',
      verdict: 'ok',
      rule: 'rules/audit.yaml',
      probes: [
        { kind: 'random', handle: 'zqk3v9c0m2xa', answer: 'absent', reason: 'answered 404' },
        { kind: 'own', handle: 'nordlysoutdoor', account: 'nordlys-instagram', answer: 'present' },
      ],
    },
    {
      platform: 'threads',
      verdict: 'broken',
      why: 'cannot tell present from absent today: zq7f2m1q0c9b, a handle that cannot exist, came back present',
      rule: 'rules/audit.yaml',
      probes: [
        { kind: 'random', handle: 'zq7f2m1q0c9b', answer: 'present' },
        { kind: 'own', handle: 'nordlysoutdoor', account: 'nordlys-threads', answer: 'present' },
      ],
    },
    {
      platform: 'x',
      verdict: 'unverified',
      why: 'the control zqa1b2c3d4e5 could not be read (login wall)',
      probes: [
        { kind: 'random', handle: 'zqa1b2c3d4e5', answer: 'unknown', reason: 'login wall' },
        { kind: 'own', handle: 'nordlysoutdoor', account: 'nordlys-x', answer: 'unknown', reason: 'login wall' },
      ],
    },
  ],
}

const workspaceWith = async (json: unknown) => workspacePaths(await makeWorkspace({ 'history/audit.json': JSON.stringify(json, null, 2) }))

describe('the stored report', () => {
  it('a report written before the controls still reads, without controls', async () => {
    const report = await readLatestAudit(await workspaceWith(OLD_REPORT))
    expect(report).toEqual(OLD_REPORT)
    expect(report!.controls).toBeUndefined()
  })

  it('reads the controls back as written', async () => {
    expect(await readLatestAudit(await workspaceWith(WITH_CONTROLS))).toEqual(WITH_CONTROLS)
  })

  it('a control with a verdict showtell does not write is an error naming the field', async () => {
    const bad = { ...WITH_CONTROLS, controls: [{ ...WITH_CONTROLS.controls![0]!, verdict: 'fine' }] }
    const error = await readLatestAudit(await workspaceWith(bad)).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).location).toMatchObject({ file: 'history/audit.json', field: 'controls[0].verdict' })
  })
})

describe('the deck’s loss-of-control summary', () => {
  const config = workspaceConfigSchema.parse({ company: { name: 'Nordlys Outdoor' }, meeting: { weekday: 'tuesday', start: '2026-11-24' } })
  const summary = (lang = english(), audit: StoredAudit = WITH_CONTROLS) =>
    lossOfControlSlides({ config, audit, history: [], date: '2026-12-08', kicker: 'Loss of control', lang })[0]!

  it('names the broken platform in English, before the walls, and not as a wall', () => {
    const slide = summary()
    expect(slide.bullets).toEqual([
      'Found: 1 to report',
      'Recognised the 0 accounts we already list',
      'Threads: cannot tell present from absent today, so none of its answers count',
      'Could not check X: login wall',
    ])
    expect(slide.notes).toContain(
      "The rule for Threads is broken this run: it cannot tell present from absent today. We asked for @zq7f2m1q0c9b, a handle made up for this run that nobody has, and Threads answered that it exists. None of its answers are shown as finds or as absent.",
    )
  })

  it('names it in Norwegian in a Norwegian deck', () => {
    const slide = summary(langFor('nb'))
    expect(slide.bullets).toContain('Threads: kan ikke skille mellom finnes og finnes ikke i dag, så ingen av svarene teller')
    expect(slide.bullets!.filter((b) => b.includes('Threads'))).toHaveLength(1)
  })

  it('a report from before the controls shows no control line', () => {
    const slide = summary(english(), OLD_REPORT as StoredAudit)
    expect(slide.bullets!.some((b) => b.includes('cannot tell'))).toBe(false)
  })
})

describe('the plain-text summary', () => {
  it('says which platform’s rule broke in the last audit', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': MINIMAL_CONFIG, 'history/audit.json': JSON.stringify(WITH_CONTROLS) })
    const result = await runCli([], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('  rule broken this run: threads: cannot tell present from absent today')
    // The broken platform's unknowns are not "not checked" walls.
    expect(result.stdout).toContain('  not checked: x (login wall)')
    await writeFile(join(dir, 'history', 'audit.json'), JSON.stringify(OLD_REPORT))
    expect((await runCli([], { cwd: dir })).stdout).not.toContain('rule broken')
  })

  it('gives no all-clear while a rule is broken: nothing found, but only where the rules work', async () => {
    const clean = { ...WITH_CONTROLS, findings: WITH_CONTROLS.findings.filter((f: { result: string }) => f.result !== 'exists-unlisted') }
    const dir = await makeWorkspace({ 'showtell.yaml': MINIMAL_CONFIG, 'history/audit.json': JSON.stringify(clean) })
    const result = await runCli([], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Loss of control: nothing unlisted found where the rules work \(audit \d{4}-\d{2}-\d{2}\)$/m)
  })
})
