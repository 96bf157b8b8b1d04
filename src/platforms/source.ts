// Owns the contract between a platform adapter's API sources and the capture
// pipeline: what a source is given (the account, the endpoints, the owner's
// credential, a guarded GET) and what it answers. A source is a small async
// function over `get`, so it can make the calls its API needs (YouTube's
// channel then its uploads playlist) and be tested with a fake `get` and
// against the demo site alike. Nothing here reaches the network by itself.
import type { Metrics } from '../snapshot/metrics.js'
import type { CredentialService } from '../secrets/credentials.js'
import type { EndpointKey } from './endpoints.js'

/** What an adapter needs of an account (structural, so this layer needs no workspace types). */
export interface AccountRef {
  readonly id: string
  readonly platform: string
  readonly handle?: string
  readonly url?: string
  /** The platform's own id for the account (a YouTube channel id, a LinkedIn organization id, a Facebook Page id). */
  readonly platformId?: string
}

/** One HTTP answer. `get` never throws for an HTTP status, only when no answer came (network, timeout). */
export interface HttpAnswer {
  readonly status: number
  readonly body: string
}

export interface SourceContext {
  readonly account: AccountRef
  /** The base URL of an endpoint key, without a trailing slash (`snapshot.endpoints` or the real service). */
  base(key: EndpointKey): string
  /** The owner's credential the source declared, when one is set (env or the credentials file). */
  readonly credential?: string
  /**
   * A GET through the run's request guard (every redirect hop checked, at
   * most 5 MB read, the run's Accept-Language). Throws an Error named
   * `TimeoutError` when no answer came in time, another Error when none
   * came at all; its message never holds the headers.
   */
  get(url: string, headers?: Readonly<Record<string, string>>): Promise<HttpAnswer>
  /** The snapshot's time, for "posts in the last 30 days". */
  readonly now: Date
}

/**
 * What a source made of the account. `skipped` is "this source does not
 * apply" (no credential, no handle it can use, the token belongs to another
 * account): the next source is tried and the reason is recorded. The other
 * failures are recorded too, and a `blocked` reason names the credential to
 * renew. Reasons never quote an answer or a credential.
 */
export type SourceOutcome =
  | {
      readonly status: 'ok'
      readonly metrics: Metrics
      readonly title?: string
      readonly description?: string
    }
  | { readonly status: 'skipped' | 'blocked' | 'not-found' | 'error' | 'timeout'; readonly reason: string }

export interface ApiSource {
  /** Stable id, shown in --json and doctor: `youtube-data-api`, `bluesky-get-profile`. */
  readonly id: string
  /** Words for people: "YouTube Data API v3". */
  readonly name: string
  /** The owner's credential it needs; without it the source is skipped with a reason naming the variable. */
  readonly credential?: CredentialService
  read(context: SourceContext): Promise<SourceOutcome>
}
