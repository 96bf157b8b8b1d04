// The score of a find as a table written by hand: each row's facts, the score
// and level they must give, and the reasons (code and weight, strongest first).
import { describe, expect, it } from 'vitest'
import { scoreFind, topReasons, type FindFacts } from '../../src/audit/evidence.js'

const context = { names: ['Nordlys Outdoor AS', 'Nordlys'], now: '2026-12-04T09:00:00.000Z' }
const ours = { bits: 3, colour: 4 } as const

interface Row {
  readonly title: string
  readonly facts: FindFacts
  readonly score: number
  readonly level: 'high' | 'medium' | 'low'
  /** code:weight, in the order shown. */
  readonly reasons: string
}

const TABLE: Row[] = [
  {
    title: 'our logo, our name, "official", 12 days old, few followers',
    facts: { displayName: 'Nordlys Outdoor', bio: 'The official account of Nordlys Outdoor', followers: 12, createdAt: '2026-11-22T08:00:00.000Z', avatar: ours },
    score: 100,
    level: 'high',
    reasons: 'avatarSame:40 nameSame:25 bioOfficial:20 ageNew:15 followersFew:0',
  },
  {
    title: 'our logo and name only, an old account',
    facts: { displayName: 'Nordlys', bio: 'Turer og utstyr', followers: 40, createdAt: '2019-03-01T00:00:00.000Z', avatar: ours },
    score: 65,
    level: 'high',
    reasons: 'avatarSame:40 nameSame:25 bioNothing:0 ageOld:0 followersFew:0',
  },
  {
    title: 'Norwegian customer service claim, name carries ours, no picture known',
    facts: { displayName: 'Nordlys Kundeservice', bio: 'Kundeservice for Nordlys. Send oss en DM!', followers: 3, createdAt: '2026-10-01T00:00:00.000Z', avatar: { unknown: 'no avatar in the answer' } },
    score: 45,
    level: 'medium',
    reasons: 'nameCarries:15 bioSupport:15 ageNew:15 avatarUnknown:0 followersFew:0',
  },
  {
    title: 'offisiell in Norwegian counts as official; the picture resembles ours',
    facts: { displayName: 'Nordlys Outdoor Norge', bio: 'Offisiell side', avatar: { bits: 12, colour: 25 } },
    score: 55,
    level: 'medium',
    reasons: 'avatarNear:20 bioOfficial:20 nameCarries:15 ageUnknown:0 followersUnknown:0',
  },
  {
    title: 'a fan page with our logo: its disclaimer takes points away',
    facts: { displayName: 'Nordlys fans', bio: 'Unofficial fan page, not affiliated', followers: 2500, avatar: ours },
    score: 45,
    level: 'medium',
    reasons: 'avatarSame:40 nameCarries:15 followersMany:10 ageUnknown:0 bioFan:-20',
  },
  {
    title: '"uoffisiell" is a disclaimer, not "offisiell"',
    facts: { displayName: 'Nordlys', bio: 'Uoffisiell side for turfolk', avatar: { bits: 30, colour: 200 } },
    score: 5,
    level: 'low',
    reasons: 'nameSame:25 avatarUnlike:0 ageUnknown:0 followersUnknown:0 bioFan:-20',
  },
  {
    title: 'same layout in other colours is not our logo',
    facts: { displayName: 'Fjellgear', bio: 'Gear for the mountains', followers: 900, createdAt: '2024-01-01T00:00:00.000Z', avatar: { bits: 2, colour: 150 } },
    score: 0,
    level: 'low',
    reasons: 'avatarUnlike:0 nameOther:0 bioNothing:0 ageOld:0 followersFew:0',
  },
  {
    title: '8 bits and 12 colour levels apart is still our logo',
    facts: { displayName: 'Nordlys', avatar: { bits: 8, colour: 12 } },
    score: 65,
    level: 'high',
    reasons: 'avatarSame:40 nameSame:25 bioUnknown:0 ageUnknown:0 followersUnknown:0',
  },
  {
    title: '13 colour levels apart only resembles our logo',
    facts: { displayName: 'Nordlys', avatar: { bits: 8, colour: 13 } },
    score: 45,
    level: 'medium',
    reasons: 'nameSame:25 avatarNear:20 bioUnknown:0 ageUnknown:0 followersUnknown:0',
  },
  {
    title: '15 bits apart is unlike ours, whatever the colour',
    facts: { displayName: 'Nordlys', avatar: { bits: 15, colour: 0 } },
    score: 25,
    level: 'low',
    reasons: 'nameSame:25 avatarUnlike:0 bioUnknown:0 ageUnknown:0 followersUnknown:0',
  },
  {
    title: 'asking for card details (nb) outweighs a fan disclaimer in the same bio',
    facts: { displayName: 'Nordlys fans', bio: 'Fanside! Send kortnummer for premien', createdAt: '2026-12-01T00:00:00.000Z' },
    score: 50,
    level: 'medium',
    reasons: 'bioAsks:20 nameCarries:15 ageNew:15 avatarUnknown:0 followersUnknown:0',
  },
  {
    title: 'nothing known: every reason is "not known", the score 0',
    facts: {},
    score: 0,
    level: 'low',
    reasons: 'avatarUnknown:0 nameUnknown:0 bioUnknown:0 ageUnknown:0 followersUnknown:0',
  },
  {
    title: 'a name in long folding (ø as oe) is still our name; many followers; 89 days is new',
    facts: { displayName: 'NORDLYS', bio: 'Customer service for orders', followers: 1000, createdAt: '2026-09-06T09:00:00.000Z' },
    score: 65,
    level: 'high',
    reasons: 'nameSame:25 bioSupport:15 ageNew:15 followersMany:10 avatarUnknown:0',
  },
  {
    title: '90 days is not new; "official" inside "unofficially" is no claim',
    facts: { displayName: 'Outdoor Nordlys', bio: 'Run unofficially by hikers', createdAt: '2026-09-05T09:00:00.000Z', avatar: { bits: 9, colour: 10 } },
    score: 35,
    level: 'medium',
    reasons: 'avatarNear:20 nameCarries:15 bioNothing:0 ageOld:0 followersUnknown:0',
  },
]

