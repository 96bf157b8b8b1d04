// The platform registry is the one list of platforms (review B.10 #1): every
// platform it names has an adapter that builds its page on its own endpoint,
// the workspace schema accepts exactly its platforms, the deck's words are the
// adapters', and the audit, the deck and `showtell login` read a platform's
// handles and hints from its adapter. Expected values are written out here,
// not taken from the code under test.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { generateCandidates, HANDLE_RULES } from '../../src/audit/candidates.js'
import { loadRules } from '../../src/audit/rules.js'
import { runAudit } from '../../src/audit/run.js'
import { suggestAction } from '../../src/audit/suggest.js'
import { shownHandle } from '../../src/deck/loss-of-control.js'
import { ENDPOINT_KEYS } from '../../src/platforms/endpoints.js'
import { ADAPTERS, PLATFORMS, adapterOf, pageUrl, type Platform } from '../../src/platforms/index.js'
import { platformWords } from '../../src/snapshot/headline.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'
import { runCli } from '../helpers/cli.js'
import { makeWorkspace, MINIMAL_CONFIG } from '../helpers/workspace.js'

/** Every endpoint replaced by a base that names its key; nothing is sent to it. */
const REPLACED = Object.fromEntries(ENDPOINT_KEYS.map((key) => [key, `http://127.0.0.1:9/${key}/`]))

