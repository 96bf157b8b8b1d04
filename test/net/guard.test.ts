// Given a workspace that does not allow private networks, when any request is
// about to be made, then the guard says yes only to http(s) URLs whose host is
// a public address, or a name whose every address is public; loopback,
// private, link-local, CGNAT, multicast, unspecified and reserved addresses
// are refused in every notation, and so is a name whose lookup fails. The
// names are answered by a stub: these tests never do real DNS.
import { describe, expect, it } from 'vitest'
import { RequestGuard, type ResolvedAddress, type Resolver } from '../../src/net/guard.js'

const PUBLIC = '93.184.216.34'
const NAMES: Record<string, readonly ResolvedAddress[]> = {
  'public.test': [{ address: PUBLIC, family: 4 }],
  'v6.test': [{ address: '2606:4700::1111', family: 6 }],
  'private.test': [{ address: '10.0.0.5', family: 4 }],
  // One public and one loopback answer: the connection may pick either.
  'mixed.test': [
    { address: PUBLIC, family: 4 },
    { address: '127.0.0.1', family: 4 },
  ],
  'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'empty.test': [],
}

/** A resolver that knows NAMES, fails for every other name, and records what it was asked. */
function stubResolver(asked: string[] = []): Resolver {
  return async (host) => {
    asked.push(host)
    const known = NAMES[host]
    if (known) return known
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
  }
}

// Each row: the URL as a page, a redirect or an API might name it, and the
// verdict written by hand: 'ok', or a pattern the refusal reason must match.
const TABLE: readonly (readonly [string, 'ok' | RegExp])[] = [
  // Public hosts.
  ['http://public.test/', 'ok'],
  ['https://public.test:8443/profile?tab=posts', 'ok'],
  ['http://PUBLIC.TEST./', 'ok'],
  ['http://v6.test/', 'ok'],
  [`http://${PUBLIC}/`, 'ok'],
  ['http://8.8.8.8/', 'ok'],
  ['http://[2606:4700::1111]/', 'ok'],
  ['http://[::ffff:808:808]/', 'ok'],
  ['http://[2002:808:808::1]/', 'ok'],
  ['http://[64:ff9b::808:808]/', 'ok'],
  ['http://172.32.0.1/', 'ok'],
  ['http://100.128.0.1/', 'ok'],
  ['http://169.253.255.255/', 'ok'],
  ['http://11.0.0.1/', 'ok'],
  // Loopback, in every notation the URL parser accepts.
  ['http://127.0.0.1:8080/', /127\.0\.0\.1: a private address \(loopback\)/],
  ['http://127.1/', /127\.0\.0\.1: .*loopback/],
  ['http://0x7f.1/', /127\.0\.0\.1: .*loopback/],
  ['http://2130706433/', /127\.0\.0\.1: .*loopback/],
  ['http://0177.0.0.1/', /127\.0\.0\.1: .*loopback/],
  ['http://0x7f000001/', /127\.0\.0\.1: .*loopback/],
  ['http://127.0.0.1./', /127\.0\.0\.1: .*loopback/],
  ['http://①②⑦.0.0.1/', /127\.0\.0\.1: .*loopback/],
  ['http://user:secret@127.0.0.2/', /127\.0\.0\.2: .*loopback/],
  ['http://localhost/', /localhost: .*loopback/],
  ['http://LocalHost:3000/', /localhost: .*loopback/],
  ['http://localhost./', /localhost: .*loopback/],
  ['http://foo.localhost./', /foo\.localhost: .*loopback/],
  ['http://[::1]/', /::1: .*loopback/],
  ['http://[0:0:0:0:0:0:0:1]/', /::1: .*loopback/],
  // IPv6 forms that lead to an IPv4 loopback or private address.
  ['http://[::ffff:127.0.0.1]/', /::ffff:7f00:1: .*loopback/],
  ['http://[::ffff:7f00:1]/', /::ffff:7f00:1: .*loopback/],
  ['http://[0:0:0:0:0:ffff:7f00:1]/', /::ffff:7f00:1: .*loopback/],
  ['http://[::127.0.0.1]/', /::7f00:1: .*loopback/],
  ['http://[::ffff:0:7f00:1]/', /loopback/],
  ['http://[64:ff9b::7f00:1]/', /loopback/],
  ['http://[2002:7f00:1::]/', /loopback/],
  ['http://[2002:c0a8:101::1]/', /a private address;/],
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', /loopback/],
  ['http://[::ffff:a9fe:a9fe]/', /link-local/],
  // Unspecified, private, link-local, CGNAT, multicast, broadcast, reserved.
  ['http://0.0.0.0/', /unspecified/],
  ['http://0/', /0\.0\.0\.0: .*unspecified/],
  ['http://[::]/', /unspecified/],
  ['http://10.1.2.3/', /10\.1\.2\.3: a private address;/],
  ['http://172.16.0.1/', /a private address;/],
  ['http://172.31.255.255/', /a private address;/],
  ['http://192.168.1.1/admin', /192\.168\.1\.1: a private address;/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ['http://100.64.0.1/', /CGNAT/],
  ['http://100.127.255.255/', /CGNAT/],
  ['http://224.0.0.1/', /multicast/],
  ['http://255.255.255.255/', /broadcast/],
  ['http://240.0.0.1/', /reserved/],
  ['http://192.0.2.10/', /reserved/],
  ['http://[fe80::1]/', /link-local/],
  ['http://[fc00::1]/', /a private address;/],
  ['http://[fd12:3456::1]/', /a private address;/],
  ['http://[ff02::1]/', /multicast/],
  ['http://[2001:db8::1]/', /reserved/],
  // Names: every address they resolve to counts, and no answer is no.
  ['http://private.test/', /private\.test \(10\.0\.0\.5\): a private address;/],
  ['http://private.test./', /private\.test \(10\.0\.0\.5\)/],
  ['http://mixed.test/', /mixed\.test \(127\.0\.0\.1\): .*loopback/],
  ['http://mapped.test/', /mapped\.test \(::ffff:127\.0\.0\.1\): .*loopback/],
  ['http://metadata.test/', /link-local/],
  ['http://unknown.test/', /unknown\.test: its address could not be looked up \(ENOTFOUND\)/],
  ['http://empty.test/', /empty\.test: its address could not be looked up/],
  // Not the web at all.
  ['ftp://public.test/pub', /only http and https/],
  ['file:///etc/passwd', /only http and https/],
  ['javascript:alert(1)', /only http and https/],
  ['data:text/html,<h1>hi</h1>', /only http and https/],
  ['not a url', /not a valid URL/],
]

describe('the guard table, allowPrivateNetwork: false', () => {
  it.each(TABLE)('%s → %s', async (url, expected) => {
    const guard = new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver() })
    const verdict = await guard.check(url)
    if (expected === 'ok') {
      expect(verdict).toMatchObject({ ok: true })
    } else {
      expect(verdict.ok).toBe(false)
      expect(verdict.ok ? '' : verdict.reason).toMatch(expected)
    }
  })

  it('names every refused address with the setting that allows it', async () => {
    const guard = new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver() })
    const verdict = await guard.check('http://10.0.0.1/')
    expect(verdict).toEqual({ ok: false, reason: 'refused 10.0.0.1: a private address; set snapshot.allowPrivateNetwork: true only for a local demo or test site' })
  })

  it('never asks DNS about an IP literal or a localhost name, and asks once per host', async () => {
    const asked: string[] = []
    const guard = new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver(asked) })
    for (const url of ['http://127.0.0.1/', 'http://[::1]/', 'http://8.8.8.8/', 'http://localhost./', 'http://a.localhost/', 'http://public.test/a', 'http://public.test./b', 'https://PUBLIC.test/c']) await guard.check(url)
    expect(asked).toEqual(['public.test'])
  })

  it('hands back the checked addresses, for the connection to be pinned to', async () => {
    const guard = new RequestGuard({ allowPrivateNetwork: false, resolve: stubResolver() })
    expect(await guard.check('http://v6.test/x')).toMatchObject({ ok: true, host: 'v6.test', addresses: [{ address: '2606:4700::1111', family: 6 }] })
  })

  it('refuses a name whose lookup throws something without a code', async () => {
    const guard = new RequestGuard({ allowPrivateNetwork: false, resolve: () => Promise.reject(new Error('resolver crashed')) })
    expect(await guard.check('https://example.org/')).toEqual({ ok: false, reason: 'refused example.org: its address could not be looked up, so it cannot be checked' })
  })
})

