// The loss-of-control segment from the latest audit: a summary of what was
// checked and what could not be, one slide per account found with its
// screenshot and a suggested action, the rest in a table, and the unofficial
// accounts of showtell.yaml watched with their latest numbers. Scraped text
// never becomes markup. Every expected title and line is written out by hand.
import { describe, expect, it } from 'vitest'
import { planAgenda } from '../../src/agenda/plan.js'
import type { AuditFinding } from '../../src/audit/run.js'
import type { StoredAudit } from '../../src/audit/store.js'
import { composeDeck, emptySegments, type DeckModel } from '../../src/deck/compose.js'
import type { LiveMaterial } from '../../src/deck/live.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates, renderMarkdown } from '../../src/deck/templates.js'
import { INJECTION } from '../../src/demo-site/nasty.js'
import { topicSchema } from '../../src/topics/schema.js'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'

const config: WorkspaceConfig = workspaceConfigSchema.parse({
  company: { name: 'Fjordvik Seafood', aliases: ['Fjordvik'] },
  accounts: [
    { id: 'fjordvik-linkedin', platform: 'linkedin', url: 'https://www.linkedin.com/company/fjordvik-seafood', label: 'Fjordvik on LinkedIn' },
    { id: 'fjordvik-jobs-x', platform: 'x', handle: 'fjordvikjobs', owner: 'unofficial', label: 'Fjordvik Jobs' },
  ],
  meeting: { weekday: 'tuesday', start: '2026-11-24' },
})

const topic = topicSchema.parse({
  id: 'crisis-drill',
  title: 'Crisis readiness',
  summary: 'Be ready.',
  why: ['Trouble ignores office hours.'],
  keyPoints: [{ title: 'Name the worst cases', detail: 'A list turns fear into plans.', notes: 'Talk track.' }],
  demo: { focus: 'Our accounts now', platforms: ['x'], lookFor: ['Last post'] },
  exercise: { title: 'Write a holding statement', steps: ['Write it.'] },
  questions: ['Who speaks for us?'],
})

const found = (finding: Partial<AuditFinding> & Pick<AuditFinding, 'platform' | 'handle'>): AuditFinding => ({ result: 'exists-unlisted', ...finding })
const unknown = (platform: AuditFinding['platform'], handle: string, reason: string): AuditFinding => ({ platform, handle, result: 'unknown', reason })