const KNOWN = ['bluesky', 'mastodon', 'youtube', 'linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'x', 'blog', 'website']

describe('every platform in the registry has an adapter', () => {
  it('the registry is these platforms, each with an adapter of its own id', () => {
    expect([...PLATFORMS]).toEqual(KNOWN)
    for (const id of PLATFORMS) expect(adapterOf(id)?.id).toBe(id)
    expect(adapterOf('pinterest')).toBeUndefined()
    // A name inherited from Object is no platform.
    expect(adapterOf('toString')).toBeUndefined()
  })

  // Handle → the page on the replaced endpoint (or, for a site, on its own host).
  const PAGES: Record<Platform, readonly [string, string]> = {
    bluesky: ['nordlys.bsky.social', 'http://127.0.0.1:9/bluesky-web/profile/nordlys.bsky.social'],
    mastodon: ['nordlys@snabelen.no', 'http://127.0.0.1:9/mastodon/@nordlys'],
    youtube: ['nordlys', 'http://127.0.0.1:9/youtube/@nordlys'],
    linkedin: ['nordlys', 'http://127.0.0.1:9/linkedin/company/nordlys'],
    instagram: ['nordlys', 'http://127.0.0.1:9/instagram/nordlys/'],
    facebook: ['nordlys', 'http://127.0.0.1:9/facebook/nordlys'],
    threads: ['nordlys', 'http://127.0.0.1:9/threads/@nordlys'],
    tiktok: ['nordlys', 'http://127.0.0.1:9/tiktok/@nordlys'],
    x: ['nordlys', 'http://127.0.0.1:9/x-web/nordlys'],
    blog: ['blog.nordlys.example', 'https://blog.nordlys.example'],
    website: ['nordlys.example', 'https://nordlys.example'],
  }

  it.each(Object.entries(PAGES))('%s: pageUrl builds the page on its endpoint', (platform, [handle, expected]) => {
    expect(pageUrl({ id: 'a', platform, handle }, REPLACED)).toBe(expected)
  })

  it('every platform, including one added later, builds a URL for a handle on a replaced endpoint or on the handle’s own host', () => {
    for (const platform of PLATFORMS) {
      const url = new URL(pageUrl({ id: 'a', platform, handle: 'nordlys.example' }, REPLACED))
      const onEndpoint = url.origin === 'http://127.0.0.1:9' && ENDPOINT_KEYS.some((key) => url.pathname.startsWith(`/${key}/`))
      expect(onEndpoint || url.host === 'nordlys.example', `${platform}: ${url.href}`).toBe(true)
      expect(url.href, platform).toContain('nordlys')
    }
  })

  it('without replaced endpoints, the real services', () => {
    expect(pageUrl({ id: 'a', platform: 'x', handle: '@nordlys' }, {})).toBe('https://x.com/nordlys')
    expect(pageUrl({ id: 'a', platform: 'mastodon', handle: '@nordlys@snabelen.no' }, {})).toBe('https://snabelen.no/@nordlys')
    expect(pageUrl({ id: 'a', platform: 'youtube', handle: 'UCabc' }, {})).toBe('https://www.youtube.com/channel/UCabc')
  })
})

describe('the workspace schema accepts exactly the registry’s platforms', () => {
  const withAccount = (platform: string) => {
    const config = parse(MINIMAL_CONFIG) as { accounts: Record<string, unknown>[] }
    config.accounts = [{ id: 'one', platform, handle: 'nordlys' }]
    return workspaceConfigSchema.safeParse(config)
  }

  it.each(KNOWN)('accepts %s', (platform) => {
    const parsed = withAccount(platform)
    expect(parsed.error?.issues).toBeUndefined()
    expect(parsed.data?.accounts[0]?.platform).toBe(platform)
  })

  it.each(['pinterest', 'Twitter', 'X', ''])('refuses %j, naming the known platforms', (platform) => {
    const parsed = withAccount(platform)
    expect(parsed.success).toBe(false)
    const issue = parsed.error!.issues.find((i) => i.path.join('.') === 'accounts.0.platform')
    expect(issue?.message).toBe(`unknown platform ${JSON.stringify(platform)} (known: bluesky, mastodon, youtube, linkedin, instagram, facebook, threads, tiktok, x, blog, website)`)
  })
})

describe('the words the deck uses are the adapters’', () => {
  it('each platform’s name and words', () => {
    expect(platformWords('youtube')).toEqual({ name: 'YouTube', followers: 'subscribers', posts: 'videos', likes: 'likes' })
    expect(platformWords('tiktok')).toEqual({ name: 'TikTok', followers: 'followers', posts: 'videos', likes: 'likes received' })
    expect(platformWords('facebook')).toEqual({ name: 'Facebook', followers: 'followers', posts: 'posts', likes: 'Page likes' })
    expect(platformWords('linkedin')).toEqual({ name: 'LinkedIn', followers: 'followers', posts: 'posts', likes: 'likes' })
    expect(platformWords('x')).toEqual({ name: 'X', followers: 'followers', posts: 'posts', likes: 'likes' })
  })

  it('for every platform, exactly what its adapter says', () => {
    for (const id of PLATFORMS) expect(platformWords(id), id).toEqual({ name: ADAPTERS[id].name, ...ADAPTERS[id].words })
  })

  it('a name no adapter has (an old history line) keeps its own name and the plain words', () => {
    expect(platformWords('myspace')).toEqual({ name: 'myspace', followers: 'followers', posts: 'posts', likes: 'likes' })
  })
})

describe('handles and hints come from the adapters', () => {
  it('the audit checks the platforms whose adapters declare a handle rule', () => {
    expect(Object.keys(HANDLE_RULES).sort()).toEqual(['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'threads', 'tiktok', 'x', 'youtube'])
  })

  it('candidates take each platform’s shape: a bare name, a Bluesky host, a Mastodon server', () => {
    const handles = (platform: Platform, servers?: readonly string[]) =>
      generateCandidates('Nordlys', [], { platforms: [platform], perPlatform: 1, ...(servers ? { servers: { [platform]: servers } } : {}) }).candidates.map((c) => c.handle)
    expect(handles('instagram')).toEqual(['nordlys'])
    expect(handles('bluesky')).toEqual(['nordlys.bsky.social'])
    expect(handles('mastodon')).toEqual(['nordlys@mastodon.social'])
    expect(handles('mastodon', ['snabelen.no', 'mastodon.online'])).toEqual(['nordlys@snabelen.no', 'nordlys@mastodon.online'])
    expect(handles('website')).toEqual([])
  })

  it('the local part of a handle decides the suggestion, not its domain or server', () => {
    // "support" in the server's name or "hq" in the domain is not the handle saying it.
    expect(suggestAction({ platform: 'mastodon', handle: 'nordlys@support.social' }, ['Nordlys']).action).toBe('claim')
    expect(suggestAction({ platform: 'bluesky', handle: 'nordlys.hq.example' }, ['Nordlys']).action).toBe('claim')
    expect(suggestAction({ platform: 'instagram', handle: 'nordlys.hq' }, ['Nordlys']).action).toBe('report')
  })

  it('a Facebook or LinkedIn page name is shown bare, every other handle with one @', () => {
    expect(shownHandle({ platform: 'facebook', handle: 'nordlys.official' })).toBe('nordlys.official')
    expect(shownHandle({ platform: 'linkedin', handle: 'nordlys-outdoor' })).toBe('nordlys-outdoor')
    expect(shownHandle({ platform: 'mastodon', handle: '@nordlys@snabelen.no' })).toBe('@nordlys@snabelen.no')
    expect(shownHandle({ platform: 'x', handle: 'nordlys_hq' })).toBe('@nordlys_hq')
  })

  it('showtell login mastodon says where to sign in instead, and exits 2', async () => {
    const workspace = await makeWorkspace()
    const mastodon = await runCli(['login', 'mastodon', '--workspace', workspace])
    expect(mastodon.code).toBe(2)
    expect(mastodon.stderr).toContain('there is nothing to sign in to for mastodon')
    expect(mastodon.stderr).toContain('sign in at your own server; a Mastodon profile is public and read through its API')
    const blog = await runCli(['login', 'blog', '--workspace', workspace])
    expect(blog.code).toBe(2)
    expect(blog.stderr).toContain('one of bluesky, youtube, linkedin, instagram, facebook, threads, tiktok, x')
  })

  it('the audit looks for a Mastodon name on the servers of our own accounts, and probes each server for the user part', async () => {
    const asked: string[] = []
    const server = createServer((request, response) => {
      asked.push(request.url ?? '')
      // Our own account answers, or the audit's control (issue 15) would find the rule broken and probe no candidate.
      if (request.url?.endsWith('acct=nordlys')) response.writeHead(200, { 'content-type': 'application/json' }).end('{"username":"nordlys"}')
      else response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mastodon`
      const config = workspaceConfigSchema.parse({
        company: { name: 'Nordlys Outdoor', aliases: [] },
        accounts: [{ id: 'ours', platform: 'mastodon', handle: '@nordlys@snabelen.no' }],
        meeting: { weekday: 'tuesday', start: '2026-11-24' },
        snapshot: { timeout: 5, allowPrivateNetwork: true, endpoints: { mastodon: local } },
      })
      const rules = await loadRules()
      const report = await runAudit(config, { mastodon: rules.mastodon! }, { delayMs: 0, budget: 1000 })
      const handles = report.findings.map((f) => f.handle)
      expect(handles).toContain('nordlysoutdoor@snabelen.no')
      expect(handles.some((h) => h.endsWith('@mastodon.social'))).toBe(false)
      expect(asked).toContain('/mastodon/api/v1/accounts/lookup?acct=nordlysoutdoor')
      expect(asked.filter((url) => url.includes('%40'))).toEqual([])
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
