// Owns the hostile pages under /nasty/: what a snapshot meets when a platform
// walls it off (login wall, bot challenge, consent overlays), when a page lies
// (soft 404), when the network misbehaves (hang, slow, redirect loops and
// redirects to other schemes) and when a page attacks the browser or the deck
// (dialogs, popups, downloads, injection text, a huge DOM).
import { THEMES, documentPage, imageUrl, profileBody, topBar, type PageContext } from './layout.js'
import { formatGrouped } from './format.js'
import { html, raw, type Markup } from './markup.js'
import { notFoundPage } from './pages.js'
import { COMPANY, COMPANY_POSTS, followers } from './platforms.js'
import { bytesReply, htmlReply, redirectReply, type DemoResponse } from './reply.js'

/** Markdown, HTML and a Marp directive in one line: none of it may survive into a deck. */
export const INJECTION = '<!-- _class: pwned --> **Hacked** [click](http://evil.example) <img src=x onerror=alert(1)> --- # Heading'

export const SLOW_MS = 1_500
/** What the teaser wall shows as bait; it is not Nordlys's number and must never reach a deck. */
export const TEASER_FOLLOWERS = 12_345
export const HUGE_ELEMENTS = 50_000

/** Each nasty page, with what it does, for the index. */
export const NASTY_PAGES = {
  'login-wall': '302 to a LinkedIn-style sign-up wall',
  authwall: 'the wall itself: "Sign Up | LinkedIn" with a sign-in form',
  'teaser-wall': `a wall that shows a number: "Sign Up | LinkedIn", "${formatGrouped(TEASER_FOLLOWERS)} followers" in its description and text`,
  challenge: '403 Cloudflare "Just a moment..." bot challenge',
  'not-found': 'a real 404',
  'soft-404': '200 that says "Sorry, this page isn\'t available."',
  consent: 'a profile (1,234 followers) under OneTrust and Cookiebot overlays',
  hang: 'accepts the request and never answers',
  slow: `answers after ${SLOW_MS / 1000} s`,
  'redirect-loop': '302 to itself, forever',
  'redirect-file': '302 to file:///etc/passwd',
  'redirect-data': '302 to a data: URL',
  'redirect-javascript': '302 to a javascript: URL',
  hostile: 'injection text, dialogs, popups and a download',
  'download.bin': 'an attachment download',
  huge: `${formatGrouped(HUGE_ELEMENTS)} elements (2,000 followers)`,
  popup: 'the page the hostile page keeps opening',
} as const

function loginWallPage(context: PageContext): Markup {
  return documentPage(
    { title: 'Sign Up | LinkedIn', description: 'Manage your professional identity. Build and engage with your professional network.', image: imageUrl(context, 'linkedin-logo'), type: 'website', siteName: 'LinkedIn' },
    THEMES.linkedin,
    html`${topBar(THEMES.linkedin, ['Join now', 'Sign in'])}<main><form class="form" method="get" action="#" onsubmit="return false">
<h1>Sign in to see more</h1>
<p class="alt">Join LinkedIn or sign in to view this page.</p>
<label for="session_key">Email or phone</label><input id="session_key" name="session_key" autocomplete="username">
<label for="session_password">Password</label><input id="session_password" name="session_password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
<p class="alt">New to LinkedIn? Join now</p>
</form></main>`,
  )
}

// Real walls often show a teaser ("Join to see 12,345 followers"), and the
// count parsers read it as readily as a profile's: only the wall check keeps it
// out of the snapshot.
function teaserWallPage(context: PageContext): Markup {
  const count = formatGrouped(TEASER_FOLLOWERS)
  return documentPage(
    { title: 'Sign Up | LinkedIn', description: `${COMPANY.name} | ${count} followers on LinkedIn. Join to see who you already know.`, image: imageUrl(context, 'linkedin-logo'), type: 'website', siteName: 'LinkedIn' },
    THEMES.linkedin,
    html`${topBar(THEMES.linkedin, ['Join now', 'Sign in'])}<main><section class="card section"><h1>${COMPANY.name}</h1>
<p>${count} followers</p>
<p class="alt">Join LinkedIn or sign in to see their posts and people.</p>
</section></main>`,
  )
}

const CHALLENGE_STYLE = raw(`*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#313131;background:#fff}
.main-wrapper{display:flex;flex-direction:column;align-items:center;margin-top:8rem}.main-content{width:100%;max-width:60rem;padding:0 1.5rem}
.h1{font-size:2.5rem;font-weight:500;margin:0 0 1rem}.h2{font-size:1.5rem;font-weight:500;margin:0 0 2rem}
.spacer{height:65px;border:1px solid #e0e0e0;border-radius:4px;display:flex;align-items:center;padding:0 16px;max-width:300px;background:#fafafa}
.footer{max-width:60rem;margin:6rem auto 0;padding:0 1.5rem;font-size:.75rem;color:#6b6b6b;text-align:center}`)

