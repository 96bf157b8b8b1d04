// Given a site on 127.0.0.1 that records every request's headers (a blog
// page with an image, a script's fetch, a worker's fetch and an RSS feed; a Bluesky page and
// its API), when a snapshot run and an audit probe reach it, then every
// request asks for `snapshot.locale`'s language: `en-US,en;q=0.9` when it is
// not set, `nb-NO,nb;q=0.9,en;q=0.8` with `locale: nb-NO`, and the page's
// `navigator.language` says the same. Headless Chromium and Node send no
// Accept-Language of their own, so the platforms would otherwise guess from
// the address. A value that is no language tag is exit 2 naming the field.
import { mkdtemp } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from '../../src/audit/rules.js'
import { checkCandidate } from '../../src/audit/run.js'
import { acceptLanguage, localizeTab } from '../../src/net/accept-language.js'
import { snapshotAccounts } from '../../src/snapshot/run.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { testBrowser } from '../helpers/browser.js'
import { runCli } from '../helpers/cli.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { eventually } from '../helpers/eventually.js'
import { makeWorkspace } from '../helpers/workspace.js'
import { serve, type Served } from '../net/support.js'

const TEXT = 'We make outdoor gear in the north and write about the trips we test it on. '.repeat(30)

const BLOG = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nordlys Outdoor blog</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head><body><main><h1>Nordlys Outdoor</h1><img src="/pixel.svg" alt=""><p>${TEXT}</p></main>
<script>new Worker('/worker.js')</script>
<script>fetch('/lang?navigator=' + encodeURIComponent(navigator.language) + '&languages=' + encodeURIComponent(navigator.languages.join(' ')) + '&intl=' + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().locale))</script>
</body></html>`

const BLUESKY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nordlys Outdoor (@nordlys.bsky.social) — Bluesky</title></head>
<body><main><h1>Nordlys Outdoor</h1><p>${TEXT}</p></main></body></html>`

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Nordlys</title><link>http://example.invalid/</link><description>d</description>
<item><title>A trip</title><link>http://example.invalid/1</link><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate></item>
</channel></rss>`

let site: Served
let origin: string
const browser = testBrowser()

beforeAll(async () => {
  site = await serve((request: IncomingMessage, response) => {
    const path = new URL(request.url ?? '/', 'http://site.invalid').pathname
    const send = (type: string, body: string) => response.writeHead(200, { 'content-type': type }).end(body)
    if (path === '/blog') return send('text/html; charset=utf-8', BLOG)
    if (path === '/worker.js') return send('text/javascript', "fetch('/from-worker')")
    if (path === '/feed.xml') return send('application/rss+xml', FEED)
    if (path === '/pixel.svg') return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    if (path.startsWith('/bsky/xrpc/')) {
      return send('application/json', JSON.stringify({ did: 'did:plc:nordlys', handle: 'nordlys.bsky.social', displayName: 'Nordlys Outdoor', followersCount: 1200, followsCount: 10, postsCount: 99 }))
    }
    if (path.startsWith('/bsky-web/profile/')) return send('text/html; charset=utf-8', BLUESKY_PAGE)
    return send('text/plain', 'ok')
  })
  origin = `http://127.0.0.1:${site.port}`
})

afterAll(async () => {
  await browser.close()
  await site.close()
})

function config(locale?: string): WorkspaceConfig {
  const raw = demoConfigObject(origin, [
    { id: 'nordlys-blog', platform: 'blog', url: `${origin}/blog` },
    { id: 'nordlys-bluesky', platform: 'bluesky', handle: 'nordlys.bsky.social' },
  ]) as { snapshot: Record<string, unknown> }
  return workspaceConfigSchema.parse({ ...raw, snapshot: { ...raw.snapshot, ...(locale ? { locale } : {}) } })
}

/** The Accept-Language of the first recorded request whose path starts with `prefix`. */
function languageOf(prefix: string): string | string[] | undefined {
  return site.hits.find((hit) => hit.url.startsWith(prefix))?.headers['accept-language']
}

async function snapshot(locale?: string) {
  site.hits.length = 0
  const cfg = config(locale)
  const outDir = await mkdtemp(join(tmpdir(), 'showtell-accept-language-'))
  const results = await snapshotAccounts(cfg, cfg.accounts, { browser, outDir, env: {} })
  // The script's and the worker's fetches leave on their own schedule: wait for them rather than sleep.
  await eventually(() => ['/lang?', '/from-worker'].every((path) => site.hits.some((hit) => hit.url.startsWith(path))), Boolean)
  return results
}

const EXPECTED = {
  default: { header: 'en-US,en;q=0.9', navigator: 'en-US', languages: 'en-US en' },
  'nb-NO': { header: 'nb-NO,nb;q=0.9,en;q=0.8', navigator: 'nb-NO', languages: 'nb-NO nb en' },
} as const

