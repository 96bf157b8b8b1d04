// X's profile page carries the account's numbers in its JSON-LD ProfilePage
// (issue 11: "X gives nothing without a token, even when its logged-out page
// carries the counts in JSON-LD"). Given the demo site's X profile with its
// login wall down, served on 127.0.0.1 and read by real Chromium through the
// snapshot's own readPage, pageMetrics reads the exact counts for the account
// asked for, and none of the JSON-LD's counts for any other account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { X_ACCOUNT } from '../../src/demo-site/platforms.js'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { pageMetrics } from '../../src/snapshot/page-facts.js'
import { savedPageReader, type SavedPageReader } from '../helpers/saved-page.js'

let site: DemoSite
let reader: SavedPageReader

beforeAll(async () => {
  site = await startDemoSite()
  site.state.walls.x = 'none'
  reader = await savedPageReader()
})
afterAll(async () => {
  await reader?.close()
  await site?.close()
})

async function xPage() {
  const answer = await fetch(`${site.url}/x-web/${X_ACCOUNT.username}`, { redirect: 'manual' })
  expect(answer.status).toBe(200)
  return reader.read(await answer.text())
}

describe("X's profile page without a token", () => {
  it('gives the exact followers, following and posts from its JSON-LD', async () => {
    const metrics = pageMetrics(await xPage(), { platform: 'x', handle: 'nordlysoutdoor', url: `https://x.com/nordlysoutdoor` })
    expect(metrics).toEqual({
      followers: { value: 5_120, source: 'embedded-json', via: 'page' },
      following: { value: 77, source: 'embedded-json', via: 'page' },
      posts: { value: 2_210, source: 'embedded-json', via: 'page' },
    })
  })

  it('follows a bump on the site', async () => {
    site.state.followersBump = 30
    site.state.postsBump = 4
    try {
      const metrics = pageMetrics(await xPage(), { platform: 'x', handle: 'NordlysOutdoor' })
      expect([metrics.followers?.value, metrics.posts?.value]).toEqual([5_150, 2_214])
    } finally {
      site.state.followersBump = 0
      site.state.postsBump = 0
    }
  })

  it('reads none of the JSON-LD counts for another account', async () => {
    const metrics = pageMetrics(await xPage(), { platform: 'x', handle: 'fjellkraft' })
    // (The page's text and description still say what they say; they name no account to check.)
    expect(Object.entries(metrics).filter(([, metric]) => metric.source === 'embedded-json')).toEqual([])
    expect(metrics.posts).toBeUndefined()
  })
})
