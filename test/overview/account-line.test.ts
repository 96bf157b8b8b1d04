// The overview's account lines format the one headline model, and the app's
// and the text dashboard's words for them: YouTube's subscribers, a page's
// likes never as followers, the last good value of an account not read.
import { describe, expect, it } from 'vitest'
import { dashboardText } from '../../src/commands/home.js'
import { accountLine, type Overview } from '../../src/overview/overview.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import { accountNumber, gridNumber } from '../../src/ui/format.js'
import type { Account } from '../../src/workspace/schema.js'

const account = (id: string, platform: Account['platform']): Account => ({ id, platform, handle: id, owner: 'official' }) as Account

function entry(date: string, id: string, platform: string, metrics: HistoryEntry['metrics'], status: HistoryEntry['status'] = 'ok'): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00.000Z`, account: id, platform, status, metrics }
}

describe('accountLine', () => {
  it('YouTube: subscribers, rounded, with the change since the snapshot before', () => {
    const entries = [
      entry('2026-11-10', 'yt', 'youtube', { followers: { value: 23_900, source: 'api' } }),
      entry('2026-11-17', 'yt', 'youtube', { followers: { value: 24_100, source: 'page-text', approximate: true } }),
    ]
    const line = accountLine(account('yt', 'youtube'), entries)
    expect(line.metric).toEqual({ name: 'followers', word: 'subscribers', value: 24_100, approximate: true, byHand: false })
    expect(line.change).toEqual({ delta: 200, since: '2026-11-10' })
    expect(accountNumber(line)).toBe('~24,100 subscribers')
    expect(gridNumber(line)).toBe('~24,100')
  })

  it('a Facebook page with only likes: "Page likes" everywhere, never a bare number in the grid', () => {
    const line = accountLine(account('fb', 'facebook'), [entry('2026-11-17', 'fb', 'facebook', { likes: { value: 4_200, source: 'api' } })])
    expect(line.metric).toEqual({ name: 'likes', word: 'Page likes', value: 4_200, approximate: false, byHand: false })
    expect(accountNumber(line)).toBe('4,200 Page likes')
    expect(gridNumber(line)).toBe('4.2K likes')
  })

  it('an account not read: its last good count, bare for followers and worded for anything else', () => {
    const blocked = accountLine(account('x1', 'x'), [entry('2026-11-10', 'x1', 'x', { followers: { value: 5_000, source: 'api' } }), entry('2026-11-17', 'x1', 'x', {}, 'blocked')])
    expect(blocked.lastGood).toEqual({ name: 'followers', word: 'followers', value: 5_000, date: '2026-11-10' })
    expect(accountNumber(blocked)).toBe('5,000 on 2026-11-10')
    const videos = accountLine(account('yt', 'youtube'), [entry('2026-11-10', 'yt', 'youtube', { posts: { value: 310, source: 'api' } }), entry('2026-11-17', 'yt', 'youtube', {}, 'timeout')])
    expect(accountNumber(videos)).toBe('310 videos on 2026-11-10')
    const overview: Overview = { company: 'Testco', names: ['Testco'], today: '2026-11-20', accounts: [blocked, videos], competitors: [], executives: [], decks: [] }
    const text = dashboardText(overview)
    expect(text).toMatch(/✗ x1 +x +blocked +last good 5,000 on 2026-11-10/)
    expect(text).toMatch(/✗ yt +youtube +timeout +last good 310 videos on 2026-11-10/)
  })
})
