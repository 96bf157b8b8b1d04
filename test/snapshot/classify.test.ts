// Unit tests for the blocked-page classifier: hand-written pages as the
// platforms serve them to a logged-out browser (login walls, bot challenges,
// consent walls, missing pages, server errors) and normal profiles that must
// stay `ok` even though they have a "Log in" button or say "not found" in a post.
import { describe, expect, it } from 'vitest'
import { classifyPage, SHORT_BODY_CHARS, type PageFacts, type PageVerdict } from '../../src/snapshot/classify.js'

// ---- page text, written by hand ------------------------------------------

const INSTAGRAM_FOOTER =
  'Meta About Blog Jobs Help API Privacy Terms Locations Instagram Lite Threads Contact Uploading & Non-Users Meta Verified English © 2026 Instagram from Meta'

const FJORDVIK_POSTS = [
  'Fjordvik Seafood. Fresh from the fjord since 1962. Salmon, trout and cod from Norway’s west coast, delivered to 40 countries.',
  'Our new processing plant in Florø opened this week. Forty new jobs, fully electric boats and a visitor centre that opens in May. Thank you to everyone who made it happen, from the builders to the crews who kept fishing through the winter storms.',
  'Q4 results are in: record exports to Japan and South Korea, and our lowest CO₂ per kilo yet. The full report is on our website under Investors. Questions from the press go to our communications team.',
  'Meet Ingrid, skipper of MS Nordlys for 22 years. She tells us what has changed on the water, what has not, and why she still gets up at four every morning. Watch the full interview in our stories.',
  'Behind the scenes: how we grade salmon by hand before it is packed. Every fish is checked twice, once on board and once on land, and the numbers go straight into our traceability system.',
  'We are hiring! Apprentices for our Florø and Måløy sites, engineers for the new plant, and a summer crew for the visitor centre. Applications close 15 March. See the careers page for details.',
  'Recipe of the week: cured cod with dill, potatoes and brown butter. Ready in thirty minutes. Share your version and tag us, we repost our favourites every Friday.',
].join(' ')

// A long post that happens to mention "page not found" far down.
const LONG_POST_WITH_NOT_FOUND = [
  FJORDVIK_POSTS,
  'A note on our old web shop: some of you told us that links from 2019 now give a "Page not found" error. We moved everything to the new shop, and the old links will redirect from next week. Sorry for the trouble, and thank you for telling us.',
].join(' ')

const html = { 'content-type': 'text/html; charset=utf-8' }

// ---- the fixture pages ---------------------------------------------------

interface Fixture {
  readonly name: string
  readonly facts: PageFacts
  readonly expected: PageVerdict
}

const LOGIN_WALL: PageVerdict = { status: 'blocked', reason: 'login wall' }
const CONSENT_WALL: PageVerdict = { status: 'blocked', reason: 'consent wall' }
const OK: PageVerdict = { status: 'ok' }

