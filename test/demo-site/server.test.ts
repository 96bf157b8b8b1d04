// The bundled demo site as the snapshot code meets it: real HTTP on 127.0.0.1,
// each platform's numbers where that platform puts them, bumps that move every
// number at once, and nasty pages that misbehave exactly as documented.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { html, jsonForScript, raw } from '../../src/demo-site/markup.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { eventually } from '../helpers/eventually.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const INJECTION = '<!-- _class: pwned --> **Hacked** [click](http://evil.example) <img src=x onerror=alert(1)> --- # Heading'

// ---- a small, hand-written reader for the pages ----

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '')
}

/** The content of `<meta property="og:…">` (or `name=`), decoded. */
function meta(page: string, property: string): string | undefined {
  const tag = page.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`))
  return tag?.[1] === undefined ? undefined : decodeEntities(tag[1])
}

function titleOf(page: string): string | undefined {
  const match = /<title>([^<]*)<\/title>/.exec(page)
  return match?.[1] === undefined ? undefined : decodeEntities(match[1])
}

/** What a reader sees: head, scripts and styles dropped, tags removed, entities decoded, spaces collapsed. */
function visibleText(page: string): string {
  const body = page
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
  return decodeEntities(body).replace(/\s+/g, ' ').trim()
}

function scriptContent(page: string, opening: string): string {
  const start = page.indexOf(opening)
  expect(start, `no ${opening} in the page`).toBeGreaterThanOrEqual(0)
  const from = start + opening.length
  return page.slice(from, page.indexOf('</script>', from))
}

interface Fetched {
  readonly status: number
  readonly type: string
  readonly location: string | null
  readonly headers: Headers
  readonly text: string
}

describe('demo site', () => {
  let site: DemoSite

  async function get(path: string, headers: Record<string, string> = {}): Promise<Fetched> {
    const response = await fetch(`${site.url}${path}`, { redirect: 'manual', headers })
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      location: response.headers.get('location'),
      headers: response.headers,
      text: await response.text(),
    }
  }

  async function getJson(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: any }> {
    const response = await get(path, headers)
    return { status: response.status, type: response.type, body: JSON.parse(response.text) }
  }

  beforeAll(async () => {
    site = await startDemoSite()
  })
  afterAll(async () => {
    await site.close()
  })
  afterEach(() => {
    site.state.followersBump = 0
    site.state.postsBump = 0
  })

  describe('server', () => {
    it('listens on 127.0.0.1 on a free port and says so in url', async () => {
      expect(site.url).toBe(`http://127.0.0.1:${site.port}`)
      expect(site.port).toBeGreaterThan(0)
      expect(site.state.xToken).toBe('demo-x-token')
      const index = await get('/')
      expect(index.status).toBe(200)
    })

    it('refuses any other host and a bad port before listening', async () => {
      await expect(startDemoSite({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/`host` must be '127\.0\.0\.1'/)
      await expect(startDemoSite({ port: 70_000 })).rejects.toThrow(/`port` must be an integer/)
      await expect(startDemoSite({ port: 1.5 })).rejects.toThrow(/`port`/)
    })

    it('lists every platform and nasty route on the index page', async () => {
      const index = await get('/')
      expect(index.type).toBe('text/html; charset=utf-8')
      for (const path of [
        '/linkedin/company/nordlys-outdoor',
        '/linkedin/in/ingrid-nordlys',
        '/instagram/nordlysoutdoor/',
        '/instagram/fjellkraft/',
        '/facebook/nordlysoutdoor',
        '/threads/@nordlysoutdoor',
        '/tiktok/@nordlysoutdoor',
        '/youtube/channel/UCnordlysoutdoor00000000',
        '/youtube/feeds/videos.xml?channel_id=UCnordlysoutdoor00000000',
        '/blog/',
        '/blog/feed.atom',
        '/bsky/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social',
        '/bsky-web/profile/nordlys.bsky.social',
        '/mastodon/api/v1/accounts/lookup?acct=nordlys',
        '/mastodon/@nordlys',
        '/mastodon-private/@nordlys',
        '/x/2/users/by/username/nordlysoutdoor',
        '/x-web/nordlysoutdoor',
        '/nasty/hang',
        '/nasty/hostile',
        '/nasty/huge',
      ]) {
        expect(index.text).toContain(`href="${path}"`)
      }
    })

    it('answers unknown paths, accounts and methods with errors', async () => {
      for (const path of ['/nope', '/linkedin/company/globex', '/instagram/someoneelse/', '/facebook/nordlysoutdoor/about', '/img/../etc.svg', '/img/a.png']) {
        const response = await get(path)
        expect(response.status, path).toBe(404)
      }
      const post = await fetch(`${site.url}/linkedin/company/nordlys-outdoor`, { method: 'POST' })
      expect(post.status).toBe(405)
      expect(post.headers.get('allow')).toBe('GET, HEAD')
    })

    it('draws an SVG for any image name, the same one every time', async () => {
      const avatar = await get('/img/anything-at-all.svg')
      expect(avatar.status).toBe(200)
      expect(avatar.type).toBe('image/svg+xml')
      expect(avatar.text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
      expect((await get('/img/anything-at-all.svg')).text).toBe(avatar.text)
      expect((await get('/img/nordlys-banner.svg')).text).toContain('width="1500"')
    })
  })

  describe('platform pages', () => {
    it('LinkedIn company: followers in og:description and in JSON-LD, og:image on this site', async () => {
      const page = await get('/linkedin/company/nordlys-outdoor')
      expect(page.status).toBe(200)
      expect(page.type).toBe('text/html; charset=utf-8')
      expect(titleOf(page.text)).toBe('Nordlys Outdoor | LinkedIn')
      expect(meta(page.text, 'og:title')).toBe('Nordlys Outdoor | LinkedIn')
      expect(meta(page.text, 'og:description')).toMatch(/^Nordlys Outdoor \| 12,345 followers on LinkedIn\. Gear for the Norwegian outdoors\. /)
      const ld = JSON.parse(scriptContent(page.text, '<script type="application/ld+json">'))
      expect(ld['@type']).toBe('Organization')
      expect(ld.name).toBe('Nordlys Outdoor')
      expect(ld.interactionStatistic.interactionType).toBe('http://schema.org/FollowAction')
      expect(ld.interactionStatistic.userInteractionCount).toBe(12345)
      const image = meta(page.text, 'og:image') ?? ''
      expect(image.startsWith(`${site.url}/img/`) && image.endsWith('.svg')).toBe(true)
      const svg = await fetch(image)
      expect(svg.headers.get('content-type')).toBe('image/svg+xml')
      expect(visibleText(page.text)).toContain('12,345 followers')
    })

    it('LinkedIn person: followers only in the visible text', async () => {
      const page = await get('/linkedin/in/ingrid-nordlys')
      expect(page.status).toBe(200)
      expect(titleOf(page.text)).toBe('Ingrid Berg - Nordlys Outdoor | LinkedIn')
      expect(visibleText(page.text)).toContain('Ingrid Berg')
      expect(visibleText(page.text)).toContain('3,210 followers')
      expect(meta(page.text, 'og:description')).not.toContain('3,210')
    })

    it('Instagram: followers, following and posts in og:description, for us and the competitor', async () => {
      const ours = await get('/instagram/nordlysoutdoor/')
      expect(ours.status).toBe(200)
      expect(ours.type).toBe('text/html; charset=utf-8')
      expect(meta(ours.text, 'og:description')).toBe(
        '88.7K Followers, 190 Following, 1,407 Posts - See Instagram photos and videos from Nordlys Outdoor (@nordlysoutdoor)',
      )
      expect(titleOf(ours.text)).toBe('Nordlys Outdoor (@nordlysoutdoor) • Instagram photos and videos')
      const theirs = await get('/instagram/fjellkraft/')
      expect(meta(theirs.text, 'og:description')).toBe('41.2K Followers, 301 Following, 912 Posts - See Instagram photos and videos from Fjellkraft (@fjellkraft)')
      expect(visibleText(theirs.text)).toContain('41.2K followers')
    })

    it('Facebook: likes and talking about this in og:description, followers beside the likes in the page', async () => {
      const page = await get('/facebook/nordlysoutdoor')
      expect(page.status).toBe(200)
      expect(meta(page.text, 'og:description')).toBe('Nordlys Outdoor. 42,217 likes · 969 talking about this. Gear for the Norwegian outdoors.')
      expect(visibleText(page.text)).toContain('42,217 likes 44,150 followers 969 talking about this')
    })

    it('Threads: followers and threads in og:description', async () => {
      const page = await get('/threads/@nordlysoutdoor')
      expect(page.status).toBe(200)
      expect(meta(page.text, 'og:description')).toBe('12.3K Followers • 210 Threads • See the latest conversations with @nordlysoutdoor.')
    })

    it('TikTok: stats in __UNIVERSAL_DATA_FOR_REHYDRATION__', async () => {
      const page = await get('/tiktok/@nordlysoutdoor')
      expect(page.status).toBe(200)
      const json = scriptContent(page.text, '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">')
      const detail = JSON.parse(json).__DEFAULT_SCOPE__['webapp.user-detail']
      expect(detail.userInfo.user.uniqueId).toBe('nordlysoutdoor')
      expect(detail.userInfo.user.nickname).toBe('Nordlys Outdoor')
      expect(detail.userInfo.stats).toEqual({ followerCount: 15400, followingCount: 12, heartCount: 230000, videoCount: 87 })
      expect(visibleText(page.text)).toContain('15.4K Followers')
    })

    it('YouTube channel: subscribers in the text and a link to its feed', async () => {
      const page = await get('/youtube/channel/UCnordlysoutdoor00000000')
      expect(page.status).toBe(200)
      expect(visibleText(page.text)).toContain('24.1K subscribers')
      expect(visibleText(page.text)).toContain('6 videos')
      expect(page.text).toContain(
        '<link rel="alternate" type="application/rss+xml" title="RSS" href="/youtube/feeds/videos.xml?channel_id=UCnordlysoutdoor00000000">',
      )
      expect((await get('/youtube/channel/UCsomeoneelse000000000000')).status).toBe(404)
    })

    it('YouTube feed: six entries shaped like youtube.com, 404 for other channels', async () => {
      const feed = await get('/youtube/feeds/videos.xml?channel_id=UCnordlysoutdoor00000000')
      expect(feed.status).toBe(200)
      expect(feed.type).toBe('application/atom+xml; charset=utf-8')
      expect(feed.text).toContain('xmlns:yt="http://www.youtube.com/xml/schemas/2015"')
      expect(feed.text).toContain('xmlns:media="http://search.yahoo.com/mrss/"')
      expect(feed.text.match(/<entry>/g)).toHaveLength(6)
      expect(feed.text.match(/<yt:videoId>[\w-]{11}<\/yt:videoId>/g)).toHaveLength(6)
      expect(feed.text.match(/<media:community>\s*<media:starRating [^>]*\/>\s*<media:statistics views="\d+"\/>/g)).toHaveLength(6)
      expect(feed.text).toContain('<published>2026-11-12T10:00:00+00:00</published>')
      expect((await get('/youtube/feeds/videos.xml?channel_id=UCother')).status).toBe(404)
      expect((await get('/youtube/feeds/videos.xml')).status).toBe(404)
    })

    it('blog: the home page links its Atom feed; eight entries, newest 2026-11-17, ten days apart', async () => {
      const home = await get('/blog/')
      expect(home.status).toBe(200)
      expect(home.text).toContain('type="application/atom+xml"')
      expect(home.text).toContain('href="/blog/feed.atom"')
      const feed = await get('/blog/feed.atom')
      expect(feed.status).toBe(200)
      expect(feed.type).toBe('application/atom+xml; charset=utf-8')
      expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
      const published = [...feed.text.matchAll(/<published>([^<]+)<\/published>/g)].map((match) => Date.parse(match[1] ?? ''))
      expect(published).toHaveLength(8)
      expect(new Date(published[0] ?? 0).toISOString().slice(0, 10)).toBe('2026-11-17')
      const gaps = published.slice(1).map((time, i) => ((published[i] ?? 0) - time) / 86_400_000)
      expect(gaps).toEqual([10, 10, 10, 10, 10, 10, 10])
      const entryLink = /<link rel="alternate" href="([^"]+\/blog\/[^"]+\/)"\/>/.exec(feed.text.slice(feed.text.indexOf('<entry>')))?.[1] ?? ''
      expect((await fetch(entryLink)).status).toBe(200)
    })

    it('feeds dated from the site\'s clock keep each entry\'s distance to 2026-11-20', async () => {
      // Given a site whose clock says 2027-03-01 12:00 UTC: 101 days after the demo's today
      const own = await startDemoSite({ feedClock: () => new Date('2027-03-01T12:00:00Z') })
      try {
        const published = async (path: string) => [...(await (await fetch(`${own.url}${path}`)).text()).matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1])
        // Then the blog's newest post (2026-11-17) is 3 days old, the next 13, and so on
        expect((await published('/blog/feed.atom')).slice(0, 3)).toEqual(['2027-02-26T08:00:00Z', '2027-02-16T08:00:00Z', '2027-02-06T08:00:00Z'])
        // And the newest video (2026-11-12 10:00) is 8 days old; the channel's own date comes first
        expect((await published('/youtube/feeds/videos.xml?channel_id=UCnordlysoutdoor00000000')).slice(0, 3)).toEqual(['2014-03-02T09:00:00+00:00', '2027-02-21T10:00:00+00:00', '2027-02-07T10:00:00+00:00'])
      } finally {
        await own.close()
      }
    })
  })

  describe('APIs', () => {
    it('Bluesky getProfile answers like the public API, and 400 for an unknown actor', async () => {
      const profile = await getJson('/bsky/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social')
      expect(profile.status).toBe(200)
      expect(profile.type).toBe('application/json; charset=utf-8')
      expect(profile.body).toMatchObject({ handle: 'nordlys.bsky.social', displayName: 'Nordlys Outdoor', followersCount: 2301, followsCount: 180, postsCount: 640 })
      expect(profile.body.did).toMatch(/^did:plc:[a-z2-7]{24}$/)
      expect(profile.body.avatar).toMatch(new RegExp(`^${site.url}/img/.+\\.svg$`))
      expect(typeof profile.body.createdAt).toBe('string')
      expect(typeof profile.body.description).toBe('string')
      const unknown = await getJson('/bsky/xrpc/app.bsky.actor.getProfile?actor=nobody.bsky.social')
      expect(unknown.status).toBe(400)
      expect(unknown.body).toEqual({ error: 'InvalidRequest', message: 'Profile not found' })
      const page = await get('/bsky-web/profile/nordlys.bsky.social')
      expect(page.status).toBe(200)
      expect(visibleText(page.text)).toContain('2,301 followers')
    })

    it('Mastodon lookup by bare and full acct; 404 for others; 401 on an authorized-fetch server', async () => {
      for (const acct of ['nordlys', 'nordlys@mastodon.social']) {
        const account = await getJson(`/mastodon/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`)
        expect(account.status, acct).toBe(200)
        expect(account.body).toMatchObject({
          username: 'nordlys',
          display_name: 'Nordlys Outdoor',
          followers_count: 876,
          following_count: 95,
          statuses_count: 412,
          last_status_at: '2026-11-19',
          url: `${site.url}/mastodon/@nordlys`,
        })
        expect(account.body.id).toMatch(/^\d+$/)
        expect(account.body.note).toContain('Gear for the Norwegian outdoors')
      }
      const unknown = await getJson('/mastodon/api/v1/accounts/lookup?acct=someoneelse')
      expect(unknown.status).toBe(404)
      expect(unknown.body).toEqual({ error: 'Record not found' })
      const locked = await getJson('/mastodon-private/api/v1/accounts/lookup?acct=nordlys')
      expect(locked.status).toBe(401)
      expect(locked.body).toEqual({ error: 'This API requires an authenticated user' })
      for (const path of ['/mastodon/@nordlys', '/mastodon-private/@nordlys']) {
        const page = await get(path)
        expect(page.status, path).toBe(200)
        expect(visibleText(page.text)).toContain('876 Followers')
      }
    })

    it('X API: 401 without the bearer token or with a wrong one, the user with it', async () => {
      const unauthorized = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }
      const none = await getJson('/x/2/users/by/username/nordlysoutdoor')
      expect(none.status).toBe(401)
      expect(none.body).toEqual(unauthorized)
      const wrong = await getJson('/x/2/users/by/username/nordlysoutdoor', { authorization: 'Bearer not-the-token' })
      expect(wrong.status).toBe(401)
      expect(wrong.body).toEqual(unauthorized)
      const right = await getJson('/x/2/users/by/username/nordlysoutdoor', { authorization: 'Bearer demo-x-token' })
      expect(right.status).toBe(200)
      expect(right.type).toBe('application/json; charset=utf-8')
      expect(right.body.data).toMatchObject({
        name: 'Nordlys Outdoor',
        username: 'nordlysoutdoor',
        public_metrics: { followers_count: 5120, following_count: 77, tweet_count: 2210, listed_count: 33 },
      })
      expect(right.body.data.id).toMatch(/^\d+$/)
    })

    it('X API: a site started with its own token accepts that one only', async () => {
      const other = await startDemoSite({ xToken: 's3cret' })
      try {
        expect(other.state.xToken).toBe('s3cret')
        const path = `${other.url}/x/2/users/by/username/nordlysoutdoor`
        expect((await fetch(path, { headers: { authorization: 'Bearer demo-x-token' } })).status).toBe(401)
        expect((await fetch(path, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200)
      } finally {
        await other.close()
      }
    })

    it('X web: the profile redirects to the login flow, which shows a login form', async () => {
      const profile = await get('/x-web/nordlysoutdoor')
      expect(profile.status).toBe(302)
      expect(profile.location).toBe('/x-web/i/flow/login?redirect_after_login=%2Fnordlysoutdoor')
      const login = await get(profile.location ?? '')
      expect(login.status).toBe(200)
      expect(titleOf(login.text)).toBe('Log in to X / X')
      expect(login.text).toMatch(/<form[\s\S]*<input[^>]*autocomplete="username"/)
    })
  })

  describe('bumps', () => {
    it('move followers and posts everywhere: API JSON, og:description, JSON-LD, embedded JSON and page text', async () => {
      site.state.followersBump = 1000
      site.state.postsBump = 5

      expect(meta((await get('/instagram/nordlysoutdoor/')).text, 'og:description')).toBe(
        '89.7K Followers, 190 Following, 1,412 Posts - See Instagram photos and videos from Nordlys Outdoor (@nordlysoutdoor)',
      )
      expect(meta((await get('/instagram/fjellkraft/')).text, 'og:description')).toMatch(/^42\.2K Followers, 301 Following, 917 Posts/)
      const linkedin = await get('/linkedin/company/nordlys-outdoor')
      expect(meta(linkedin.text, 'og:description')).toMatch(/^Nordlys Outdoor \| 13,345 followers on LinkedIn\./)
      expect(JSON.parse(scriptContent(linkedin.text, '<script type="application/ld+json">')).interactionStatistic.userInteractionCount).toBe(13345)
      expect(visibleText((await get('/linkedin/in/ingrid-nordlys')).text)).toContain('4,210 followers')
      const facebook = (await get('/facebook/nordlysoutdoor')).text
      expect(meta(facebook, 'og:description')).toBe('Nordlys Outdoor. 43,217 likes · 969 talking about this. Gear for the Norwegian outdoors.')
      expect(visibleText(facebook)).toContain('43,217 likes 45,150 followers')
      expect(meta((await get('/threads/@nordlysoutdoor')).text, 'og:description')).toMatch(/^13\.3K Followers • 215 Threads •/)
      const tiktok = scriptContent((await get('/tiktok/@nordlysoutdoor')).text, '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">')
      expect(JSON.parse(tiktok).__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.stats).toMatchObject({ followerCount: 16400, videoCount: 92, followingCount: 12 })
      expect(visibleText((await get('/youtube/channel/UCnordlysoutdoor00000000')).text)).toContain('25.1K subscribers')

      const bluesky = await getJson('/bsky/xrpc/app.bsky.actor.getProfile?actor=nordlys.bsky.social')
      expect(bluesky.body).toMatchObject({ followersCount: 3301, followsCount: 180, postsCount: 645 })
      expect(visibleText((await get('/bsky-web/profile/nordlys.bsky.social')).text)).toContain('3,301 followers')
      const mastodon = await getJson('/mastodon/api/v1/accounts/lookup?acct=nordlys')
      expect(mastodon.body).toMatchObject({ followers_count: 1876, following_count: 95, statuses_count: 417 })
      const x = await getJson('/x/2/users/by/username/nordlysoutdoor', { authorization: 'Bearer demo-x-token' })
      expect(x.body.data.public_metrics).toEqual({ followers_count: 6120, following_count: 77, tweet_count: 2215, listed_count: 33 })
      expect(meta((await get('/nasty/consent')).text, 'og:description')).toBe('2,234 followers')
    })

    it('change between two requests without restarting, and back', async () => {
      const before = await getJson('/mastodon/api/v1/accounts/lookup?acct=nordlys')
      site.state.followersBump = 7
      const after = await getJson('/mastodon/api/v1/accounts/lookup?acct=nordlys')
      site.state.followersBump = 0
      const again = await getJson('/mastodon/api/v1/accounts/lookup?acct=nordlys')
      expect([before.body.followers_count, after.body.followers_count, again.body.followers_count]).toEqual([876, 883, 876])
    })
  })

  describe('nasty pages', () => {
    it('login-wall redirects to a LinkedIn-style sign-up wall with a sign-in form', async () => {
      const wall = await get('/nasty/login-wall')
      expect(wall.status).toBe(302)
      expect(wall.location).toBe(`/nasty/authwall?sessionRedirect=${encodeURIComponent(`${site.url}/nasty/login-wall`)}`)
      const page = await get(wall.location ?? '')
      expect(page.status).toBe(200)
      expect(titleOf(page.text)).toBe('Sign Up | LinkedIn')
      expect(page.text).toMatch(/<form[\s\S]*<input[^>]*type="password"/)
    })

    it('challenge is a 403 Cloudflare "Just a moment..." page', async () => {
      const page = await get('/nasty/challenge')
      expect(page.status).toBe(403)
      expect(page.headers.get('cf-mitigated')).toBe('challenge')
      expect(page.headers.get('server')).toBe('cloudflare')
      expect(titleOf(page.text)).toBe('Just a moment...')
      expect(visibleText(page.text)).toContain('Verifying you are human')
    })

    it('not-found is a real 404; soft-404 is a 200 that says the page is missing', async () => {
      const hard = await get('/nasty/not-found')
      expect(hard.status).toBe(404)
      expect(hard.type).toBe('text/html; charset=utf-8')
      const soft = await get('/nasty/soft-404')
      expect(soft.status).toBe(200)
      expect(titleOf(soft.text)).toBe('Page not found')
      expect(visibleText(soft.text)).toContain("Sorry, this page isn't available.")
    })

    it('consent: a profile under full-screen OneTrust and Cookiebot overlays', async () => {
      const page = await get('/nasty/consent')
      expect(page.status).toBe(200)
      expect(meta(page.text, 'og:description')).toBe('1,234 followers')
      expect(visibleText(page.text)).toContain('1,234 followers')
      for (const id of ['onetrust-consent-sdk', 'onetrust-banner-sdk', 'CybotCookiebotDialog']) {
        expect(page.text, id).toContain(`id="${id}"`)
      }
      expect(page.text).toMatch(/id="onetrust-banner-sdk"[^>]*style="position:fixed;inset:0;z-index:2147483646/)
      expect(page.text).toMatch(/id="CybotCookiebotDialog"[^>]*style="position:fixed;[^"]*z-index:2147483647/)
    })

    it('redirect-loop redirects to itself with a growing counter', async () => {
      const first = await get('/nasty/redirect-loop')
      expect(first.status).toBe(302)
      expect(first.location).toBe('/nasty/redirect-loop?n=1')
      expect((await get('/nasty/redirect-loop?n=1')).location).toBe('/nasty/redirect-loop?n=2')
      expect((await get('/nasty/redirect-loop?n=41')).location).toBe('/nasty/redirect-loop?n=42')
    })

    it('redirects to file:, data: and javascript: URLs with exactly those Locations', async () => {
      const expected: Record<string, string> = {
        '/nasty/redirect-file': 'file:///etc/passwd',
        '/nasty/redirect-data': 'data:text/html,<h1>hi</h1>',
        '/nasty/redirect-javascript': 'javascript:alert(1)',
      }
      for (const [path, location] of Object.entries(expected)) {
        const response = await get(path)
        expect(response.status, path).toBe(302)
        expect(response.location, path).toBe(location)
      }
    })

    it('hostile: injection text in title and og:description, dialogs, popups and a download, and a visible body', async () => {
      const page = await get('/nasty/hostile')
      expect(page.status).toBe(200)
      expect(titleOf(page.text)).toBe(INJECTION)
      expect(meta(page.text, 'og:description')).toContain(INJECTION)
      expect(page.text).not.toContain('<img src=x')
      expect(page.text).not.toContain('<!-- _class')
      const text = visibleText(page.text)
      expect(text).toContain('Hostile but harmless page')
      expect(text).toContain('321 followers')
      const script = scriptContent(page.text, '<script>')
      for (const call of ['alert(', 'confirm(', 'prompt(', "window.open('/nasty/popup'", 'setInterval(', '.click()']) {
        expect(script, call).toContain(call)
      }
      expect(page.text).toMatch(/<a id="download" download href="\/nasty\/download\.bin">/)
      const download = await fetch(`${site.url}/nasty/download.bin`)
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="download.bin"')
      expect((await download.arrayBuffer()).byteLength).toBe(4096)
      const popup = await get('/nasty/popup')
      expect(popup.status).toBe(200)
    })

    it('huge: 50,000 elements and 2,000 followers', async () => {
      const page = await get('/nasty/huge')
      expect(page.status).toBe(200)
      expect(meta(page.text, 'og:description')).toBe('2,000 followers')
      expect(page.text.match(/<div class="row">/g)?.length).toBe(50_000)
    })

    it('slow answers after about 1.5 s', async () => {
      const started = Date.now()
      const page = await get('/nasty/slow')
      const elapsed = Date.now() - started
      expect(page.status).toBe(200)
      expect(elapsed).toBeGreaterThanOrEqual(1_400)
      expect(elapsed).toBeLessThan(5_000)
    })
  })

  describe('hang and close', () => {
    it('hang does not answer within 500 ms', async () => {
      const started = Date.now()
      await expect(fetch(`${site.url}/nasty/hang`, { signal: AbortSignal.timeout(500) })).rejects.toThrow(/aborted|timeout/i)
      expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    })

    it('close() returns while a hanging request and a keep-alive connection are open', async () => {
      const own = await startDemoSite()
      // A keep-alive connection left idle by fetch's pool, then a request that never gets an answer.
      expect((await fetch(`${own.url}/?from=test`)).status).toBe(200)
      expect([own.requestCount('/'), own.requestCount('/nasty/hang'), own.requestCount()]).toEqual([1, 0, 1])
      const hanging = fetch(`${own.url}/nasty/hang`).then(
        () => 'answered',
        () => 'failed',
      )
      // The hanging request has reached the server (not merely been sent) before close() runs.
      expect(await eventually(() => own.requestCount('/nasty/hang'), (count) => count === 1)).toBe(1)
      // Race a timer so a close() that never returns fails here, not at the test timeout;
      // 10 s is far beyond a close that destroys its sockets and far below one that waits for them.
      const outcome = await Promise.race([
        own.close().then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000)),
      ])
      expect(outcome).toBe('closed')
      expect(await hanging).toBe('failed')
      await expect(fetch(`${own.url}/`)).rejects.toThrow()
    })
  })
})

