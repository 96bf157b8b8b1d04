// What doctor says about credentials and the signed-in profile, from facts
// written in the test (the pure functions of doctor-credentials.ts): each
// service set or not and where, the credentials file's state, per account the
// source a run would use and the credential that would improve it, and the
// profile with its warnings. Expected lines are written by hand.
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { credentialsCheck, profileCheck, type AccountSources } from '../../src/commands/doctor-credentials.js'

const YT_KEY = 'AIzaDoctorKey-0123456789'
const IG_TOKEN = 'IGQVJ-doctor-token-abcdef'
const X_TOKEN = 'x-doctor-bearer-998877'
const FILE = { path: '/home/ana/.config/showtell/credentials', shown: '~/.config/showtell/credentials' }

const ok = (values: Record<string, string>) => ({ ...FILE, state: 'ok' as const, values: new Map(Object.entries(values)) })
const absent = { ...FILE, state: 'absent' as const, values: new Map<string, string>() }

/** The registry's answer for three accounts, written by hand. */
const ACCOUNTS: AccountSources[] = [
  {
    account: 'nordlys-youtube',
    platform: 'youtube',
    sources: [
      { id: 'youtube-data-api', name: 'YouTube Data API v3', credential: 'youtube' },
      { id: 'page', name: 'the channel page' },
    ],
  },
  {
    account: 'nordlys-instagram',
    platform: 'instagram',
    sources: [
      { id: 'instagram-graph', name: 'Meta Graph API', credential: 'instagram' },
      { id: 'embedded-json', name: 'embedded JSON' },
      { id: 'page', name: 'the profile page' },
    ],
  },
  {
    account: 'nordlys-linkedin',
    platform: 'linkedin',
    sources: [{ id: 'linkedin-organization-api', name: 'LinkedIn organization API', credential: 'linkedin' }],
  },
]

describe('the credentials check', () => {
  it('lists each service as set (saying where) or not set, never a value', () => {
    const check = credentialsCheck({ file: ok({ SHOWTELL_YOUTUBE_API_KEY: YT_KEY }), env: { X_BEARER_TOKEN: X_TOKEN } })
    expect(check.ok).toBe(true)
    expect(check.detail).toBe('2 of 7 services have a credential; credentials file ~/.config/showtell/credentials: ok, 1 credential')
    expect(check.lines).toEqual([
      'X API v2: X_BEARER_TOKEN set (environment)',
      'YouTube Data API: SHOWTELL_YOUTUBE_API_KEY set (credentials file ~/.config/showtell/credentials)',
      'Meta Graph API (Facebook Page): SHOWTELL_FACEBOOK_TOKEN not set',
      'Meta Graph API (Instagram): SHOWTELL_INSTAGRAM_TOKEN not set',
      'Threads API: SHOWTELL_THREADS_TOKEN not set',
      'LinkedIn organization API: SHOWTELL_LINKEDIN_TOKEN not set',
      'TikTok Display API: SHOWTELL_TIKTOK_TOKEN not set',
    ])
    expect(check.services.slice(0, 2)).toEqual([
      { service: 'x', name: 'X API v2', variable: 'X_BEARER_TOKEN', set: true, origin: 'environment' },
      { service: 'youtube', name: 'YouTube Data API', variable: 'SHOWTELL_YOUTUBE_API_KEY', set: true, origin: 'file' },
    ])
    expect(check.file).toEqual({ path: FILE.path, shown: FILE.shown, state: 'ok' })
    expect(JSON.stringify(check)).not.toContain(YT_KEY)
    expect(JSON.stringify(check)).not.toContain(X_TOKEN)
  })

  it('the environment wins over the file for the same variable', () => {
    const check = credentialsCheck({ file: ok({ SHOWTELL_YOUTUBE_API_KEY: YT_KEY }), env: { SHOWTELL_YOUTUBE_API_KEY: 'AIza-from-env-000000' } })
    expect(check.lines![1]).toBe('YouTube Data API: SHOWTELL_YOUTUBE_API_KEY set (environment)')
  })

  it('an absent file is fine; a refused one fails the check with its reason and fix', () => {
    expect(credentialsCheck({ file: absent, env: {} })).toMatchObject({
      ok: true,
      detail: '0 of 7 services have a credential; credentials file ~/.config/showtell/credentials: absent',
      file: { state: 'absent' },
    })
    const error = new UserError('is not private to you: mode 0644 lets your group and other users read or change it', {
      location: { file: FILE.shown },
      hint: 'chmod 600 ~/.config/showtell/credentials',
    })
    const check = credentialsCheck({ file: { ...FILE, state: 'refused', error, values: new Map() }, env: {} })
    expect(check).toMatchObject({
      ok: false,
      detail: '0 of 7 services have a credential; credentials file ~/.config/showtell/credentials: refused (is not private to you: mode 0644 lets your group and other users read or change it)',
      fix: 'chmod 600 ~/.config/showtell/credentials',
      file: { state: 'refused', reason: 'is not private to you: mode 0644 lets your group and other users read or change it' },
    })
  })
})