describe('scoreFind: the score table', () => {
  for (const row of TABLE) {
    it(row.title, () => {
      const evidence = scoreFind(row.facts, context)
      expect(evidence.score).toBe(row.score)
      expect(evidence.level).toBe(row.level)
      expect(evidence.reasons.map((r) => `${r.code}:${r.weight}`).join(' ')).toBe(row.reasons)
    })
  }
})

describe('the words shown', () => {
  it('says each reason as an executive reads it', () => {
    const evidence = scoreFind(TABLE[0]!.facts, context)
    expect(evidence.reasons.map((r) => r.says)).toEqual([
      'Uses our logo (avatar 95% alike)',
      'Uses our name ("Nordlys Outdoor")',
      'Calls itself official ("official")',
      'Created 12 days ago',
      '12 followers',
    ])
  })

  it('says what is not known, and why for a picture', () => {
    const evidence = scoreFind({ avatar: { unknown: 'the picture is larger than 1 MB' } }, context)
    expect(evidence.reasons.map((r) => r.says)).toEqual(['Avatar not known (the picture is larger than 1 MB)', 'Display name not known', 'Bio not known', 'Age not known', 'Followers not known'])
  })

  it('writes 1 follower, 1 day and 1,234 followers', () => {
    expect(scoreFind({ followers: 1, createdAt: '2026-12-03T08:00:00.000Z' }, context).reasons.map((r) => r.says)).toContain('1 follower')
    expect(scoreFind({ createdAt: '2026-12-03T08:00:00.000Z' }, context).reasons.map((r) => r.says)).toContain('Created 1 day ago')
    expect(scoreFind({ followers: 1234 }, context).reasons[0]!.says).toBe('1,234 followers')
  })

  it('puts only the reasons that add points on a slide, at most three', () => {
    expect(topReasons(scoreFind(TABLE[0]!.facts, context)).map((r) => r.code)).toEqual(['avatarSame', 'nameSame', 'bioOfficial'])
    expect(topReasons(scoreFind({}, context))).toEqual([])
  })
})
