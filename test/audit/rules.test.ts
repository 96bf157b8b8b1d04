// The audit's detection rules: the shipped file is valid and covers at least 8
// platforms, a broken entry is rejected naming it, and a probe's answer gets
// the right verdict: walls and challenges are "unknown", never "absent".
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { judgeProbe, loadRules, probeUrl, type AuditRule } from '../../src/audit/rules.js'
import { UserError } from '../../src/errors.js'
import { makeWorkspace } from '../helpers/workspace.js'

const rules = await loadRules()

const page = (status: number | null, body: string, extra: Partial<{ finalUrl: string; headers: Record<string, string> }> = {}) => ({
  status,
  body,
  requestedUrl: 'https://www.instagram.com/nordlys/',
  finalUrl: extra.finalUrl ?? 'https://www.instagram.com/nordlys/',
  headers: extra.headers ?? {},
})

describe('the shipped rules', () => {
  it('cover at least 8 platforms, with the public APIs for Bluesky and Mastodon', () => {
    expect(Object.keys(rules).length).toBeGreaterThanOrEqual(8)
    expect(rules.bluesky!.kind).toBe('api')
    expect(probeUrl(rules.bluesky!, 'nordlys.bsky.social')).toBe('https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social')
    expect(probeUrl(rules.mastodon!, 'nordlys', 'http://127.0.0.1:4321/mastodon/')).toBe('http://127.0.0.1:4321/mastodon/api/v1/accounts/lookup?acct=nordlys')
    expect(probeUrl(rules.instagram!, 'nordlys.outdoor')).toBe('https://www.instagram.com/nordlys.outdoor/')
  })
})

describe('a broken rules file', () => {
  it('is rejected with the file, the line and the entry', async () => {
    const dir = await makeWorkspace({
      'rules/audit.yaml': 'instagram:\n  base: https://www.instagram.com\n  probe: "{base}/profile"\n  kind: page\n  status: { present: [200], absent: [404] }\n  present: ["@{handle}"]\n',
    })
    const error = await loadRules(join(dir, 'rules', 'audit.yaml'), 'rules/audit.yaml').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).format()).toBe('rules/audit.yaml:3 instagram.probe: must contain {handle}')
  })

  it('names an unknown platform', async () => {
    const dir = await makeWorkspace({ 'rules/audit.yaml': 'myspace:\n  base: https://myspace.com\n' })
    const error = await loadRules(join(dir, 'rules', 'audit.yaml'), 'rules/audit.yaml').catch((e: unknown) => e)
    expect((error as UserError).format()).toBe(
      'rules/audit.yaml:1 myspace: unknown field "myspace" (and 1 more problem) (hint: rules are keyed by platform: bluesky, mastodon, youtube, linkedin, instagram, facebook, threads, tiktok, x, blog, website)',
    )
  })
})

describe('judgeProbe', () => {
  const instagram = rules.instagram as AuditRule
  it('exists when the status and every presence marker say so', () => {
    expect(judgeProbe(instagram, 'nordlys', page(200, '<title>Nordlys (@nordlys) • Instagram</title><meta property="og:title">'))).toEqual({ result: 'exists' })
  })

  it('absent on a 404 or an absence marker', () => {
    expect(judgeProbe(instagram, 'nordlys', page(404, '<title>Page not found</title>'))).toEqual({ result: 'absent', reason: 'answered 404' })
    expect(judgeProbe(instagram, 'nordlys', page(200, "<title>Instagram</title><p>Sorry, this page isn't available.</p>")).result).toBe('absent')
  })

  it('unknown, with the reason, behind a login wall or a challenge, never absent', () => {
    const wall = judgeProbe(instagram, 'nordlys', page(200, '<title>Login • Instagram</title><form>Log in</form>', { finalUrl: 'https://www.instagram.com/accounts/login/?next=/nordlys/' }))
    expect(wall.result).toBe('unknown')
    expect((wall as { reason: string }).reason).toMatch(/login/)
    const challenge = judgeProbe(instagram, 'nordlys', page(403, '<title>Just a moment...</title>', { headers: { 'cf-mitigated': 'challenge', server: 'cloudflare' } }))
    expect(challenge.result).toBe('unknown')
    expect((challenge as { reason: string }).reason).toMatch(/challenge/i)
  })

  it('unknown when a 200 page lacks the markers', () => {
    expect(judgeProbe(instagram, 'nordlys', page(200, '<title>Something else</title><p>' + 'x'.repeat(2000) + '</p>')).result).toBe('unknown')
  })

  it('reads API answers for Bluesky', () => {
    const bluesky = rules.bluesky as AuditRule
    const api = (status: number, body: string) => ({ status, body, requestedUrl: 'https://public.api.bsky.app/x', finalUrl: 'https://public.api.bsky.app/x', headers: { 'content-type': 'application/json' } })
    expect(judgeProbe(bluesky, 'nordlys.bsky.social', api(200, '{"did":"did:plc:1","handle":"nordlys.bsky.social","followersCount":3}'))).toEqual({ result: 'exists' })
    expect(judgeProbe(bluesky, 'nordlys.bsky.social', api(400, '{"error":"InvalidRequest","message":"Profile not found"}')).result).toBe('absent')
    expect(judgeProbe(bluesky, 'nordlys.bsky.social', api(429, '{"error":"RateLimitExceeded"}')).result).toBe('unknown')
  })
})
