// Owns what a snapshot reads from a page, in the page itself: the meta tags,
// JSON-LD, embedded app state, visible text, the start of the markup and the
// feed links. The snapshot runs it on live pages (capture.ts) and the
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
  // YouTube keeps the channel's header data in a script global, not an element.
  try {
    const yt = (window as unknown as { ytInitialData?: unknown }).ytInitialData
    if (yt && typeof yt === 'object') embedded.ytInitialData = JSON.stringify(yt).slice(0, 2_000_000)
  } catch {
    // A page that made the global unreadable has none for us.
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
  const body = document.body
  return {
    title: document.title.slice(0, 500),
    meta,
    jsonLd,
    embedded,
    bodyText: (body ? body.innerText : '').slice(0, 10_000),
    // Challenge stubs show nothing: their scripts are the only sign (classify.ts).
    markup: (document.documentElement?.outerHTML ?? '').slice(0, 50_000) + playability,
    feeds,
  }
}