describe('per account: the source a run would use, and the credential that would improve it', () => {
  it('with no credential: each better source names its variable, then the arrow to the one used', () => {
    const check = credentialsCheck({ file: absent, env: {}, accounts: ACCOUNTS })
    expect(check.lines!.slice(7)).toEqual([
      'nordlys-youtube: youtube-data-api needs SHOWTELL_YOUTUBE_API_KEY → page',
      'nordlys-instagram: instagram-graph needs SHOWTELL_INSTAGRAM_TOKEN → embedded-json',
      'nordlys-linkedin: linkedin-organization-api needs SHOWTELL_LINKEDIN_TOKEN → no source without a credential: set one, or showtell record the figures by hand',
    ])
    expect(check.accounts).toEqual([
      { account: 'nordlys-youtube', platform: 'youtube', source: 'page', needs: [{ source: 'youtube-data-api', variable: 'SHOWTELL_YOUTUBE_API_KEY' }] },
      { account: 'nordlys-instagram', platform: 'instagram', source: 'embedded-json', needs: [{ source: 'instagram-graph', variable: 'SHOWTELL_INSTAGRAM_TOKEN' }] },
      { account: 'nordlys-linkedin', platform: 'linkedin', needs: [{ source: 'linkedin-organization-api', variable: 'SHOWTELL_LINKEDIN_TOKEN' }] },
    ])
  })

  it('with the credentials: the best source, and nothing it needs', () => {
    const check = credentialsCheck({ file: ok({ SHOWTELL_YOUTUBE_API_KEY: YT_KEY }), env: { SHOWTELL_INSTAGRAM_TOKEN: IG_TOKEN }, accounts: ACCOUNTS })
    expect(check.lines!.slice(7)).toEqual([
      'nordlys-youtube: youtube-data-api',
      'nordlys-instagram: instagram-graph',
      'nordlys-linkedin: linkedin-organization-api needs SHOWTELL_LINKEDIN_TOKEN → no source without a credential: set one, or showtell record the figures by hand',
    ])
    expect(JSON.stringify(check)).not.toContain(YT_KEY)
    expect(JSON.stringify(check)).not.toContain(IG_TOKEN)
  })

  it('without the registry there are no account lines', () => {
    const check = credentialsCheck({ file: absent, env: {} })
    expect(check.lines).toHaveLength(7)
    expect(check).not.toHaveProperty('accounts')
  })
})

describe('the profile check', () => {
  it('not set: snapshots run signed out', () => {
    expect(profileCheck({ exists: false, workspace: true })).toEqual({
      name: 'profile',
      ok: true,
      detail: 'snapshot.profile not set: snapshots run signed out (showtell login PLATFORM signs a profile in)',
      profile: { exists: false, remote: false },
    })
  })

  it('set: its path and whether it exists', () => {
    expect(profileCheck({ setting: '~/.showtell/profile', path: '/home/ana/.showtell/profile', shown: '~/.showtell/profile', exists: true, workspace: true })).toEqual({
      name: 'profile',
      ok: true,
      detail: '~/.showtell/profile (signed-in browser profile, snapshot.profile)',
      profile: { setting: '~/.showtell/profile', path: '/home/ana/.showtell/profile', exists: true, remote: false },
    })
    expect(profileCheck({ setting: '~/.showtell/profile', path: '/home/ana/.showtell/profile', shown: '~/.showtell/profile', exists: false, workspace: true })).toMatchObject({
      ok: true,
      detail: '~/.showtell/profile: does not exist yet (signed-in browser profile, snapshot.profile)',
      warning: 'snapshots run signed out until `showtell login PLATFORM` signs it in',
    })
  })

  it('with a remote browser: warns that snapshot.profile is not used', () => {
    const check = profileCheck({ setting: '/p', path: '/p', shown: '/p', exists: true, workspace: true, remote: 'browser.ws in showtell.yaml' })
    expect(check.warning).toBe("browser.ws in showtell.yaml is set: snapshots use the remote browser's own profile, not snapshot.profile")
    expect(check.profile.remote).toBe(true)
  })

  it('a refused setting fails the check with the fix', () => {
    expect(profileCheck({ setting: './p', exists: false, workspace: true, error: { message: 'showtell.yaml:9 snapshot.profile: the browser profile /ws/p is inside the workspace', hint: 'put it outside' } })).toMatchObject({
      ok: false,
      detail: 'showtell.yaml:9 snapshot.profile: the browser profile /ws/p is inside the workspace',
      fix: 'put it outside',
    })
  })
})

describe('per account: what the latest snapshot did', () => {
  it('follows the plan with the latest snapshot\'s status and source, in the line and in --json', () => {
    const account: AccountSources = { ...ACCOUNTS[0]!, last: 'last snapshot 2026-12-04: ok, numbers via page' }
    const check = credentialsCheck({ file: absent, env: {}, accounts: [account] })
    expect(check.lines!.at(-1)).toBe('nordlys-youtube: youtube-data-api needs SHOWTELL_YOUTUBE_API_KEY → page; last snapshot 2026-12-04: ok, numbers via page')
    expect(check.accounts![0]!.last).toBe('last snapshot 2026-12-04: ok, numbers via page')
  })
})