const FIXTURES: readonly Fixture[] = [
  {
    name: 'LinkedIn authwall redirect',
    facts: {
      requestedUrl: 'https://www.linkedin.com/company/fjordvik/',
      finalUrl:
        'https://www.linkedin.com/authwall?trk=bf&trkInfo=AQGmqBqY&original_referer=&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fcompany%2Ffjordvik%2F',
      httpStatus: 200,
      title: 'Sign Up | LinkedIn',
      bodyText:
        'LinkedIn Join LinkedIn Make the most of your professional life Email Password (6+ characters) By clicking Agree & Join, you agree to the LinkedIn User Agreement, Privacy Policy, and Cookie Policy. Agree & Join or Continue with Google Already on LinkedIn? Sign in',
      headers: { ...html, 'x-li-fabric': 'prod-lva1' },
    },
    expected: LOGIN_WALL,
  },
  {
    name: 'Instagram redirect to /accounts/login',
    facts: {
      requestedUrl: 'https://www.instagram.com/fjordvik/',
      finalUrl: 'https://www.instagram.com/accounts/login/?next=%2Ffjordvik%2F&source=omni_redirect',
      httpStatus: 200,
      title: 'Login • Instagram',
      bodyText: `Instagram Phone number, username, or email Password Log in OR Log in with Facebook Forgot password? Don't have an account? Sign up Get the app. ${INSTAGRAM_FOOTER}`,
      headers: html,
    },
    expected: LOGIN_WALL,
  },
  {
    name: 'X login flow redirect',
    facts: {
      requestedUrl: 'https://x.com/fjordvik',
      finalUrl: 'https://x.com/i/flow/login?redirect_after_login=%2Ffjordvik',
      httpStatus: 200,
      title: 'Log in to X / X',
      bodyText: 'Sign in to X Sign in with Apple or Phone, email, or username Next Forgot password? Don’t have an account? Sign up',
      headers: html,
    },
    expected: LOGIN_WALL,
  },
  {
    name: 'Facebook login page served at the profile URL (title only)',
    facts: {
      requestedUrl: 'https://www.facebook.com/fjordvikseafood',
      finalUrl: 'https://www.facebook.com/fjordvikseafood',
      httpStatus: 200,
      title: 'Facebook – log in or sign up',
      bodyText: '',
      headers: html,
    },
    expected: LOGIN_WALL,
  },
  {
    name: 'LinkedIn profile URL whose short body is only a sign-in form',
    facts: {
      requestedUrl: 'https://www.linkedin.com/company/fjordvik/',
      finalUrl: 'https://www.linkedin.com/company/fjordvik/',
      httpStatus: 200,
      title: 'Fjordvik Seafood | LinkedIn',
      bodyText:
        'Sign in to view Fjordvik Seafood’s full profile Email or phone Password Show Forgot password? Sign in or New to LinkedIn? Join now By clicking Continue to join or sign in, you agree to LinkedIn’s User Agreement, Privacy Policy, and Cookie Policy.',
      headers: html,
    },
    expected: LOGIN_WALL,
  },
  {
    name: 'Cloudflare managed challenge with the cf-mitigated header',
    facts: {
      requestedUrl: 'https://fjordvik.example/news/',
      finalUrl: 'https://fjordvik.example/news/',
      httpStatus: 403,
      title: 'Just a moment...',
      bodyText:
        'fjordvik.example Verifying you are human. This may take a few seconds. fjordvik.example needs to review the security of your connection before proceeding. Ray ID: 8c1f2e3d4a5b6c7d Performance & security by Cloudflare',
      headers: { ...html, server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8c1f2e3d4a5b6c7d-OSL' },
    },
    expected: { status: 'blocked', reason: 'bot challenge (Cloudflare)' },
  },
  {
    name: 'Cloudflare challenge recognised by its title alone',
    facts: {
      requestedUrl: 'https://nordlys.example/blog',
      finalUrl: 'https://nordlys.example/blog',
      httpStatus: 200,
      title: 'Just a moment…',
      bodyText: 'Enable JavaScript and cookies to continue',
      headers: html,
    },
    expected: { status: 'blocked', reason: 'bot challenge (Cloudflare)' },
  },
  {
    name: 'Cloudflare block page ("Attention Required!")',
    facts: {
      requestedUrl: 'https://fjordvik.example/',
      finalUrl: 'https://fjordvik.example/',
      httpStatus: 403,
      title: 'Attention Required! | Cloudflare',
      bodyText:
        'Please enable cookies. Sorry, you have been blocked You are unable to access fjordvik.example Why have I been blocked? This website is using a security service to protect itself from online attacks. Cloudflare Ray ID: 8c1f2e3d4a5b6c7d',
      headers: { ...html, server: 'cloudflare' },
    },
    expected: { status: 'blocked', reason: 'bot challenge (Cloudflare)' },
  },
  {
    name: 'Cloudflare 503 challenge known by server header and text',
    facts: {
      requestedUrl: 'https://fjordvik.example/',
      finalUrl: 'https://fjordvik.example/',
      httpStatus: 503,
      title: 'fjordvik.example',
      bodyText: 'Checking if the site connection is secure fjordvik.example needs to review the security of your connection before proceeding.',
      headers: { ...html, server: 'cloudflare' },
    },
    expected: { status: 'blocked', reason: 'bot challenge (Cloudflare)' },
  },
  {
    name: 'plain 403 from nginx',
    facts: {
      requestedUrl: 'https://fjordvik.example/press',
      finalUrl: 'https://fjordvik.example/press',
      httpStatus: 403,
      title: '403 Forbidden',
      bodyText: '403 Forbidden nginx',
      headers: { ...html, server: 'nginx' },
    },
    expected: { status: 'blocked', reason: 'forbidden (403)' },
  },
  {
    name: 'rate limited (429)',
    facts: {
      requestedUrl: 'https://www.threads.net/@fjordvik',
      finalUrl: 'https://www.threads.net/@fjordvik',
      httpStatus: 429,
      title: '',
      bodyText: 'Please wait a few minutes before you try again.',
      headers: { ...html, 'retry-after': '120' },
    },
    expected: { status: 'blocked', reason: 'rate limited (429)' },
  },
  {
    name: 'LinkedIn status 999',
    facts: {
      requestedUrl: 'https://www.linkedin.com/company/fjordvik/',
      finalUrl: 'https://www.linkedin.com/company/fjordvik/',
      httpStatus: 999,
      title: '',
      bodyText: '',
      headers: { 'content-type': 'text/html' },
    },
    expected: { status: 'blocked', reason: 'bot block (LinkedIn 999)' },
  },
  {
    name: 'Google consent wall in front of YouTube',
    facts: {
      requestedUrl: 'https://www.youtube.com/@fjordvik',
      finalUrl: 'https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2F%40fjordvik%3Fcbrd%3D1&gl=NO&m=0&pc=yt&cm=2&hl=en&src=1',
      httpStatus: 200,
      title: 'Before you continue to YouTube',
      bodyText:
        'Sign in Before you continue to YouTube We use cookies and data to Deliver and maintain Google services Track outages and protect against spam, fraud, and abuse Measure audience engagement and site statistics If you choose to “Accept all,” we will also use cookies and data to Develop and improve new services Reject all Accept all More options Privacy Policy Terms of Service',
      headers: html,
    },
    expected: CONSENT_WALL,
  },
  {
    name: 'cookie wall that replaces a company site',
    facts: {
      requestedUrl: 'https://nordlys.example/',
      finalUrl: 'https://nordlys.example/',
      httpStatus: 200,
      title: 'Nordlys Outdoor',
      bodyText:
        'Vi bruker informasjonskapsler Nordlys Outdoor bruker informasjonskapsler (cookies) for å få nettsiden til å fungere, for statistikk og for markedsføring. Du kan endre valget ditt når som helst. Godta alle Avvis alle Innstillinger',
      headers: html,
    },
    expected: CONSENT_WALL,
  },
  {
    name: 'real 404',
    facts: {
      requestedUrl: 'https://www.tiktok.com/@fjordvik-old',
      finalUrl: 'https://www.tiktok.com/@fjordvik-old',
      httpStatus: 404,
      title: 'Page Not Found | TikTok',
      bodyText: 'Couldn’t find this account Looking for videos? Try browsing our trending creators, hashtags, and sounds.',
      headers: html,
    },
    expected: { status: 'not-found', reason: 'page not found (404)' },
  },
  {
    name: '410 Gone',
    facts: {
      requestedUrl: 'https://fjordvik.example/blog/',
      finalUrl: 'https://fjordvik.example/blog/',
      httpStatus: 410,
      title: 'Gone',
      bodyText: 'The blog has moved.',
      headers: html,
    },
    expected: { status: 'not-found', reason: 'page not found (410)' },
  },
  {
    name: 'soft 404 on 200 (Instagram, English, curly apostrophe)',
    facts: {
      requestedUrl: 'https://www.instagram.com/fjordvik_official/',
      finalUrl: 'https://www.instagram.com/fjordvik_official/',
      httpStatus: 200,
      title: 'Instagram',
      bodyText: `Instagram Log in Sign up Sorry, this page isn’t available. The link you followed may be broken, or the page may have been removed. Go back to Instagram. ${INSTAGRAM_FOOTER}`,
      headers: html,
    },
    expected: { status: 'not-found', reason: 'page not found (answered 200)' },
  },
  {
    name: 'soft 404 on 200 (Norwegian title)',
    facts: {
      requestedUrl: 'https://fjordvik.example/nyheter/gammel-sak',
      finalUrl: 'https://fjordvik.example/nyheter/gammel-sak',
      httpStatus: 200,
      title: 'Siden finnes ikke – Fjordvik Sjømat',
      bodyText: 'Fjordvik Sjømat Hjem Produkter Om oss Kontakt Oops! Siden finnes ikke. Kanskje den er flyttet? Gå til forsiden',
      headers: html,
    },
    expected: { status: 'not-found', reason: 'page not found (answered 200)' },
  },
  {
    name: 'soft 404 on 200 (X, account does not exist)',
    facts: {
      requestedUrl: 'https://x.com/fjordvik_hq',
      finalUrl: 'https://x.com/fjordvik_hq',
      httpStatus: 200,
      title: 'Profile / X',
      bodyText:
        'Profile @fjordvik_hq This account doesn’t exist Try searching for another. New to X? Sign up now to get your own personalized timeline! Sign up with Apple Create account Terms of Service Privacy Policy Cookie Policy Accessibility Ads info More © 2026 X Corp.',
      headers: html,
    },
    expected: { status: 'not-found', reason: 'page not found (answered 200)' },
  },
  {
    name: 'server error (500)',
    facts: {
      requestedUrl: 'https://fjordvik.example/',
      finalUrl: 'https://fjordvik.example/',
      httpStatus: 500,
      title: 'Internal Server Error',
      bodyText: 'Internal Server Error The server encountered an internal error and was unable to complete your request.',
      headers: html,
    },
    expected: { status: 'error', reason: 'server error (500)' },
  },
  {
    name: 'bad gateway (502)',
    facts: {
      requestedUrl: 'https://blog.nordlys.example/',
      finalUrl: 'https://blog.nordlys.example/',
      httpStatus: 502,
      title: '502 Bad Gateway',
      bodyText: '502 Bad Gateway nginx/1.24.0',
      headers: { ...html, server: 'nginx/1.24.0' },
    },
    expected: { status: 'error', reason: 'server error (502)' },
  },
  {
    name: 'normal Instagram profile with "Log in" and "Sign up" in its header',
    facts: {
      requestedUrl: 'https://www.instagram.com/fjordvik/',
      finalUrl: 'https://www.instagram.com/fjordvik/',
      httpStatus: 200,
      title: 'Fjordvik Seafood (@fjordvik) • Instagram photos and videos',
      bodyText: `Instagram Log in Sign up fjordvik Follow Message 1,407 posts 12.3K followers 190 following Fjordvik Seafood ${FJORDVIK_POSTS} ${INSTAGRAM_FOOTER}`,
      headers: html,
    },
    expected: OK,
  },
  {
    name: 'sparse Bluesky profile with sign-in buttons (short, but no login form)',
    facts: {
      requestedUrl: 'https://bsky.app/profile/fjordvik.bsky.social',
      finalUrl: 'https://bsky.app/profile/fjordvik.bsky.social',
      httpStatus: 200,
      title: 'Fjordvik Seafood (@fjordvik.bsky.social) — Bluesky',
      bodyText: 'Sign in Create account Fjordvik Seafood @fjordvik.bsky.social 120 followers 12 following 3 posts Fresh from the fjord. Posts Replies Media Hello Bluesky!',
      headers: html,
    },
    expected: OK,
  },
  {
    name: 'public LinkedIn company page that invites you to sign in',
    facts: {
      requestedUrl: 'https://www.linkedin.com/company/fjordvik/',
      finalUrl: 'https://www.linkedin.com/company/fjordvik/',
      httpStatus: 200,
      title: 'Fjordvik Seafood | LinkedIn',
      bodyText: `Skip to main content LinkedIn Articles People Learning Jobs Games Join now Sign in Fjordvik Seafood Food Production Florø, Vestland 12,345 followers Follow Sign in to see who you already know at Fjordvik Seafood About us ${FJORDVIK_POSTS} Join now to see what you are missing Find people you know at Fjordvik Seafood`,
      headers: html,
    },
    expected: OK,
  },
  {
    name: 'normal profile with "not found" deep in a long post',
    facts: {
      requestedUrl: 'https://www.facebook.com/fjordvikseafood',
      finalUrl: 'https://www.facebook.com/fjordvikseafood',
      httpStatus: 200,
      title: 'Fjordvik Seafood | Florø | Facebook',
      bodyText: `Fjordvik Seafood 42,217 likes · 969 talking about this · 1,234 were here ${LONG_POST_WITH_NOT_FOUND}`,
      headers: html,
    },
    expected: OK,
  },
  {
    name: 'a company whose name starts with "login"',
    facts: {
      requestedUrl: 'https://www.linkedin.com/company/loginsoft/',
      finalUrl: 'https://www.linkedin.com/company/loginsoft/',
      httpStatus: 200,
      title: 'Loginsoft | LinkedIn',
      bodyText: `Loginsoft Computer and Network Security 5,010 followers ${FJORDVIK_POSTS}`,
      headers: html,
    },
    expected: OK,
  },
  {
    name: 'empty 200 page',
    facts: {
      requestedUrl: 'https://fjordvik.example/',
      finalUrl: 'https://fjordvik.example/',
      httpStatus: 200,
      title: '',
      bodyText: '   \n  ',
      headers: html,
    },
    expected: { status: 'error', reason: 'empty page' },
  },
  {
    name: 'no main response and nothing rendered',
    facts: { requestedUrl: 'https://fjordvik.example/', finalUrl: 'about:blank', httpStatus: null, title: '', bodyText: '', headers: {} },
    expected: { status: 'error', reason: 'no response' },
  },
  {
    name: 'no main response but a rendered page (service worker)',
    facts: {
      requestedUrl: 'https://fjordvik.example/',
      finalUrl: 'https://fjordvik.example/',
      httpStatus: null,
      title: 'Fjordvik Seafood',
      bodyText: `Fjordvik Seafood ${FJORDVIK_POSTS}`,
      headers: {},
    },
    expected: OK,
  },
  {
    name: 'Akamai access denied',
    facts: {
      requestedUrl: 'https://www.nordlys.example/',
      finalUrl: 'https://www.nordlys.example/',
      httpStatus: 403,
      title: 'Access Denied',
      bodyText: 'Access Denied You don\'t have permission to access "http://www.nordlys.example/" on this server. Reference #18.4e2b1002.1740000000.1a2b3c4d',
      headers: { ...html, server: 'AkamaiGHost' },
    },
    expected: { status: 'blocked', reason: 'bot block (Akamai)' },
  },
  {
    name: '401 Unauthorized',
    facts: {
      requestedUrl: 'https://intranet.fjordvik.example/',
      finalUrl: 'https://intranet.fjordvik.example/',
      httpStatus: 401,
      title: '401 Authorization Required',
      bodyText: 'Authorization Required',
      headers: html,
    },
    expected: { status: 'blocked', reason: 'login required (401)' },
  },
]

describe('classifyPage over hand-written fixture pages', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    expect(classifyPage(fixture.facts)).toEqual(fixture.expected)
  })
})