describe.each([
  ['no snapshot.locale', undefined, EXPECTED.default],
  ['snapshot.locale: nb-NO', 'nb-NO', EXPECTED['nb-NO']],
] as const)('a snapshot run with %s', (_name, locale, expected) => {
  it('asks for that language on the page, its sub-resources, the API and the feed', async () => {
    const results = await snapshot(locale)
    // The control: both accounts were really captured, so every request below was really made.
    expect(results.map((r) => [r.account, r.status, r.reason])).toEqual([
      ['nordlys-blog', 'ok', undefined],
      ['nordlys-bluesky', 'ok', undefined],
    ])
    expect(results[1]!.metrics.followers?.value).toBe(1200)
    expect(results[0]!.metrics.lastPostAt?.source).toBe('feed')
    expect({
      page: languageOf('/blog'),
      image: languageOf('/pixel.svg'),
      scriptFetch: languageOf('/lang?'),
      worker: languageOf('/worker.js'),
      workerFetch: languageOf('/from-worker'),
      feed: languageOf('/feed.xml'),
      api: languageOf('/bsky/xrpc/'),
      blueskyPage: languageOf('/bsky-web/profile/'),
    }).toEqual({
      page: expected.header,
      image: expected.header,
      scriptFetch: expected.header,
      worker: expected.header,
      workerFetch: expected.header,
      feed: expected.header,
      api: expected.header,
      blueskyPage: expected.header,
    })
  })

  it('gives the page that language as navigator.language(s) and its Intl default', async () => {
    await snapshot(locale)
    const seen = new URL(site.hits.find((hit) => hit.url.startsWith('/lang?'))!.url, origin).searchParams
    expect({ navigator: seen.get('navigator'), languages: seen.get('languages'), intl: seen.get('intl') }).toEqual({
      navigator: expected.navigator,
      languages: expected.languages,
      intl: expected.navigator,
    })
  })

  it("leaves the browser's client hints as they were (a browser without them looks like a bot)", async () => {
    await snapshot(locale)
    const page = site.hits.find((hit) => hit.url.startsWith('/blog'))!
    expect(page.headers['sec-ch-ua']).toMatch(/"Chromium";v="\d+"/)
    expect(page.headers['sec-ch-ua-platform']).toBeTruthy()
  })

  it("sends it with the audit's probes", async () => {
    site.hits.length = 0
    const rules = await loadRules()
    const finding = await checkCandidate(config(locale), rules.bluesky!, { platform: 'bluesky', handle: 'nordlys-outdoor.bsky.social' })
    expect(finding.result).toBe('exists-unlisted')
    expect(languageOf('/bsky/xrpc/')).toBe(expected.header)
  })
})

describe('a tab that serves another locale next', () => {
  it('asks for the new one only, in the header and in navigator.languages', async () => {
    await browser.withPage(async (page) => {
      const visit = async (locale: string) => {
        site.hits.length = 0
        await localizeTab(page, locale)
        await page.goto(`${origin}/blog`)
        const seen = await eventually(() => site.hits.find((hit) => hit.url.startsWith('/lang?')), Boolean)
        return { header: languageOf('/blog'), languages: new URL(seen!.url, origin).searchParams.get('languages') }
      }
      expect(await visit('nb-NO')).toEqual({ header: 'nb-NO,nb;q=0.9,en;q=0.8', languages: 'nb-NO nb en' })
      expect(await visit('de')).toEqual({ header: 'de,en;q=0.9', languages: 'de en' })
    })
  })
})

describe('the Accept-Language rule', () => {
  it('is the tag, then its language alone, then English, each 0.1 lower', () => {
    expect(acceptLanguage()).toBe('en-US,en;q=0.9')
    expect(acceptLanguage('en-US')).toBe('en-US,en;q=0.9')
    expect(acceptLanguage('nb-NO')).toBe('nb-NO,nb;q=0.9,en;q=0.8')
    expect(acceptLanguage('nb-no')).toBe('nb-NO,nb;q=0.9,en;q=0.8')
    expect(acceptLanguage('de')).toBe('de,en;q=0.9')
    expect(acceptLanguage('en')).toBe('en')
    expect(acceptLanguage('en-GB')).toBe('en-GB,en;q=0.9')
    expect(acceptLanguage('zh-Hant-TW')).toBe('zh-Hant-TW,zh;q=0.9,en;q=0.8')
    expect(acceptLanguage('es-419')).toBe('es-419,es;q=0.9,en;q=0.8')
  })
})

describe('snapshot.locale in showtell.yaml', () => {
  const yaml = (locale: string) => `company:
  name: Testco
meeting:
  weekday: tuesday
  start: 2026-11-24
snapshot:
  timeout: 30
  locale: ${locale}
`

  it.each(['en-US', 'nb-NO', 'de', 'zh-Hant-TW', 'es-419'])('accepts %s', (locale) => {
    const parsed = workspaceConfigSchema.safeParse({ company: { name: 'Testco' }, meeting: { weekday: 'tuesday', start: '2026-11-24' }, snapshot: { locale } })
    expect(parsed.success).toBe(true)
  })

  it.each(['en_US', 'english', 'en-US,de', 'en-US;q=1', 'en US', '', 'en-US\r\nX-Evil: 1'])('refuses %j', (locale) => {
    const parsed = workspaceConfigSchema.safeParse({ company: { name: 'Testco' }, meeting: { weekday: 'tuesday', start: '2026-11-24' }, snapshot: { locale } })
    expect(parsed.success).toBe(false)
  })

  it('a value that is no language tag is exit 2 naming the file, the line and snapshot.locale', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': yaml('en_US') })
    const result = await runCli(['topics'], { cwd: dir, timeoutMs: 30_000 })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    // Line 8 of the file above, counted by hand.
    expect(lines[0]).toContain('showtell.yaml:8')
    expect(lines[0]).toContain('snapshot.locale')
    expect(lines[0]).toContain('not a language tag')
  })
})