const AUDIT: StoredAudit = {
  ranAt: '2026-11-21T14:02:11.512Z',
  generated: 80,
  candidates: 300,
  checked: 250,
  platforms: ['bluesky', 'mastodon', 'youtube', 'linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'x'],
  budget: 250,
  findings: [
    // Small but claims to be us: reported first all the same.
    found({ platform: 'x', handle: 'fjordvikfans', displayName: 'Fjordvik fans', bio: 'Unofficial fan account.', followers: 40, url: 'https://x.com/fjordvikfans' }),
    found({ platform: 'facebook', handle: 'fjordvik', displayName: 'Fjordvik Seafood', followers: 987, url: 'https://www.facebook.com/fjordvik', capturedAt: '2026-11-21T14:03:00.000Z', screenshotNote: 'blocked: login wall' }),
    found({
      platform: 'instagram',
      handle: 'fjordvik.official',
      displayName: 'Fjordvik Official',
      followers: 1020,
      url: 'https://www.instagram.com/fjordvik.official/',
      profileUrl: 'https://www.instagram.com/fjordvik.official/',
      screenshot: 'audit/instagram-fjordvik-official.png',
      capturedAt: '2026-11-21T14:03:05.000Z',
    }),
    // Listed in showtell.yaml since the audit ran: watched, not new.
    found({ platform: 'x', handle: 'fjordvikjobs', displayName: 'Fjordvik Jobs', followers: 75 }),
    { platform: 'linkedin', handle: 'fjordvik-seafood', result: 'official', account: 'fjordvik-linkedin' },
    unknown('x', 'fjordvik', 'login wall'),
    unknown('x', 'fjordvik_hq', 'login wall'),
    unknown('x', 'fjordvik_help', 'rate limited (429)'),
    unknown('tiktok', 'fjordvik', 'bot challenge (Cloudflare)'),
    unknown('threads', 'fjordvik.hq', 'not checked: the request budget of 250 was spent'),
    unknown('threads', 'fjordvik.help', 'not checked: the request budget of 250 was spent'),
    { platform: 'bluesky', handle: 'fjordvik.bsky.social', result: 'absent', reason: 'answered 400' },
  ],
}

function deckWith(live: LiveMaterial, cfg: WorkspaceConfig = config): DeckModel {
  const plan = planAgenda({ duration: 45, empty: emptySegments(cfg, topic, live, '2026-11-24') })
  return composeDeck({ config: cfg, topic, date: '2026-11-24', plan, live })
}

const segment = (deck: DeckModel) => deck.slides.filter((s) => s.segment === 'loss-of-control')

describe('the loss-of-control segment with an audit', () => {
  const slides = segment(deckWith({ history: [], audit: AUDIT }))

  it('says in its lead and its notes that a find under an unguessable handle came from a name search', () => {
    const byName = found({ platform: 'bluesky', handle: 'deals-4u.bsky.social', displayName: 'Fjordvik Seafood', followers: 58, foundBy: 'name-search', url: 'https://bsky.app/profile/deals-4u.bsky.social' })
    const slides = segment(deckWith({ history: [], audit: { ...AUDIT, findings: [byName, ...AUDIT.findings] } }))
    const slide = slides.find((s) => s.kind === 'finding' && s.title.replace(/[\u200b\u00ad]/g, '').includes('deals-4u'))!
    expect(slide.lead).toMatch(/ Found by a name search, not by its handle\.$/)
    expect(slide.notes).toContain('Found by a name search on Bluesky: its handle does not carry our name; its display name does (Fjordvik Seafood).')
    // A find by handle says nothing of the kind.
    expect(slides.find((s) => s.kind === 'finding' && s.title.replace(/[\u200b\u00ad]/g, '').includes('fjordvik.official'))!.lead).not.toMatch(/name search/)
  })

  it("counts the handles asked about, not the controls' and searches' requests, when the report has them", () => {
    const [opening] = segment(deckWith({ history: [], audit: { ...AUDIT, checked: 274, handlesChecked: 250 } }))
    expect(opening!.lead).toBe('We checked 250 possible handles on 9 platforms, 2026-11-21 14:02 UTC.')
  })

  it('opens with what was checked, when, what was found and what could not be checked', () => {
    expect(slides[0]).toMatchObject({
      kind: 'bullets',
      title: '3 accounts carry our name but are not run by us',
      lead: 'We checked 250 possible handles on 9 platforms, 2026-11-21 14:02 UTC.',
      bullets: [
        'Found: 1 to report, 1 to claim, 1 to add as unofficial',
        'Recognised the 1 account we already list',
        '1 unofficial account we already watch',
        'Could not check X, TikTok: see the notes',
        '2 handles left unchecked: the request budget ran out',
      ],
    })
    // No room for a bullet per platform on the slide; the notes give every platform's reason.
    const notes = slides[0]!.notes.join('\n')
    expect(notes).toContain('X could not be checked for 2 handles: login wall.')
    expect(notes).toContain('X could not be checked for 1 handle: rate limited (429).')
    expect(notes).toContain('TikTok could not be checked for 1 handle: bot challenge (Cloudflare).')
    expect(slides[0]!.bullets!.length).toBeLessThanOrEqual(5)
  })

  it('with room, names each platform it could not check with the reason', () => {
    const fewer = { ...AUDIT, findings: AUDIT.findings.filter((f) => !(f.reason ?? '').startsWith('not checked')) }
    const bare = workspaceConfigSchema.parse({ ...config, accounts: config.accounts.filter((a) => a.owner !== 'unofficial') })
    const summary = segment(deckWith({ history: [], audit: fewer }, bare))[0]!
    expect(summary.bullets!.slice(-2)).toEqual(['Could not check X: login wall', 'Could not check TikTok: bot challenge (Cloudflare)'])
  })

  it('then one slide per account found, the impostor first, each with its evidence and a suggested action', () => {
    const finds = slides.filter((s) => s.kind === 'finding')
    expect(finds.map((s) => s.title.replace(/\u200b/g, ''))).toEqual([
      '@fjordvik.official poses as us on Instagram',
      'fjordvik on Facebook looks like ours',
      '@fjordvikfans on X is a fan or partner account',
    ])
    expect(finds.map((s) => s.callout)).toEqual([
      'Report it to the platform as impersonation',
      'Claim it: find who made it and take it over',
      'Add it to showtell.yaml as owner: unofficial',
    ])
    const [impostor, forgotten] = finds
    expect(impostor).toMatchObject({ kicker: 'Loss of control · Instagram', image: 'audit/instagram-fjordvik-official.png', caption: 'Screenshot 2026-11-21 14:03 UTC', lead: 'Its handle says "official": people will take it for us.' })
    expect(impostor!.bullets!.map((b) => b.replace(/\u200b/g, ''))).toEqual(['Calls itself “Fjordvik Official”', '1,020 followers', 'www.instagram.com/fjordvik.official/'])
    // No screenshot: no picture, and the caption says why instead of showing a wall as evidence.
    expect(forgotten!.image).toBeUndefined()
    expect(forgotten!.caption).toBe('No screenshot: blocked: login wall')
    expect(forgotten!.notes.join('\n')).toContain('Open it live: https://www.facebook.com/fjordvik')
  })

  it('ends with the unofficial accounts we watch; one the audit found since listed is not new', () => {
    const last = slides.at(-1)!
    expect(last).toMatchObject({ kind: 'table', title: 'We watch 1 unofficial account that carries our name' })
    expect(last.table!.rows).toEqual([['Fjordvik Jobs (X)', 'not measured yet: run showtell snapshot']])
    expect(slides.filter((s) => s.kind === 'finding').some((s) => s.title.includes('fjordvikjobs'))).toBe(false)
  })

  it('fills the segment even with no unofficial account listed', () => {
    const bare = workspaceConfigSchema.parse({ ...config, accounts: config.accounts.filter((a) => a.owner !== 'unofficial') })
    expect(emptySegments(bare, topic, { history: [], audit: AUDIT }, '2026-11-24').has('loss-of-control')).toBe(false)
    expect(emptySegments(bare, topic, { history: [] }, '2026-11-24').has('loss-of-control')).toBe(true)
  })

  it('an audit that found nothing says so, and where it could not look', () => {
    const quiet = { ...AUDIT, findings: AUDIT.findings.filter((f) => f.result !== 'exists-unlisted') }
    expect(segment(deckWith({ history: [], audit: quiet }))[0]!.title).toBe('No unknown account carries our name where we could look')
  })
})

describe('many finds', () => {
  it('show four slides of their own and the rest in a table', () => {
    const many = Array.from({ length: 7 }, (_, i) => found({ platform: 'instagram', handle: `fjordvik.shop${i}`, displayName: `Fjordvik shop ${i}`, followers: 100 * (i + 1) }))
    const slides = segment(deckWith({ history: [], audit: { ...AUDIT, findings: many } }))
    const finds = slides.filter((s) => s.kind === 'finding')
    expect(finds).toHaveLength(4)
    // The most followed first, within one suggested action.
    expect(finds.map((s) => s.title.replace(/\u200b/g, '').split(' ')[0])).toEqual(['@fjordvik.shop6', '@fjordvik.shop5', '@fjordvik.shop4', '@fjordvik.shop3'])
    const rest = slides.find((s) => s.title === '3 more accounts in our name')!
    expect(rest.table!.rows).toEqual([
      ['@fjordvik.shop2 (Instagram)', 'Claim it'],
      ['@fjordvik.shop1 (Instagram)', 'Claim it'],
      ['@fjordvik.shop0 (Instagram)', 'Claim it'],
    ])
  })
})

describe('unofficial accounts are watched, not counted as ours', () => {
  it('their numbers go to the loss-of-control segment, not to here-and-now', () => {
    const ok = (account: string, platform: 'x' | 'linkedin', value: number) => ({
      account,
      platform,
      label: account,
      url: 'https://example.test/',
      status: 'ok' as const,
      screenshot: `${account}.png`,
      metrics: { followers: { value, source: 'meta' as const } },
      capturedAt: '2026-11-24T08:00:00.000Z',
      durationMs: 100,
    })
    const history = [{ date: '2026-11-17', capturedAt: '2026-11-17T08:00:00.000Z', account: 'fjordvik-jobs-x', platform: 'x', status: 'ok' as const, metrics: { followers: { value: 70, source: 'meta' as const } } }]
    const deck = deckWith({ results: [ok('fjordvik-linkedin', 'linkedin', 5000), ok('fjordvik-jobs-x', 'x', 75)], history, audit: AUDIT })
    const hereAndNow = deck.slides.filter((s) => s.segment === 'here-and-now')
    const overview = hereAndNow.find((s) => s.kind === 'overview')!
    expect(overview.title).toBe('All 1 of our accounts are live right now')
    expect(overview.tiles!.map((t) => t.name)).toEqual(['Fjordvik on LinkedIn'])
    expect(hereAndNow.filter((s) => s.kind === 'account').map((s) => s.title)).toEqual(['LinkedIn: 5,000 followers'])
    expect(segment(deck).at(-1)!.table!.rows).toEqual([['Fjordvik Jobs (X)', '75 followers, ▲ 5 since 2026-11-17']])
  })
})

describe('scraped text on finding slides', () => {
  it('never becomes Markdown, HTML, a link or a directive', async () => {
    const hostile = found({ platform: 'instagram', handle: 'fjordvik.official', displayName: INJECTION, bio: INJECTION, url: 'javascript:alert(1)//https://evil.example/', followers: 5 })
    const deck = deckWith({ history: [], audit: { ...AUDIT, findings: [hostile] } })
    const templates = await loadTemplates()
    const markdown = renderMarkdown(deck, templates)
    const { html, slideCount } = renderSlides(markdown, templates)
    expect(slideCount).toBe(deck.slides.length)
    expect(html).not.toMatch(/class="[^"]*pwned/)
    expect(html).not.toContain('<strong>Hacked')
    expect(html).not.toContain('href="http://evil.example"')
    expect(html).not.toMatch(/<img[^>]*onerror/)
    expect(html).not.toMatch(/href="javascript:/)
    // It is there as text.
    expect(html).toContain('**Hacked**')
  })
})
