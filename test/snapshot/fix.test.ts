// What the deck, the snapshot command and doctor tell a user to do about an
// account that was not read, from the trail of its sources.
import { describe, expect, it } from 'vitest'
import { fixFor, missingCredential } from '../../src/snapshot/fix.js'
import type { SourceReport } from '../../src/snapshot/types.js'

const page = (state: SourceReport['state'], reason?: string): SourceReport => ({ id: 'page', name: 'the page', state, ...(reason ? { reason } : {}) })

describe('fixFor', () => {
  it('names the credential that is not set, by its variable', () => {
    const sources: SourceReport[] = [
      { id: 'x-api-v2', name: 'X API v2', state: 'skipped', reason: 'no credential: set SHOWTELL_X_BEARER_TOKEN', credential: 'SHOWTELL_X_BEARER_TOKEN' },
      page('blocked', 'login wall'),
    ]
    expect(fixFor({ account: 'acme-x', platform: 'x', status: 'blocked', reason: 'login required', sources })).toBe('set SHOWTELL_X_BEARER_TOKEN (X API v2).')
  })

  it('asks to renew a credential the platform refused', () => {
    const sources: SourceReport[] = [
      { id: 'youtube-data-api', name: 'YouTube Data API v3', state: 'blocked', reason: 'refused', credential: 'SHOWTELL_YOUTUBE_API_KEY' },
      page('answered'),
    ]
    expect(fixFor({ account: 'acme-yt', platform: 'youtube', status: 'blocked', sources })).toBe('renew SHOWTELL_YOUTUBE_API_KEY (YouTube Data API v3).')
    expect(missingCredential({ account: 'acme-yt', platform: 'youtube', status: 'blocked', sources })).toEqual({ name: 'YouTube Data API v3', credential: 'SHOWTELL_YOUTUBE_API_KEY', refused: true })
  })

  it('a credential the source did not need to ask for (it was skipped for another reason) is not the fix', () => {
    const sources: SourceReport[] = [
      { id: 'threads-api', name: 'Threads API', state: 'skipped', reason: 'the Threads token belongs to another account', credential: 'SHOWTELL_THREADS_TOKEN' },
      page('blocked', 'login wall'),
    ]
    expect(fixFor({ account: 'acme-threads', platform: 'threads', status: 'blocked', sources })).toBe(
      "sign in once with showtell login threads, or enter today's figure from the platform's own analytics: showtell record acme-threads followers=N.",
    )
  })

  it('a walled platform without a sign-in page gets the figure by hand; a missing page its url; anything else a new run', () => {
    expect(fixFor({ account: 'acme-blog', platform: 'blog', status: 'blocked' })).toBe("enter today's figure from the platform's own analytics: showtell record acme-blog followers=N.")
    expect(fixFor({ account: 'acme-li', platform: 'linkedin', status: 'not-found' })).toBe("check the account's url or handle in showtell.yaml.")
    expect(fixFor({ account: 'acme-li', platform: 'linkedin', status: 'timeout' })).toBe('run showtell snapshot again; if it keeps failing, enter the figure by hand with showtell record.')
  })

  it('an account whose owner API answered needs no credential', () => {
    const sources: SourceReport[] = [{ id: 'x-api-v2', name: 'X API v2', state: 'used', credential: 'SHOWTELL_X_BEARER_TOKEN' }, page('blocked')]
    expect(missingCredential({ account: 'a', platform: 'x', status: 'ok', sources })).toBeUndefined()
  })
})
