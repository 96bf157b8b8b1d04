// A SourceContext for testing one API source: against a server on 127.0.0.1
// through the real guarded client (`onDemoSite`), or against answers written
// in the test (`withAnswers`), which also records every URL and header asked.
import { DEFAULT_ENDPOINTS, type EndpointKey } from '../../src/platforms/endpoints.js'
import type { AccountRef, HttpAnswer, SourceContext } from '../../src/platforms/source.js'
import { guardedFetch } from '../../src/net/fetch.js'
import { RequestGuard } from '../../src/net/guard.js'
import { demoEndpoints } from './demo-workspace.js'

/** A fixed "now" for the tests: the demo site's dates are around November 2026. */
export const TEST_NOW = new Date('2026-12-01T09:00:00Z')

function baseFrom(endpoints: Readonly<Record<string, string>>): (key: EndpointKey) => string {
  return (key) => (endpoints[key] || DEFAULT_ENDPOINTS[key]).replace(/\/+$/, '')
}

/** The source talks to the demo site (or any 127.0.0.1 server) at `siteUrl`, as a snapshot would. */
export function onDemoSite(siteUrl: string, account: AccountRef, credential?: string, now: Date = TEST_NOW): SourceContext {
  const guard = new RequestGuard({ allowPrivateNetwork: true })
  return {
    account,
    base: baseFrom(demoEndpoints(siteUrl)),
    ...(credential !== undefined ? { credential } : {}),
    now,
    async get(url, headers = {}) {
      const answer = await guardedFetch(url, { guard, headers: { accept: 'application/json', ...headers }, timeoutMs: 10_000, maxBytes: 5_000_000 })
      return { status: answer.status, body: answer.body }
    },
  }
}

export interface Asked {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

/**
 * The source gets `answer(url)` for each GET (a thrown error stands for no
 * answer). `asked` lists what it asked for, in order. Endpoints are the real
 * services' unless `endpoints` says otherwise: nothing is sent anywhere.
 */
export function withAnswers(
  account: AccountRef,
  answer: (url: URL) => HttpAnswer | Promise<HttpAnswer>,
  options: { credential?: string; now?: Date; endpoints?: Readonly<Record<string, string>> } = {},
): { context: SourceContext; asked: Asked[] } {
  const asked: Asked[] = []
  const context: SourceContext = {
    account,
    base: baseFrom(options.endpoints ?? {}),
    ...(options.credential !== undefined ? { credential: options.credential } : {}),
    now: options.now ?? TEST_NOW,
    async get(url, headers = {}) {
      asked.push({ url, headers })
      return answer(new URL(url))
    },
  }
  return { context, asked }
}

/** A JSON answer. */
export function json(status: number, value: unknown): HttpAnswer {
  return { status, body: JSON.stringify(value) }
}
