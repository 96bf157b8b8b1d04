// What the deck, the suggested action and the stored report make of a find's
// evidence: the find slide shows the score and the top reasons in the deck's
// language (en, nb), the notes every reason; the action takes the score into
// account; a report with evidence reads back, one without it still reads.
// Every expected line is written out by hand.
import { describe, expect, it } from 'vitest'
import { storedAuditSchema } from '../../src/audit/store-schema.js'
import type { StoredAudit } from '../../src/audit/store.js'
import { suggestAction } from '../../src/audit/suggest.js'
import type { AuditFinding, Evidence } from '../../src/audit/types.js'
import { english, langFor } from '../../src/deck/lang.js'
import { lossOfControlSlides } from '../../src/deck/loss-of-control.js'
import { workspaceConfigSchema } from '../../src/workspace/schema.js'

const STRONG: Evidence = {
  score: 100,
  level: 'high',
  reasons: [
    { kind: 'avatar', weight: 40, code: 'avatarSame', says: 'Uses our logo (avatar 94% alike)', values: { percent: 94 } },
    { kind: 'name', weight: 25, code: 'nameSame', says: 'Uses our name ("Nordlys Outdoor")', values: { name: 'Nordlys Outdoor' } },
    { kind: 'bio', weight: 20, code: 'bioOfficial', says: 'Calls itself official ("Offisiell")', values: { word: 'Offisiell' } },
    { kind: 'age', weight: 15, code: 'ageNew', says: 'Created 12 days ago', values: { days: 12 } },
    { kind: 'followers', weight: 0, code: 'followersFew', says: '12 followers', values: { followers: 12 } },
  ],
}

const WEAK: Evidence = {
  score: 15,
  level: 'low',
  reasons: [
    { kind: 'age', weight: 15, code: 'ageNew', says: 'Created 1 day ago', values: { days: 1 } },
    { kind: 'avatar', weight: 0, code: 'avatarUnknown', says: 'Avatar not known (its profile shows no picture)', values: { why: 'its profile shows no picture' } },
    { kind: 'name', weight: 0, code: 'nameOther', says: 'Its name is not ours ("Turer i nord")', values: { name: 'Turer i nord' } },
    { kind: 'bio', weight: 0, code: 'bioNothing', says: 'Its bio claims nothing' },
    { kind: 'followers', weight: 0, code: 'followersUnknown', says: 'Followers not known' },
  ],
}

const IMPOSTOR: AuditFinding = {
  platform: 'bluesky',
  handle: 'nordlysnorge.bsky.social',
  result: 'exists-unlisted',
  url: 'http://127.0.0.1:4321/bsky/xrpc/app.bsky.actor.getProfile?actor=nordlysnorge.bsky.social',
  profileUrl: 'http://127.0.0.1:4321/bsky/profile/nordlysnorge.bsky.social',
  displayName: 'Nordlys Outdoor',
  bio: 'Offisiell konto. Send oss en DM.',
  followers: 12,
  evidence: STRONG,
}

const HIKERS: AuditFinding = {
  platform: 'instagram',
  handle: 'nordlysturer',
  result: 'exists-unlisted',
  url: 'http://127.0.0.1:4321/instagram/nordlysturer/',
  displayName: 'Turer i nord',
  bio: 'Bilder fra fjellet',
  evidence: WEAK,
}

/** A find from before the evidence: no `evidence` at all. */
const OLDER: AuditFinding = { platform: 'facebook', handle: 'nordlys', result: 'exists-unlisted', url: 'http://127.0.0.1:4321/facebook/nordlys/', displayName: 'Nordlys', followers: 1012 }

const AUDIT: StoredAudit = {
  ranAt: '2026-12-04T09:12:00.000Z',
  generated: 93,
  candidates: 120,
  checked: 80,
  platforms: ['bluesky', 'facebook', 'instagram'],
  budget: 400,
  findings: [HIKERS, OLDER, IMPOSTOR],
}

const config = workspaceConfigSchema.parse({ company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] }, meeting: { weekday: 'tuesday', start: '2026-11-24' } })
const slides = (lang = english()) => lossOfControlSlides({ config, audit: AUDIT, history: [], date: '2026-12-08', kicker: 'Loss of control', lang })
/** The slide's text without the zero-width spaces that let addresses wrap. */
const plain = (text: string | undefined) => text?.replace(/\u200b/g, '')