/** Cloudflare's answer to a client it wants to check: 403, `cf-mitigated: challenge`, "Just a moment...". */
export function challengeReply(): DemoResponse {
  return htmlReply(403, challengePage(), { 'cf-mitigated': 'challenge', server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d6e7f-OSL' })
}

function challengePage(): Markup {
  return html`<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge">
<meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1">
<style>${CHALLENGE_STYLE}</style></head>
<body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">127.0.0.1</h1>
<h2 id="challenge-running" class="h2">Verifying you are human. This may take a few seconds.</h2>
<div id="challenge-stage" class="spacer"><label><input type="checkbox"> Verify you are human</label></div>
<noscript><div id="challenge-error-title">Enable JavaScript and cookies to continue</div></noscript>
<div id="challenge-body-text" class="core-msg">127.0.0.1 needs to review the security of your connection before proceeding.</div>
</div></div>
<div class="footer" role="contentinfo"><div class="ray-id">Ray ID: <code>8e1f2a3b4c5d6e7f</code></div><div id="footer-text">Performance &amp; security by Cloudflare</div></div>
</body></html>
`
}

function softNotFoundPage(context: PageContext): Markup {
  return documentPage(
    { title: 'Page not found', image: imageUrl(context, 'instagram-logo'), siteName: 'Instagram' },
    THEMES.instagram,
    html`${topBar(THEMES.instagram)}<main><section class="card section" style="text-align:center"><h1>Sorry, this page isn't available.</h1><p>The link you followed may be broken, or the page may have been removed. <a href="/">Go back to Instagram.</a></p></section></main>`,
  )
}

/** A small profile for the nasty pages that still carry data under the nastiness. */
function smallProfile(context: PageContext, name: string, bio: string, baseFollowers: number): Markup {
  return profileBody(THEMES.plain, {
    name,
    bio,
    avatar: imageUrl(context, 'nasty-avatar'),
    banner: imageUrl(context, 'nasty-banner'),
    counts: [{ value: formatGrouped(followers(baseFollowers, context.bumps)), label: 'followers' }],
    action: 'Follow',
    posts: COMPANY_POSTS.slice(0, 2),
  })
}

const CONSENT_SCRIPT = raw(`document.addEventListener('click', function (event) {
  var target = event.target;
  if (!(target instanceof Element)) return;
  if (target.closest('#onetrust-accept-btn-handler, #onetrust-reject-all-handler')) {
    document.getElementById('onetrust-consent-sdk').style.display = 'none';
  }
  if (target.closest('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll, #CybotCookiebotDialogBodyButtonDecline')) {
    document.getElementById('CybotCookiebotDialog').style.display = 'none';
  }
});`)

function consentPage(context: PageContext): Markup {
  const count = formatGrouped(followers(1_234, context.bumps))
  const overlays = html`<div id="onetrust-consent-sdk">
<div class="onetrust-pc-dark-filter" style="position:fixed;inset:0;z-index:2147483645;background:rgba(0,0,0,.55)"></div>
<div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner" tabindex="0" style="position:fixed;inset:0;z-index:2147483646;display:flex;align-items:center;justify-content:center;background:rgba(255,255,255,.97);color:#222;font:16px/1.5 Arial,sans-serif">
<div class="ot-sdk-container" style="max-width:640px;padding:32px">
<h2 id="onetrust-policy-title">We value your privacy</h2>
<p id="onetrust-policy-text">We and our 842 partners use cookies to personalise content and ads and to analyse our traffic. Click “Accept All Cookies” to agree.</p>
<div id="onetrust-button-group"><button id="onetrust-pc-btn-handler" type="button">Cookie Settings</button> <button id="onetrust-reject-all-handler" type="button">Reject All</button> <button id="onetrust-accept-btn-handler" type="button" style="background:#1f6feb;color:#fff;border:0;padding:10px 18px">Accept All Cookies</button></div>
</div></div></div>
<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-label="This website uses cookies" style="position:fixed;top:50%;left:50%;transform:translate(-50%,-50%);width:min(560px,92vw);z-index:2147483647;background:#fff;color:#141414;border-radius:8px;box-shadow:0 30px 70px rgba(0,0,0,.3);padding:28px;font:15px/1.5 Helvetica,Arial,sans-serif">
<h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>
<p id="CybotCookiebotDialogBodyContentText">We use cookies to personalise content and ads, to provide social media features and to analyse our traffic.</p>
<div id="CybotCookiebotDialogBodyButtons"><button id="CybotCookiebotDialogBodyButtonDecline" type="button">Deny</button> <button id="CybotCookiebotDialogBodyLevelButtonCustomize" type="button">Customize</button> <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" type="button" style="background:#1032cf;color:#fff;border:0;padding:10px 18px">Allow all</button></div>
</div>
<script>${CONSENT_SCRIPT}</script>`
  return documentPage(
    { title: `${COMPANY.name} Community`, description: `${count} followers`, image: imageUrl(context, 'nasty-avatar'), url: `${context.origin}/nasty/consent` },
    THEMES.plain,
    html`${smallProfile(context, `${COMPANY.name} Community`, 'Trips, tips and repair days with other Nordlys owners.', 1_234)}
${overlays}`,
    raw('<style>body{overflow:hidden}</style>'),
  )
}

// Dialogs on load and on a timer, a popup every half second, and a download
// nobody asked for. All of it only annoys the browser; nothing leaves 127.0.0.1.
const HOSTILE_SCRIPT = raw(`(function () {
  function nag() {
    try { alert('pwned'); } catch (e) {}
    try { confirm('Allow showtell to delete your deck?'); } catch (e) {}
    try { prompt('Type your password:'); } catch (e) {}
  }
  function popup() { try { window.open('/nasty/popup', '_blank'); } catch (e) {} }
  function download() { var link = document.getElementById('download'); if (link) link.click(); }
  window.addEventListener('load', function () { download(); popup(); nag(); });
  setInterval(nag, 1000);
  setInterval(popup, 500);
})();`)

function hostilePage(context: PageContext): Markup {
  const count = formatGrouped(followers(321, context.bumps))
  return documentPage(
    { title: INJECTION, description: `${count} followers · ${INJECTION}`, image: imageUrl(context, 'nasty-avatar'), url: `${context.origin}/nasty/hostile` },
    THEMES.plain,
    html`${smallProfile(context, 'Hostile but harmless page', INJECTION, 321)}
<p style="text-align:center"><a id="download" download href="/nasty/download.bin">download.bin</a></p>
<script>${HOSTILE_SCRIPT}</script>`,
  )
}

function hugePage(context: PageContext): Markup {
  const count = formatGrouped(followers(2_000, context.bumps))
  const rows = Array.from({ length: HUGE_ELEMENTS }, (_, i) => html`<div class="row">Item ${i + 1}</div>`)
  return documentPage(
    { title: 'A very long page', description: `${count} followers`, image: imageUrl(context, 'nasty-avatar'), url: `${context.origin}/nasty/huge` },
    THEMES.plain,
    html`${smallProfile(context, 'A very long page', `${formatGrouped(HUGE_ELEMENTS)} rows below.`, 2_000)}<section class="rows">${rows}</section>`,
  )
}

function slowPage(context: PageContext): Markup {
  const count = formatGrouped(followers(1_500, context.bumps))
  return documentPage(
    { title: 'Slow but steady', description: `${count} followers`, image: imageUrl(context, 'nasty-avatar'), url: `${context.origin}/nasty/slow` },
    THEMES.plain,
    smallProfile(context, 'Slow but steady', `This page answers after ${SLOW_MS / 1000} seconds.`, 1_500),
  )
}

function popupPage(context: PageContext): Markup {
  return documentPage(
    { title: 'Popup', description: 'A window the hostile page opened.', image: imageUrl(context, 'nasty-avatar') },
    THEMES.plain,
    html`<main><section class="card section"><h1>Popup</h1><p>A window the hostile page opened.</p></section></main>`,
  )
}

/** The 4 KiB the hostile page tries to download; the same bytes every time. */
export const DOWNLOAD_BYTES = Uint8Array.from({ length: 4_096 }, (_, i) => (i * 31 + 7) & 0xff)

/** Answers `/nasty/<name>`; undefined when there is no such nasty page. */
export function nastyRoute(context: PageContext, name: string, query: URLSearchParams): DemoResponse | undefined {
  switch (name) {
    case 'login-wall':
      return redirectReply(`/nasty/authwall?sessionRedirect=${encodeURIComponent(`${context.origin}/nasty/login-wall`)}`)
    case 'authwall':
      return htmlReply(200, loginWallPage(context))
    case 'teaser-wall':
      return htmlReply(200, teaserWallPage(context))
    case 'challenge':
      return challengeReply()
    case 'not-found':
      return htmlReply(404, notFoundPage(context, '/nasty/not-found'))
    case 'soft-404':
      return htmlReply(200, softNotFoundPage(context))
    case 'consent':
      return htmlReply(200, consentPage(context))
    case 'hang':
      return { kind: 'hang' }
    case 'slow':
      return { ...htmlReply(200, slowPage(context)), delayMs: SLOW_MS }
    case 'redirect-loop': {
      const n = Number(query.get('n') ?? '0')
      const next = Number.isSafeInteger(n) && n >= 0 ? n + 1 : 1
      return redirectReply(`/nasty/redirect-loop?n=${next}`)
    }
    case 'redirect-file':
      return redirectReply('file:///etc/passwd')
    case 'redirect-data':
      return redirectReply('data:text/html,<h1>hi</h1>')
    case 'redirect-javascript':
      return redirectReply('javascript:alert(1)')
    case 'hostile':
      return htmlReply(200, hostilePage(context))
    case 'download.bin':
      return bytesReply(200, DOWNLOAD_BYTES, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="download.bin"',
      })
    case 'huge':
      return htmlReply(200, hugePage(context))
    case 'popup':
      return htmlReply(200, popupPage(context))
    default:
      return undefined
  }
}