// A guard of this file's own data, not a test of the code: the "must stay ok"
// pages only prove something if they are long.
describe('fixtures', () => {
  it('has long fixture bodies that really are past the short-page threshold', () => {
    expect(FJORDVIK_POSTS.length).toBeGreaterThan(SHORT_BODY_CHARS - 400)
    expect(LONG_POST_WITH_NOT_FOUND.length).toBeGreaterThan(SHORT_BODY_CHARS)
    expect(LONG_POST_WITH_NOT_FOUND.indexOf('Page not found')).toBeGreaterThan(1000)
  })
})

describe('classifyPage rules in isolation', () => {
  const base: PageFacts = {
    requestedUrl: 'https://www.example-social.test/fjordvik',
    finalUrl: 'https://www.example-social.test/fjordvik',
    httpStatus: 200,
    title: 'Fjordvik Seafood',
    bodyText: `Fjordvik Seafood ${FJORDVIK_POSTS}`,
    headers: html,
  }

  it('treats `server: cloudflare` on a normal 200 page as ok (Cloudflare serves ordinary sites too)', () => {
    expect(classifyPage({ ...base, headers: { ...html, server: 'cloudflare', 'cf-ray': '8c1f-OSL' } })).toEqual(OK)
  })

  it('treats a 403 from Cloudflare without challenge text as plain forbidden', () => {
    expect(classifyPage({ ...base, httpStatus: 403, title: 'Forbidden', bodyText: 'Forbidden', headers: { server: 'cloudflare' } })).toEqual({
      status: 'blocked',
      reason: 'forbidden (403)',
    })
  })

  it('does not call a profile that really lives at /login a redirect to a login page', () => {
    const atLogin = { ...base, requestedUrl: 'https://www.example-social.test/login', finalUrl: 'https://www.example-social.test/login' }
    expect(classifyPage(atLogin)).toEqual(OK)
  })

  it('recognises login redirects on Facebook, TikTok and LinkedIn’s old path', () => {
    for (const finalUrl of [
      'https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Ffjordvikseafood',
      'https://www.facebook.com/login.php?next=x',
      'https://www.facebook.com/checkpoint/block/?next',
      'https://www.tiktok.com/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2F%40fjordvik',
      'https://www.linkedin.com/uas/login?session_redirect=%2Fcompany%2Ffjordvik',
    ]) {
      expect(classifyPage({ ...base, finalUrl }), finalUrl).toEqual(LOGIN_WALL)
    }
  })

  it('reads login titles in English and Norwegian, but not profile titles that contain the words', () => {
    for (const title of ['Log in', 'Sign in', 'Sign Up | LinkedIn', 'LinkedIn Login, Sign in | LinkedIn', 'Log in | TikTok', 'Logg inn', 'Facebook – logg inn eller registrer deg']) {
      expect(classifyPage({ ...base, title }), title).toEqual(LOGIN_WALL)
    }
    for (const title of ['The Login Company (@loginco) • Instagram photos and videos', 'How to sign in to our app | Fjordvik Help', 'Studio 404 (@studio404) / X']) {
      expect(classifyPage({ ...base, title }), title).toEqual(OK)
    }
  })

  it('names other bot defences', () => {
    expect(classifyPage({ ...base, httpStatus: 403, title: 'fjordvik.example', bodyText: 'Please enable JS and disable any ad blocker', headers: { 'x-datadome': 'protected' } })).toEqual({
      status: 'blocked',
      reason: 'bot challenge (DataDome)',
    })
    expect(classifyPage({ ...base, title: 'Access to this page has been denied', bodyText: 'Press & Hold to confirm you are a human (and not a bot).' })).toEqual({
      status: 'blocked',
      reason: 'bot challenge (PerimeterX)',
    })
    expect(
      classifyPage({
        ...base,
        httpStatus: 429,
        finalUrl: 'https://www.google.com/sorry/index?continue=https://www.youtube.com/',
        title: 'https://www.youtube.com/',
        bodyText: 'Our systems have detected unusual traffic from your computer network.',
      }),
    ).toEqual({ status: 'blocked', reason: 'bot challenge (Google)' })
  })

  it('reports other 4xx answers as errors and 451 as blocked', () => {
    expect(classifyPage({ ...base, httpStatus: 400 })).toEqual({ status: 'error', reason: 'client error (400)' })
    expect(classifyPage({ ...base, httpStatus: 451 })).toEqual({ status: 'blocked', reason: 'unavailable for legal reasons (451)' })
  })

  it('trusts a soft-404 title even on a long page', () => {
    expect(classifyPage({ ...base, title: 'Page not found • Instagram' })).toEqual({ status: 'not-found', reason: 'page not found (answered 200)' })
    expect(classifyPage({ ...base, title: '404 Not Found' })).toEqual({ status: 'not-found', reason: 'page not found (answered 200)' })
  })

  it('keeps a page with a cookie banner’s text but real content ok', () => {
    expect(classifyPage({ ...base, bodyText: `We use cookies. Accept all Reject all ${base.bodyText}` })).toEqual(OK)
  })

  it('odd facts (status 0, a NUL title, a lone surrogate for text) are an error, not a page', () => {
    const odd: PageFacts = { requestedUrl: 'not a url', finalUrl: '', httpStatus: 0, title: '\u0000', bodyText: '\ud800', headers: {} }
    expect(classifyPage(odd)).toEqual({ status: 'error', reason: 'no valid HTTP status (0)' })
  })
})