describe('the find slide shows the evidence', () => {
  it('in English: the score and the top three reasons, strongest first; the report comes first', () => {
    const [, impostor, older, hikers] = slides()
    expect(plain(impostor!.title)).toBe('@nordlysnorge.bsky.social poses as us on Bluesky')
    expect(impostor!.lead).toBe('It looks like us and its bio says it is us.')
    expect(impostor!.bullets).toEqual(['Evidence: strong, 100 of 100', 'Uses our logo (avatar 94% alike)', 'Uses our name', 'Calls itself official'])
    expect(impostor!.notes).toContain(
      'Evidence that it looks like us, 100 of 100 (strong): Uses our logo (avatar 94% alike) (+40); Uses our name (+25); Calls itself official (+20); Created 12 days ago (+15); 12 followers (0). What a source does not give is said as not known, never guessed.',
    )
    // Little evidence: watch it, with a title that claims nothing about it.
    expect(plain(hikers!.title)).toBe('@nordlysturer on Instagram carries our name, little else')
    expect(hikers!.lead).toBe('Little but the name makes it look like us: watch it.')
    expect(hikers!.bullets!.map(plain)).toEqual(['Evidence: weak, 15 of 100', 'Created 1 day ago', '127.0.0.1:4321/instagram/nordlysturer/'])
    // A find from before the evidence is shown as before.
    expect(older!.bullets!.map(plain)).toEqual(['Calls itself “Nordlys”', '1,012 followers', '127.0.0.1:4321/facebook/nordlys/'])
  })

  it('in Norwegian', () => {
    const [, impostor, , hikers] = slides(langFor('nb'))
    expect(impostor!.lead).toBe('Den ligner oss, og bioen sier at den er oss.')
    expect(impostor!.bullets).toEqual(['Bevis: sterke, 100 av 100', 'Bruker logoen vår (profilbildet 94 % likt)', 'Bruker navnet vårt', 'Kaller seg offisiell'])
    expect(impostor!.notes).toContain(
      'Bevis for at den ligner oss, 100 av 100 (sterke): Bruker logoen vår (profilbildet 94 % likt) (+40); Bruker navnet vårt (+25); Kaller seg offisiell (+20); Opprettet for 12 dager siden (+15); 12 følgere (0). Det en kilde ikke oppgir, står som ukjent, aldri gjettet.',
    )
    expect(plain(hikers!.title)).toBe('@nordlysturer på Instagram bærer navnet vårt, lite annet')
    expect(hikers!.bullets!.map(plain)).toEqual(['Bevis: svake, 15 av 100', 'Opprettet for 1 dag siden', '127.0.0.1:4321/instagram/nordlysturer/'])
  })

  it('keeps the words the audit wrote for a reason code it does not know', () => {
    const future: Evidence = { score: 30, level: 'medium', reasons: [{ kind: 'name', weight: 30, code: 'nameTranslated', says: 'Uses our name translated' }] }
    const audit = { ...AUDIT, findings: [{ ...OLDER, evidence: future }] }
    const [, slide] = lossOfControlSlides({ config, audit, history: [], date: '2026-12-08', kicker: 'Loss of control', lang: langFor('nb') })
    expect(slide!.bullets![1]).toBe('Uses our name translated')
  })
})

describe('the suggested action takes the score into account', () => {
  const names = ['Nordlys Outdoor', 'Nordlys']
  it('reports a high score whose bio claims to be us in words the bio rule does not know', () => {
    expect(suggestAction(IMPOSTOR, names)).toMatchObject({ action: 'report', rule: 'evidence-claims' })
  })
  it('keeps claim for a high score without a claim: it may be a forgotten account of ours', () => {
    const evidence: Evidence = { ...STRONG, reasons: STRONG.reasons.map((r) => (r.kind === 'bio' ? { kind: 'bio', weight: 0, code: 'bioNothing', says: 'Its bio claims nothing' } : r)) }
    expect(suggestAction({ ...IMPOSTOR, bio: 'Turer og utstyr', evidence }, names)).toMatchObject({ action: 'claim', rule: 'unclaimed' })
  })
  it('watches a low score (adds it as unofficial)', () => {
    expect(suggestAction(HIKERS, names)).toMatchObject({ action: 'add-unofficial', rule: 'evidence-low' })
  })
  it('without evidence, as before', () => {
    expect(suggestAction({ ...HIKERS, evidence: undefined }, names)).toMatchObject({ action: 'claim', rule: 'unclaimed' })
    expect(suggestAction({ ...IMPOSTOR, evidence: undefined }, names)).toMatchObject({ action: 'claim', rule: 'unclaimed' })
  })
  it('an "official" handle is reported whatever the score', () => {
    expect(suggestAction({ ...HIKERS, handle: 'nordlys_official' }, names)).toMatchObject({ action: 'report', rule: 'handle' })
  })
})

describe('the stored report', () => {
  it('reads evidence back as written, and a report without it still reads', () => {
    const parsed = storedAuditSchema.parse(JSON.parse(JSON.stringify(AUDIT)))
    expect(parsed.findings.find((f) => f.handle === 'nordlysnorge.bsky.social')!.evidence).toEqual(STRONG)
    expect(parsed.findings.find((f) => f.handle === 'nordlys')!.evidence).toBeUndefined()
  })
  it('names a bad level', () => {
    const bad = JSON.parse(JSON.stringify(AUDIT))
    bad.findings[2].evidence.level = 'certain'
    const result = storedAuditSchema.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual(['findings', 2, 'evidence', 'level'])
  })
})
