// Given the demo site, when Bluesky's author feed and Mastodon's account
// statuses are asked for as the real services are, then they answer in the
// documented shapes and honour the same filters: posts_no_replies drops the
// reply, exclude_replies drops only the reply to another account (the
// thread's continuation stays, as on Mastodon), exclude_reblogs drops the
// boost; the authorized-fetch server refuses, unknown accounts are errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'

let site: DemoSite
beforeAll(async () => {
  site = await startDemoSite()
})
afterAll(async () => {
  await site?.close()
})

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${site.url}${path}`)
  return { status: response.status, body: await response.json() }
}

describe('demo Bluesky getAuthorFeed', () => {
  it('lists 8 items by default, the repost first with its reason, and the reply with its reference', async () => {
    const { status, body } = await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=nordlys.bsky.social')
    expect(status).toBe(200)
    expect(body.feed).toHaveLength(8)
    expect(body.feed[0].reason).toMatchObject({ $type: 'app.bsky.feed.defs#reasonRepost', by: { handle: 'nordlys.bsky.social' }, indexedAt: '2026-11-20T09:15:00.000Z' })
    expect(body.feed[0].post.author.handle).toBe('fjellkraft.bsky.social')
    expect(body.feed[1].post).toMatchObject({ likeCount: 41, repostCount: 9, replyCount: 4, quoteCount: 1, indexedAt: '2026-11-19T10:00:00.000Z', record: { createdAt: '2026-11-19T10:00:00.000Z' } })
    expect(body.feed[2].post.record.reply).toBeDefined()
  })

  it('leaves the reply out with posts_no_replies, and answers by DID too', async () => {
    const { body } = await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=did:plc:nordlysoutdoordemosite23&filter=posts_no_replies&limit=100')
    expect(body.feed).toHaveLength(7)
    expect(body.feed.some((item: any) => item.post.record.reply)).toBe(false)
  })

  it('honours limit and refuses one out of range', async () => {
    expect((await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=nordlys.bsky.social&limit=2')).body.feed).toHaveLength(2)
    expect((await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=nordlys.bsky.social&limit=101')).status).toBe(400)
  })

  it('serves each example competitor its own posts, authored by its did; Nordlys\'s repost is the same post as in Fjellkraft\'s feed', async () => {
    const fjellkraft = await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=fjellkraft.bsky.social&limit=100')
    expect(fjellkraft.status).toBe(200)
    expect(fjellkraft.body.feed).toHaveLength(12)
    expect(new Set(fjellkraft.body.feed.map((item: any) => item.post.author.did))).toEqual(new Set(['did:plc:fjellkraftdemosite000001']))
    // posts_no_replies leaves its one reply out, as for ours.
    expect((await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=fjellkraft.bsky.social&filter=posts_no_replies&limit=100')).body.feed).toHaveLength(11)
    const nordlys = await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=nordlys.bsky.social')
    expect(nordlys.body.feed[0].post.uri).toBe(fjellkraft.body.feed[0].post.uri)
    expect(fjellkraft.body.feed[0].post.uri).toBe('at://did:plc:fjellkraftdemosite000001/app.bsky.feed.post/3lbrepost0001')
    const villmark = await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=did:plc:villmarkgeardemosite0001')
    expect(villmark.body.feed.map((item: any) => item.post.record.createdAt)).toEqual(['2026-11-16T13:00:00.000Z', '2026-11-09T10:00:00.000Z', '2026-10-12T10:00:00.000Z', '2026-09-20T10:00:00.000Z'])
    expect(villmark.body.feed.every((item: any) => item.post.author.handle === 'villmarkgear.bsky.social')).toBe(true)
  })

  it('answers an unknown actor as Bluesky does, and a missing one', async () => {
    expect(await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed?actor=nobody.bsky.social')).toEqual({ status: 400, body: { error: 'InvalidRequest', message: 'Profile not found' } })
    expect((await getJson('/bsky/xrpc/app.bsky.feed.getAuthorFeed')).status).toBe(400)
  })
})

describe('demo Mastodon account statuses', () => {
  const path = '/mastodon/api/v1/accounts/109334512876543210/statuses'

  it('lists all 7 by default: the thread continuation, a boost and a reply among them', async () => {
    const { status, body } = await getJson(path)
    expect(status).toBe(200)
    expect(body).toHaveLength(7)
    expect(body[0]).toMatchObject({ in_reply_to_account_id: '109334512876543210', account: { id: '109334512876543210', acct: 'nordlys' } })
    expect(body[2].reblog).toMatchObject({ account: { acct: 'lyngen@mastodon.social' }, favourites_count: 60 })
    expect(body[3].in_reply_to_account_id).not.toBe('109334512876543210')
  })

  it('keeps the thread continuation with exclude_replies, drops the reply to another account and the boost', async () => {
    const { body } = await getJson(`${path}?exclude_replies=true&exclude_reblogs=true&limit=40`)
    expect(body.map((status: any) => status.id)).toEqual(['113500000000000006', '113500000000000005', '113500000000000002', '113500000000000001', '113500000000000000'])
  })

  it('answers an unknown id with 404, and the authorized-fetch server with 401', async () => {
    expect(await getJson('/mastodon/api/v1/accounts/1/statuses')).toEqual({ status: 404, body: { error: 'Record not found' } })
    expect((await getJson('/mastodon-private/api/v1/accounts/109334512876543210/statuses')).status).toBe(401)
  })
})