// An empty or garbage page is an error, never data: each odd fact on its own,
// next to a real page (`base`) that stays ok.
describe('classifyPage on garbage', () => {
  const base: PageFacts = {
    requestedUrl: 'https://www.linkedin.com/company/acme',
    finalUrl: 'https://www.linkedin.com/company/acme',
    httpStatus: 200,
    title: 'Acme | LinkedIn',
    bodyText: 'Acme. Outdoor gear from the north. 12,345 followers. Posts: We opened a new store in Tromsø this week.',
    headers: {},
  }

  it('the control: the real page is ok', () => {
    expect(classifyPage(base)).toEqual(OK)
  })

  it.each([
    [0, 'no valid HTTP status (0)'],
    [42, 'no valid HTTP status (42)'],
    [600, 'no valid HTTP status (600)'],
    [200.5, 'no valid HTTP status (200.5)'],
  ])('HTTP status %s is an error', (httpStatus, reason) => {
    expect(classifyPage({ ...base, httpStatus })).toEqual({ status: 'error', reason })
  })

  it.each([
    ['a NUL', '\u0000'],
    ['NULs and escapes', '\u0000\u001b\u0007\u0000'],
    ['zero-width characters', '\u200b\u200d\ufeff'],
    ['a lone surrogate', '\udc00'],
  ])('a title that is only %s is an error, even over real text', (_name, title) => {
    expect(classifyPage({ ...base, title })).toEqual({ status: 'error', reason: 'unreadable page (its title is only control or invalid characters)' })
  })

  it.each([
    ['lone surrogates', '\ud800\ud800\udfff'],
    ['NULs and line breaks', '\u0000\n\u0000\n'],
    ['private-use glyphs (an icon font)', '\ue000 \ue001 \uf8ff'],
  ])('a text that is only %s is an error', (_name, bodyText) => {
    expect(classifyPage({ ...base, bodyText })).toEqual({ status: 'error', reason: 'unreadable page (its text is only control or invalid characters)' })
  })

  it('both at once says so', () => {
    expect(classifyPage({ ...base, title: '\u0000', bodyText: '\ud800' })).toEqual({ status: 'error', reason: 'unreadable page (its title and text are only control or invalid characters)' })
  })

  it('no title and no printable text at all is an error; whitespace only is an empty page', () => {
    expect(classifyPage({ ...base, title: '', bodyText: '\u200b \u200b' })).toEqual({ status: 'error', reason: 'unreadable page (its text is only control or invalid characters)' })
    expect(classifyPage({ ...base, title: ' ', bodyText: ' \n\t ' })).toEqual({ status: 'error', reason: 'empty page' })
  })

  it('a few odd characters inside real text do not matter, and cannot hide a wall', () => {
    expect(classifyPage({ ...base, title: 'Acme\u0000 | LinkedIn', bodyText: `${base.bodyText}\u0000\ud800` })).toEqual(OK)
    // Zero-width characters inside "Sign Up" do not get a login wall past the classifier.
    expect(classifyPage({ ...base, title: 'Sign\u200b Up | Link\u00adedIn' })).toEqual({ status: 'blocked', reason: 'login wall' })
  })
})

