// The control's rule as a pure function (audit/control.ts): a made-up handle
// present or a real account absent is broken; an unreadable control or no
// real account is unverified; otherwise ok. And the made-up handle itself:
// new every run, valid on every platform, shaped like the platform's handles.
import { describe, expect, it } from 'vitest'
import { isValidHandle } from '../../src/audit/candidates.js'
import { judgeControl, planControls, randomControlHandle } from '../../src/audit/control.js'
import type { AuditRule } from '../../src/audit/rules.js'
import type { ControlProbe } from '../../src/audit/types.js'
import { PLATFORMS, ADAPTERS } from '../../src/platforms/index.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const made = (answer: ControlProbe['answer'], reason?: string): ControlProbe => ({ kind: 'random', handle: 'zqmadeup12345', answer, ...(reason ? { reason } : {}) })
const own = (answer: ControlProbe['answer'], reason?: string): ControlProbe => ({ kind: 'own', handle: 'nordlysoutdoor', account: 'ours', answer, ...(reason ? { reason } : {}) })
const known = (answer: ControlProbe['answer']): ControlProbe => ({ kind: 'known', handle: 'someone', answer })

describe('judgeControl', () => {
  it.each([
    // made-up, must-exist → verdict
    [[made('absent'), own('present')], 'ok'],
    [[made('absent'), known('present')], 'ok'],
    [[made('present'), own('present')], 'broken'],
    [[made('absent'), own('absent')], 'broken'],
    [[made('absent'), known('absent')], 'broken'],
    [[made('present'), own('absent')], 'broken'],
    // One wrong answer is enough, even when the other could not be read.
    [[made('present'), own('unknown', 'login wall')], 'broken'],
    [[made('unknown', 'login wall'), own('absent')], 'broken'],
    [[made('unknown', 'login wall'), own('present')], 'unverified'],
    [[made('absent'), own('unknown', 'timeout')], 'unverified'],
    [[made('unknown', 'bot challenge (Cloudflare)'), own('unknown', 'bot challenge (Cloudflare)')], 'unverified'],
    // No real account to check against: the made-up handle alone cannot say the rule works.
    [[made('absent')], 'unverified'],
    [[made('present')], 'broken'],
  ] as const)('%j → %s', (probes, verdict) => {
    expect(judgeControl(probes).verdict).toBe(verdict)
  })

  it('says why, in the report’s words', () => {
    expect(judgeControl([made('present'), own('present')]).why).toBe('cannot tell present from absent today: zqmadeup12345, a handle that cannot exist, came back present')
    expect(judgeControl([made('absent'), own('absent')]).why).toBe('cannot tell present from absent today: our own account nordlysoutdoor came back absent')
    expect(judgeControl([made('absent')]).why).toBe('no own account to check against')
    expect(judgeControl([made('absent'), own('unknown', 'login wall')]).why).toBe('the control nordlysoutdoor could not be read (login wall)')
    expect(judgeControl([made('absent'), own('present')]).why).toBeUndefined()
  })
})

describe('randomControlHandle', () => {
  const auditable = PLATFORMS.filter((p) => ADAPTERS[p].handles?.rule)

  it('fits every audited platform’s handle syntax, in the platform’s shape', () => {
    expect(auditable.length).toBe(9)
    for (const platform of auditable) {
      const handle = randomControlHandle(platform, ['mastodon.example'])
      const stem = handle.replace(/\.bsky\.social$/, '').replace(/@mastodon\.example$/, '')
      expect(stem, platform).toMatch(/^zq[a-z0-9]{10}$/)
      expect(isValidHandle(platform, stem), platform).toBe(true)
    }
    expect(randomControlHandle('bluesky')).toMatch(/^zq[a-z0-9]{10}\.bsky\.social$/)
    expect(randomControlHandle('mastodon', ['social.example'])).toMatch(/^zq[a-z0-9]{10}@social\.example$/)
  })

  it('is new every run', () => {
    const seen = new Set(Array.from({ length: 50 }, () => randomControlHandle('instagram')))
    expect(seen.size).toBe(50)
  })

  it('is made from the random bytes it is given', () => {
    expect(randomControlHandle('x', [], (n) => new Uint8Array(n).fill(1))).toBe('zqbbbbbbbbbb')
  })
})

describe('planControls', () => {
  const rule = { known: ['knownaccount'] } as unknown as AuditRule
  const config = (accounts: unknown[]) =>
    workspaceConfigSchema.parse({ company: { name: 'Nordlys Outdoor' }, accounts, meeting: { weekday: 'tuesday', start: '2026-11-24' } })

  it('checks against our first official account there, by its handle or the last part of its address', () => {
    const plan = planControls(
      config([
        { id: 'ceo', platform: 'instagram', url: 'https://www.instagram.com/ingrid/', owner: 'executive' },
        { id: 'fan', platform: 'instagram', url: 'https://www.instagram.com/nordlys_news/', owner: 'unofficial' },
        { id: 'ours', platform: 'instagram', url: 'https://www.instagram.com/nordlysoutdoor/' },
      ]),
      'instagram',
      rule,
    )
    expect(plan.map((p) => p.kind)).toEqual(['random', 'own'])
    expect(plan[1]).toEqual({ kind: 'own', handle: 'nordlysoutdoor', account: 'ours' })
  })

  it('falls back to the rules file’s known account, else to none', () => {
    expect(planControls(config([]), 'instagram', rule)[1]).toEqual({ kind: 'known', handle: 'knownaccount' })
    expect(planControls(config([]), 'instagram', {} as AuditRule)).toHaveLength(1)
    // An executive's profile is not what a company-page rule probes: no own account then.
    expect(planControls(config([{ id: 'ceo', platform: 'linkedin', url: 'https://www.linkedin.com/in/ingrid', owner: 'executive' }]), 'linkedin', {} as AuditRule)).toHaveLength(1)
  })
})
