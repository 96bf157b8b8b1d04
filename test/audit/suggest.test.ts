// The suggested action for an account in our name that we do not run: report
// an impostor, add a declared fan or partner account as unofficial, claim one
// that looks like ours. Each case is a realistic profile, written by hand.
import { describe, expect, it } from 'vitest'
import { suggestAction, type SuggestedAction } from '../../src/audit/suggest.js'
import type { Platform } from '../../src/topics/schema.js'

const NAMES = ['Nordlys Outdoor', 'Nordlys', 'NordlysOutdoor']

interface Case {
  readonly what: string
  readonly platform: Platform
  readonly handle: string
  readonly displayName?: string
  readonly bio?: string
  readonly action: SuggestedAction
  readonly why: RegExp
}

const CASES: readonly Case[] = [
  // 1. report: it poses as us.
  { what: 'an "official" handle, even with a fan disclaimer', platform: 'instagram', handle: 'nordlys.official', displayName: 'Nordlys Official Fans', bio: 'Unofficial fan page. Deals, giveaways and gear tips!', action: 'report', why: /handle says "official"/ },
  { what: 'a support affix glued to the name', platform: 'x', handle: 'nordlysoutdoorsupport', action: 'report', why: /handle says "support"/ },
  { what: 'a "real" prefix', platform: 'tiktok', handle: 'real_nordlys', action: 'report', why: /handle says "real"/ },
  { what: 'an hq affix on Mastodon, whatever the server', platform: 'mastodon', handle: 'nordlyshq@mastodon.social', action: 'report', why: /handle says "hq"/ },
  { what: 'our exact name as handle, "Support" in the name', platform: 'bluesky', handle: 'nordlysoutdoor.bsky.social', displayName: 'Nordlys Outdoor Support', bio: 'DM us your order number and card details for a quick refund.', action: 'report', why: /name says "Support"/ },
  { what: 'a bio that asks for card details', platform: 'facebook', handle: 'nordlys.outdoor', displayName: 'Nordlys Outdoor', bio: 'Refunds in minutes: send us your card number.', action: 'report', why: /payment or login details/ },
  { what: 'a bio that claims to be the official account', platform: 'threads', handle: 'nordlys', displayName: 'Nordlys', bio: 'The official account of Nordlys Outdoor.', action: 'report', why: /claims to be our official account/ },
  // 2. add as unofficial: it says what it is.
  { what: 'a declared fan page', platform: 'instagram', handle: 'nordlys_news', displayName: 'Nordlys News (fan page)', bio: 'Unofficial fan page: new Nordlys gear spotted in the wild.', action: 'add-unofficial', why: /fan or partner/ },
  { what: 'a reseller', platform: 'facebook', handle: 'nordlys.tromso', displayName: 'Nordlys at Sport Nord', bio: 'Authorised reseller of Nordlys gear in Tromsø.', action: 'add-unofficial', why: /fan or partner/ },
  { what: 'a careers account run by a partner ("careers" is not an official-looking word)', platform: 'linkedin', handle: 'nordlys-careers', displayName: 'Jobs at Nordlys', bio: 'Posted by our recruitment partner Fjordrekruttering.', action: 'add-unofficial', why: /fan or partner/ },
  // 3. claim: it looks like ours.
  { what: 'the forgotten profile with our exact name', platform: 'facebook', handle: 'nordlys', displayName: 'Nordlys Outdoor', bio: 'Outdoor gear from Tromsø. Follow us for news and offers!', action: 'claim', why: /does not say who runs it/ },
  { what: 'a dormant news handle with no bio', platform: 'youtube', handle: 'nordlysnews', action: 'claim', why: /does not say who runs it/ },
  { what: '"unofficial" is not "official"', platform: 'x', handle: 'nordlys_jobs', displayName: 'Nordlys jobs', bio: 'Jobs in Tromsø.', action: 'claim', why: /does not say who runs it/ },
]

describe('suggestAction', () => {
  it.each(CASES)('$what → $action', (c) => {
    const suggestion = suggestAction(c, NAMES)
    expect(suggestion.action).toBe(c.action)
    expect(suggestion.why).toMatch(c.why)
  })

  it('finds the affix with a company name in another spelling (ø folded both ways)', () => {
    expect(suggestAction({ platform: 'instagram', handle: 'bjoernfjordofficial' }, ['Bjørn Fjord']).action).toBe('report')
    expect(suggestAction({ platform: 'instagram', handle: 'bjornfjord' }, ['Bjørn Fjord']).action).toBe('claim')
  })
})

// Checks of this file's own data, not of the code: the cases above reach every action.
describe('fixtures', () => {
  it('the cases cover every action', () => {
    expect(new Set(CASES.map((c) => c.action))).toEqual(new Set(['report', 'add-unofficial', 'claim']))
  })
})