describe('allowPrivateNetwork: true', () => {
  it.each(['http://127.0.0.1:8080/', 'http://localhost./', 'http://[::ffff:7f00:1]/', 'http://10.1.2.3/'])('allows %s without looking anything up', async (url) => {
    const asked: string[] = []
    const guard = new RequestGuard({ allowPrivateNetwork: true, resolve: stubResolver(asked) })
    expect(await guard.check(url)).toMatchObject({ ok: true })
    expect(asked).toEqual([])
  })

  it('allows a name that resolves to a private address, or cannot be looked up (a local site with no DNS entry), asking once per name', async () => {
    const asked: string[] = []
    const guard = new RequestGuard({ allowPrivateNetwork: true, resolve: stubResolver(asked) })
    for (const url of ['http://private.test/a', 'http://private.test/b', 'http://demo.internal:4321/', 'http://mixed.test/']) expect(await guard.check(url)).toMatchObject({ ok: true })
    expect(asked).toEqual(['private.test', 'demo.internal', 'mixed.test'])
  })

  it('refuses a name that resolves to a link-local address (a metadata service under a friendly name), even with allowPrivateNetwork', async () => {
    const guard = new RequestGuard({ allowPrivateNetwork: true, resolve: stubResolver() })
    expect(await guard.check('http://metadata.test/computeMetadata/v1/')).toEqual({
      ok: false,
      reason: "refused metadata.test (169.254.169.254): a link-local address (a cloud machine's metadata service lives there), even with snapshot.allowPrivateNetwork",
    })
  })

  it('still refuses what is not http(s)', async () => {
    const guard = new RequestGuard({ allowPrivateNetwork: true, resolve: stubResolver() })
    expect(await guard.check('file:///etc/passwd')).toMatchObject({ ok: false, reason: expect.stringMatching(/only http and https/) })
  })

  // A cloud machine's metadata service (with its credentials) lives at 169.254.169.254; no demo needs link-local.
  it.each(['http://169.254.169.254/latest/meta-data/', 'http://169.254.0.1/', 'http://[fe80::1]/', 'http://[::ffff:169.254.169.254]/'])('still refuses the link-local %s, asking nothing', async (url) => {
    const asked: string[] = []
    const guard = new RequestGuard({ allowPrivateNetwork: true, resolve: stubResolver(asked) })
    expect(await guard.check(url)).toMatchObject({ ok: false, reason: expect.stringMatching(/link-local address .*even with snapshot\.allowPrivateNetwork/) })
    expect(asked).toEqual([])
  })
})