describe('walls met on real pages (issue 11)', () => {
  const page = (facts: Partial<PageFacts>): PageFacts => ({
    requestedUrl: 'https://www.youtube.com/@fjordvik',
    finalUrl: 'https://www.youtube.com/@fjordvik',
    httpStatus: 200,
    title: '',
    bodyText: '',
    headers: html,
    ...facts,
  })

  it('a Cloudflare stub with no title and no text is a bot challenge, not an error, by its scripts', () => {
    const markup = `<html><head><script async src='/cdn-cgi/bm/cv/664825181/api.js'></script></head><body><script>window['__CF$cv$params']={r:'60aada8e9833a421'}</script></body></html>`
    expect(classifyPage(page({ httpStatus: null, markup }))).toEqual({ status: 'blocked', reason: 'bot challenge (Cloudflare)' })
    // The same empty page without those scripts stays an error.
    expect(classifyPage(page({ httpStatus: null, markup: '<html><head></head><body></body></html>' })).status).toBe('error')
  })

  it('Cloudflare scripts on a long real page do not make it a challenge', () => {
    const markup = `<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>`
    expect(classifyPage(page({ title: 'Fjordvik Seafood', bodyText: FJORDVIK_POSTS.repeat(2), markup }))).toEqual({ status: 'ok' })
  })

  it("Google's consent page in other languages, answered with 200", () => {
    for (const title of ['Antes de ir a YouTube', 'Bevor Sie zu YouTube weitergehen', "Avant d'accéder à YouTube", 'Before you continue to YouTube']) {
      expect(classifyPage(page({ title, bodyText: 'Google verwendet Cookies und Daten' })), title).toEqual(CONSENT_WALL)
    }
  })

  it("YouTube's captcha and its 'not a bot' wall, whose page may still carry a channel's numbers", () => {
    const captcha = page({ title: 'YouTube', bodyText: 'Perdón por la interrupción. Hemos recibido un gran número de solicitudes de tu red.' })
    expect(classifyPage(captcha)).toEqual({ status: 'blocked', reason: 'bot challenge (Google)' })
    const notABot = page({ title: '- YouTube', markup: '<html></html>\n<!-- playabilityStatus {"status":"LOGIN_REQUIRED","reason":"Sign in to confirm you’re not a bot"} -->' })
    expect(classifyPage(notABot)).toEqual({ status: 'blocked', reason: 'bot challenge (YouTube)' })
    expect(classifyPage(page({ title: 'Fjordvik', bodyText: `Sign in to confirm you’re not a bot. 49.9K subscribers` }))).toEqual({ status: 'blocked', reason: 'bot challenge (YouTube)' })
  })

  it("YouTube's channel alerts that answer 200 are a missing page", () => {
    expect(classifyPage(page({ title: 'YouTube', bodyText: 'Home Shorts This channel does not exist.' })).status).toBe('not-found')
    expect(classifyPage(page({ title: 'YouTube', bodyText: 'This account has been terminated for a violation of YouTube’s Terms of Service.' })).status).toBe('not-found')
  })
})
