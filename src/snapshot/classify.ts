// Owns deciding, from what a loaded page looks like, whether it shows the
// account (`ok`) or something standing in its way: a login wall, a bot
// challenge, a consent wall, a missing page or a server error. Pure: the
// capture step gathers the facts, this only reads them. A page that is not
// `ok` is never presented as data, so walls must be caught; but every
// logged-out profile has a "Log in" button, so text markers only count when
// they dominate the page (the title, the URL, or a short body).

export interface PageFacts {
  readonly requestedUrl: string
  readonly finalUrl: string
  /** null when there was no main response (cache, service worker, failed navigation). */
  readonly httpStatus: number | null
  readonly title: string
  /** Visible text, may be truncated to ~10k chars. */
  readonly bodyText: string
  /** Lowercase names. */
  readonly headers: Readonly<Record<string, string>>
  /**
   * The start of the document's markup, scripts included. Challenge stubs
   * often show no title and no text at all: their scripts are the only sign.
   */
  readonly markup?: string
}

export type PageVerdict =
  | { readonly status: 'ok' }
  | { readonly status: 'blocked'; readonly reason: string }
  | { readonly status: 'not-found'; readonly reason: string }
  | { readonly status: 'error'; readonly reason: string }

/**
 * A wall page carries little besides its prompt. Above this many characters
 * of visible text the page has real content, and a "Log in" or "not found"
 * in it is a header button or a sentence in a post, not the page's message.
 */
export const SHORT_BODY_CHARS = 1500

// ---- text helpers --------------------------------------------------------

/**
 * Lowercase, curly quotes straightened, no-break spaces, control characters
 * and runs of whitespace as one space, and characters that print nothing
 * (zero-width and format characters, lone surrogates, private use,
 * unassigned) removed. What is left is what a reader could read.
 */