describe('markup escaping', () => {
  it('escapes every interpolated value and keeps only trusted markup raw', () => {
    const page = html`<p title="${'" onclick="x'}">${INJECTION}</p>${raw('<br>')}${[1, '<b>', false, null]}`
    expect(page.text).toBe(
      '<p title="&quot; onclick=&quot;x">&lt;!-- _class: pwned --&gt; **Hacked** [click](http://evil.example) &lt;img src=x onerror=alert(1)&gt; --- # Heading</p><br>1&lt;b&gt;',
    )
  })

  it('writes JSON for a script element that cannot close it', () => {
    const data = { signature: '</script><script>alert(1)</script> & \u2028' }
    const text = jsonForScript(data).text
    expect(text).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(text)).toEqual(data)
  })
})

describe('demo-site cli', () => {
  it('serves on 127.0.0.1, prints its address, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo-site/cli.ts', '--port', '0'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      let stdout = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          const match = /^demo site on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)
          if (match?.[1]) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}: ${stdout}`)))
      })
      expect((await fetch(`${url}/instagram/nordlysoutdoor/`)).status).toBe(200)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = await exited
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('rejects a bad --port with exit status 2 and a message naming the flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo-site/cli.ts', '--port', 'abc'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be a number from 0 to 65535, got "abc"')
  })
})
