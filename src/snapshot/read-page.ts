// Owns what a snapshot reads from a page, in the page itself: the meta tags,
// JSON-LD, embedded app state, visible text, the start of the markup, the
// feed links and the timestamps of the posts the page links to. The snapshot runs it on live pages (capture.ts) and the
// real-page corpus on saved ones (test/helpers/saved-page.ts), so both read
// exactly the same things.

export interface PageFactsRead {
  readonly title: string
  readonly meta: Record<string, string>
  readonly jsonLd: string[]
  readonly embedded: Record<string, string>
  readonly bodyText: string
  readonly markup: string
  readonly feeds: string[]
  /** Post timestamps (`<time datetime>`, `<abbr data-utime>`) with the link around each (see page-posts.ts). */
  readonly postTimes: { at: string; link: string }[]
}

/** Runs inside the page: adds the style sheet `css`, then reads what the classifier and the metric parsers need. */
export function readPage(css: string): PageFactsRead {
  try {
    const style = document.createElement('style')
    style.textContent = css
    ;(document.head ?? document.documentElement).appendChild(style)
  } catch {
    // A page without a document element still gets read.
  }
  const meta: Record<string, string> = {}
  document.querySelectorAll('meta[property], meta[name]').forEach((el) => {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase()
    const content = el.getAttribute('content')
    if (key && content && !(key in meta)) meta[key] = content.slice(0, 2000)
  })
  const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]'), (el) => (el.textContent ?? '').slice(0, 200_000))
  const embedded: Record<string, string> = {}
  for (const id of ['__UNIVERSAL_DATA_FOR_REHYDRATION__', 'SIGI_STATE', '__NEXT_DATA__']) {
    const el = document.getElementById(id)
    if (el?.textContent) embedded[id] = el.textContent.slice(0, 2_000_000)
  }
  // YouTube keeps the channel's header data in a script global, not an
  // element; so did Instagram's server-rendered profile (`_sharedData`).
  for (const name of ['ytInitialData', '_sharedData']) {
    try {
      const state = (window as unknown as Record<string, unknown>)[name]
      if (state && typeof state === 'object') embedded[name] = JSON.stringify(state).slice(0, 2_000_000)
    } catch {
      // A page that made the global unreadable has none for us.
    }
  }
  // A YouTube page states a missing or terminated channel in an alert of its
  // app state; appended to the markup below so the classifier sees it even
  // when the page has not rendered it.
  let alerts = ''
  try {
    const list = (window as unknown as { ytInitialData?: { alerts?: unknown } }).ytInitialData?.alerts
    if (Array.isArray(list) && list.length > 0) alerts = `\n<!-- ytInitialData alerts ${JSON.stringify(list).slice(0, 2000)} -->`
  } catch {
    // No alerts.
  }
  // A YouTube watch page states its wall (LOGIN_REQUIRED, "not a bot") in the
  // player data, half a megabyte into the page: appended so the classifier sees it.
  // (No named function here: the code runs in the page, where a bundler's helpers do not exist.)
  let playability = ''
  try {
    const status = (window as unknown as { ytInitialPlayerResponse?: { playabilityStatus?: unknown } }).ytInitialPlayerResponse?.playabilityStatus
    if (status) playability = `\n<!-- playabilityStatus ${JSON.stringify(status).slice(0, 2000)} -->`
  } catch {
    // No player data.
  }
  const feeds = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="alternate"]'))
    .filter((link) => /(rss|atom)\+xml/i.test(link.type))
    .map((link) => link.href)
  // When each post on the page was made, and which post the time links to:
  // page-posts.ts keeps only the account's own.
  const postTimes: { at: string; link: string }[] = []
  document.querySelectorAll('time[datetime], abbr[data-utime]').forEach((el) => {
    if (postTimes.length >= 200) return
    const link = el.closest('a[href]')?.getAttribute('href') ?? ''
    const utime = Number(el.getAttribute('data-utime'))
    const at = el.getAttribute('datetime') ?? (Number.isFinite(utime) && utime > 0 ? new Date(utime * 1000).toISOString() : '')
    if (at && link) postTimes.push({ at: at.slice(0, 100), link: link.slice(0, 500) })
  })
  const body = document.body
  return {
    title: document.title.slice(0, 500),
    meta,
    jsonLd,
    embedded,
    bodyText: (body ? body.innerText : '').slice(0, 10_000),
    // Challenge stubs show nothing: their scripts are the only sign (classify.ts).
    markup: (document.documentElement?.outerHTML ?? '').slice(0, 50_000) + playability + alerts,
    feeds,
    postTimes,
  }
}