function normalize(text: string): string {
  return String(text)
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim()
    .toLowerCase()
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase()
  } catch {
    return ''
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

// ---- bot challenges ------------------------------------------------------

interface Challenge {
  readonly vendor: string
  readonly reason: 'bot challenge' | 'bot block'
  readonly matches: (facts: PageFacts, title: string, body: string) => boolean
}

// Cloudflare's interstitial and block pages answer 403/503 with these
// phrases; its normal pages also say `server: cloudflare`, so the header alone
// is never enough.
const CLOUDFLARE_TEXT =
  /just a moment\.\.\.|checking (if the site connection is secure|your browser)|verify(ing)? you are (a )?human|needs to review the security of your connection|enable javascript and cookies to continue|sorry, you have been blocked|cloudflare ray id|performance & security by cloudflare/

// The scripts of Cloudflare's challenge pages: the managed challenge
// (`/cdn-cgi/challenge-platform/`, `_cf_chl_opt`), the older "I'm under
// attack" page (`jschl_vc`, `jschl-answer`) and the bot-fight-mode stub,
// which has no title and no text (`/cdn-cgi/bm/cv/`, `__CF$cv$params`).
const CLOUDFLARE_MARKUP = /\/cdn-cgi\/challenge-platform\/|window\._cf_chl_opt|name="jschl_(vc|answer)"|id="challenge-form"|\/cdn-cgi\/bm\/cv\/|__CF\$cv\$params/

const CHALLENGES: readonly Challenge[] = [
  {
    vendor: 'Cloudflare',
    reason: 'bot challenge',
    matches: (facts, title, body) =>
      // The header is Cloudflare's own signal that the response is a challenge.
      facts.headers['cf-mitigated']?.toLowerCase() === 'challenge' ||
      // A challenge's own scripts, on a page that shows little else.
      (body.length <= SHORT_BODY_CHARS && CLOUDFLARE_MARKUP.test(facts.markup ?? '')) ||
      /^just a moment\.\.\.?$/.test(title) ||
      title === 'attention required! | cloudflare' ||
      (facts.headers.server?.toLowerCase() === 'cloudflare' &&
        (facts.httpStatus === 403 || facts.httpStatus === 503) &&
        CLOUDFLARE_TEXT.test(body)),
  },
  {
    vendor: 'DataDome',
    reason: 'bot challenge',
    // DataDome marks its answers with `x-datadome` and serves a captcha page.
    matches: (facts, _title, body) =>
      (facts.headers['x-datadome'] !== undefined || /datadome/i.test(facts.headers.server ?? '')) &&
      (facts.httpStatus === 403 || /captcha|verify you are human|blocked/.test(body)),
  },
  {
    vendor: 'PerimeterX',
    reason: 'bot challenge',
    matches: (_facts, title, body) => title === 'access to this page has been denied' || /press & hold to confirm you are a human/.test(body),
  },
  {
    vendor: 'Akamai',
    reason: 'bot block',
    // Akamai's edge denial: a bare "Access Denied" page with a reference number.
    matches: (facts, title, body) =>
      title === 'access denied' && (/akamai/i.test(facts.headers.server ?? '') || /reference #\d/.test(body)),
  },
  {
    vendor: 'Google',
    reason: 'bot challenge',
    // Google's /sorry/ page and YouTube's /das_captcha ("Sorry for the
    // interruption. We have been receiving a large volume of requests from
    // your network", here in English, Spanish, German and French).
    matches: (facts, _title, body) =>
      pathOf(facts.finalUrl).startsWith('/sorry/') ||
      pathOf(facts.finalUrl).startsWith('/das_captcha') ||
      /our systems have detected unusual traffic from your computer network|receiving a large volume of requests from your network|hemos recibido un gran número de solicitudes de tu red|sehr viele anfragen aus ihrem netzwerk|un grand nombre de requêtes provenant de votre réseau/.test(body),
  },
  {
    vendor: 'YouTube',
    reason: 'bot challenge',
    // "Sign in to confirm you're not a bot": the watch page answers 200 and
    // may still carry the channel's numbers, which must not be shown.
    matches: (facts, _title, body) =>
      /sign in to confirm you'?re not a bot/.test(body) ||
      (/"status":"login_required"/i.test(facts.markup ?? '') && /confirm you(?:'|\\u2019|’)re not a bot/i.test(facts.markup ?? '')),
  },
]

// ---- login walls ---------------------------------------------------------

// Where platforms send logged-out visitors: LinkedIn /authwall and
// /uas/login, Instagram /accounts/login, X /i/flow/login, Facebook /login,
// /login.php and /checkpoint, TikTok and Threads /login. Matched as whole
// path segments so a company called "loginsoft" is not a wall.
const LOGIN_PATH = /(^|\/)(authwall|login|login\.php|signin|sign-in|checkpoint)(\/|$)/

// Titles of login and sign-up pages ("Log in", "Login • Instagram", "Sign Up |
// LinkedIn", "LinkedIn Login, Sign in | LinkedIn", "Log in to X / X",
// "Facebook – log in or sign up", "Logg inn"). Anchored to the start (with at
// most one word before, the platform's name), so a profile or post title that
// merely contains the words does not match.
const LOGIN_TITLE = [
  /^(\S+ )?(log ?in|sign ?in|sign ?up|logg inn|logg på|join linkedin)( (to|på|til|or|eller)\b.*| ?[,|•·–—:/-].*)?$/,
  /\b(log ?in|logg inn) (or|eller) (sign ?up|registrer deg)\b/,
]

// What a login form says. On a short page, a credential field together with a
// login action is the whole message.
const CREDENTIAL_PROMPT = /\bpassword\b|\bpassord\b|e-?mail or phone|phone number, username,? or email|mobile number or email|e-post eller (telefon|mobil)/
const LOGIN_ACTION = /\b(log ?in|sign ?in|logg inn|logg på)\b/
// Sentences that only a wall says; still only on a short page, because a
// full LinkedIn company page also says "Sign in to see who you already know".
const LOGIN_DEMAND =
  /\b(you must log in to continue|log in to continue|sign in to continue|log in to see|sign in to view|join now to see|join to view|logg inn for å (se|fortsette))\b/

function isLoginPath(facts: PageFacts): boolean {
  const finalPath = pathOf(facts.finalUrl)
  // A profile that really lives at /login (someone's handle) is not a redirect.
  return LOGIN_PATH.test(finalPath) && !LOGIN_PATH.test(pathOf(facts.requestedUrl))
}

// ---- consent walls -------------------------------------------------------

// Google and YouTube send EU visitors to consent.google.com /
// consent.youtube.com ("Before you continue to YouTube"); Yahoo/AOL to
// guce/consent hosts.
const CONSENT_HOST = /^(consent\.(google|youtube|yahoo)\.[a-z.]+|guce\.(yahoo|aol)\.com)$/
// Google's consent page in the languages it greets EU visitors in ("Antes de
// ir a YouTube", "Bevor Sie zu YouTube weitergehen", "Avant d'accéder à
// YouTube", "Prima di passare a YouTube", "Voordat je verdergaat naar YouTube").
const CONSENT_TITLE =
  /^(before you continue|før du fortsetter|privacy consent|cookie consent|we value your privacy|personvern og informasjonskapsler|antes de (ir|continuar|acceder) a |antes de continuar|bevor sie (zu .* )?weitergehen|avant d'accéder à |avant de continuer|prima di (passare|continuare)|voordat je verdergaat|innan du fortsätter|ennen kuin jatkat)/
// A page that only asks about cookies: a cookie word and a choice button.
const COOKIE_WORD = /\bcookies?\b|informasjonskapsler/
const COOKIE_WALL_CHARS = 800
const COOKIE_CHOICE = /\b(accept all|reject all|allow all( cookies)?|only allow essential cookies|decline optional cookies|godta alle|avvis alle|tillat alle)\b/

// ---- not found -----------------------------------------------------------

// What platforms show with a 200 for a missing page or account (Instagram,
// Facebook, X, TikTok, LinkedIn, YouTube's channel alerts, Norwegian sites).
const NOT_FOUND_TEXT =
  /\b(page not found|this page isn't available|this page is not available|this content isn't available|user not found|this account doesn't exist|this account does not exist|couldn't find this account|the link you followed may be broken|siden finnes ikke|siden ble ikke funnet|fant ikke siden|this channel does not exist|this channel is not available|this account has been terminated|este canal no existe|dieser kanal existiert nicht|cette chaîne n'existe pas)/
// YouTube's app state names a missing or terminated channel in an ERROR
// alert ("This channel does not exist.") while answering 200; read-page.ts
// appends the alerts to the markup, since a page may not have rendered them.
const YOUTUBE_ALERTS = /<!-- ytInitialData alerts (\[.*\]) -->/s

function youTubeErrorAlerts(markup: string | undefined): string[] {
  const found = YOUTUBE_ALERTS.exec(markup ?? '')
  if (!found) return []
  let alerts: unknown
  try {
    alerts = JSON.parse(found[1]!)
  } catch {
    return []
  }
  const texts: string[] = []
  for (const alert of Array.isArray(alerts) ? alerts : []) {
    const renderer = (alert as { alertRenderer?: { type?: unknown; text?: { simpleText?: unknown; runs?: unknown } } } | null)?.alertRenderer
    if (renderer?.type !== 'ERROR') continue
    const text = renderer.text
    if (typeof text?.simpleText === 'string') texts.push(text.simpleText)
    else if (Array.isArray(text?.runs)) texts.push(text.runs.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join(''))
  }
  return texts
}

// "404", "404 Not Found", "Error 404" as a title; "Studio 404" is a name.
const NOT_FOUND_TITLE = /^(error )?404\b|\b404 (not found|error|-|–|\|)|\b(error|feil) 404\b/

// ---- the classifier ------------------------------------------------------

const blocked = (reason: string): PageVerdict => ({ status: 'blocked', reason })
const notFound = (reason: string): PageVerdict => ({ status: 'not-found', reason })
const failed = (reason: string): PageVerdict => ({ status: 'error', reason })

/**
 * Classifies a loaded page. The order matters and each step says why it comes
 * where it does.
 */
export function classifyPage(facts: PageFacts): PageVerdict {
  const title = normalize(facts.title)
  const body = normalize(facts.bodyText)
  const status = facts.httpStatus
  const shortBody = body.length <= SHORT_BODY_CHARS

  // Bot challenges first: they come as 403/503 too, and naming the vendor
  // tells the user why (and that retrying from another network may help).
  for (const challenge of CHALLENGES) {
    if (challenge.matches(facts, title, body)) return blocked(`${challenge.reason} (${challenge.vendor})`)
  }
  // LinkedIn answers logged-out scrapers with the non-standard status 999.
  if (status === 999) return blocked('bot block (LinkedIn 999)')
  if (status === 429) return blocked('rate limited (429)')

  // A redirect to a login page: the URL is the most reliable marker, whatever
  // the login page says.
  if (isLoginPath(facts)) return blocked('login wall')
  // A consent interstitial replaces the page until someone clicks.
  if (CONSENT_HOST.test(hostOf(facts.finalUrl)) || CONSENT_TITLE.test(title)) return blocked('consent wall')
  // A login page served at the profile's own URL announces itself in the title.
  if (LOGIN_TITLE.some((pattern) => pattern.test(title))) return blocked('login wall')

  if (status !== null) {
    // Chromium reports 0 when there was no real HTTP answer; nothing outside
    // 100-599 (999 is handled above) is a status a server meant.
    if (!Number.isInteger(status) || status < 100 || status > 599) return failed(`no valid HTTP status (${status})`)
    if (status === 401) return blocked('login required (401)')
    if (status === 403) return blocked('forbidden (403)')
    if (status === 451) return blocked('unavailable for legal reasons (451)')
    if (status === 404 || status === 410) return notFound(`page not found (${status})`)
    if (status >= 500) return failed(`server error (${status})`)
    if (status >= 400) return failed(`client error (${status})`)
  } else if (title === '' && body === '') {
    return failed('no response')
  }

  // Garbage is not a page: a title or a text that is there but has nothing
  // printable in it (NULs, lone surrogates, zero-width characters).
  const garbageTitle = String(facts.title).trim() !== '' && title === ''
  const garbageBody = String(facts.bodyText).trim() !== '' && body === ''
  if (garbageTitle || garbageBody) {
    const what = garbageTitle && garbageBody ? 'title and text are' : garbageTitle ? 'title is' : 'text is'
    return failed(`unreadable page (its ${what} only control or invalid characters)`)
  }

  // Soft 404: the platform answers 200 with an error page. The title is
  // trusted; the text only when the page is short, so a post that mentions
  // "page not found" does not make its profile missing.
  if (
    NOT_FOUND_TEXT.test(title) ||
    NOT_FOUND_TITLE.test(title) ||
    (shortBody && NOT_FOUND_TEXT.test(body)) ||
    youTubeErrorAlerts(facts.markup).some((alert) => NOT_FOUND_TEXT.test(normalize(alert)))
  ) {
    return notFound(status === null ? 'page not found' : `page not found (answered ${status})`)
  }
  // A login prompt at the profile's URL: only when it is most of the page,
  // because every logged-out profile has "Log in" / "Sign up" in its header.
  if (shortBody && ((CREDENTIAL_PROMPT.test(body) && LOGIN_ACTION.test(body)) || LOGIN_DEMAND.test(body))) {
    return blocked('login wall')
  }
  // A cookie wall: a short page that is only about cookies. Banners over a
  // real page are hidden by the capture step and leave the page long.
  if (body.length <= COOKIE_WALL_CHARS && COOKIE_WORD.test(body) && COOKIE_CHOICE.test(body)) {
    return blocked('consent wall')
  }
  // Nothing rendered: a screenshot of a blank page is not a snapshot.
  if (body === '' && title === '') return failed('empty page')
  return { status: 'ok' }
}
