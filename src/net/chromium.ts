// Owns the guard's hold on a Chromium tab: every request of the tab and of
// its workers is paused, checked with the guard, and failed when the guard
// refuses it. This is a DevTools session of our own, not puppeteer's request
// interception, because with Chromium 156 and puppeteer 24 a dedicated
// worker's fetch() is paused but at times never becomes a puppeteer 'request'
// event, and goes out when the tab closes. Each worker waits for this session
// before its first line runs.
//
// WebSockets (and WebTransport, WebRTC) never pass through request
// interception at all, and neither Network.setBlockedURLs nor a CSP
// connect-src can tell them from ordinary fetches (tried): the socket APIs are
// taken away from every document and worker instead. A snapshot only reads
// pages; it never needs a live socket. A service worker (https pages only)
// would run in a target of the browser, not of the tab, so registering one is
// taken away too.
//
// Left open: Chromium resolves names itself after the guard did, so the
// address it connects to cannot be pinned from here (a name that changes its
// answer within that moment, DNS rebinding, gets through). A proxy of ours in
// front of the browser context would close that.
import type { CDPSession, Page } from 'puppeteer-core'
import type { RequestGuard } from './guard.js'

/** Runs first in every document and worker of a guarded tab. */
export const NO_SOCKETS = `(() => {
  for (const name of ['WebSocket', 'WebSocketStream', 'WebTransport', 'RTCPeerConnection', 'webkitRTCPeerConnection', 'SharedWorker']) {
    try { Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false }) } catch {}
  }
  try {
    if (typeof ServiceWorkerContainer !== 'undefined') Object.defineProperty(ServiceWorkerContainer.prototype, 'register', { value: () => Promise.reject(new Error('blocked by showtell')), configurable: false, writable: false })
  } catch {}
})()`

interface Holder {
  guard: RequestGuard
  /** Told why the tab's own page (or a redirect of it) was refused. */
  onMainRefused: (reason: string) => void
}

interface TabGuard extends Holder {
  readonly ready: Promise<void>
}

const tabs = new WeakMap<Page, TabGuard>()

interface PausedRequest {
  readonly requestId: string
  readonly request: { readonly url: string }
  readonly frameId?: string
  readonly resourceType?: string
}

/**
 * Puts `guard` in charge of every request of the tab (and of its workers)
 * from now on. A tab that is reused for the next account keeps its session,
 * and the next account's guard takes over.
 */
export async function guardTab(page: Page, guard: RequestGuard, onMainRefused: (reason: string) => void = () => {}): Promise<void> {
  const existing = tabs.get(page)
  if (existing) {
    existing.guard = guard
    existing.onMainRefused = onMainRefused
    return existing.ready
  }
  const state: Holder = { guard, onMainRefused }
  const ready = install(page, state)
  tabs.set(page, Object.assign(state, { ready }))
  return ready
}

async function install(page: Page, state: Holder): Promise<void> {
  const session = await page.createCDPSession()
  // The main frame's id is the tab's target id: it stays the same across navigations.
  const { frameTree } = await session.send('Page.getFrameTree')
  const mainFrameId = frameTree.frame.id
  const watch = async (client: CDPSession) => {
    client.on('Fetch.requestPaused', (event: PausedRequest) => {
      const isMainPage = client === session && event.resourceType === 'Document' && event.frameId === mainFrameId
      // Pages may use data: and blob: for their own pictures; only the page itself must be web.
      const own = !isMainPage && /^(data|blob):/i.test(event.request.url)
      void (own ? Promise.resolve({ ok: true as const }) : state.guard.check(event.request.url))
        .then((verdict) => {
          if (verdict.ok) return client.send('Fetch.continueRequest', { requestId: event.requestId })
          if (isMainPage) state.onMainRefused(verdict.reason)
          return client.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' })
        })
        // The request may already be gone (the tab closed, or the other interception failed it).
        .catch(() => {})
    })
    client.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string } }) => {
      const child = client.connection()?.session(event.sessionId)
      if (!child) return
      // A worker, or a frame from another site (a process of its own), waits for
      // us: it runs only after its requests are watched. A worker loses its
      // sockets here; a frame's documents lose them through
      // page.evaluateOnNewDocument, which puppeteer applies to such frames too.
      const noSockets = event.targetInfo.type === 'iframe' ? Promise.resolve() : child.send('Runtime.evaluate', { expression: NO_SOCKETS })
      void Promise.all([watch(child), noSockets])
        .catch(() => {})
        .finally(() => child.send('Runtime.runIfWaitingForDebugger').catch(() => {}))
    })
    await Promise.all([
      client.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
      client.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
    ])
  }
  await Promise.all([watch(session), page.evaluateOnNewDocument(NO_SOCKETS)])
}
