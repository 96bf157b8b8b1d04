// The here-and-now, the account slides, the accounts not read and the ROI
// slides in Norwegian (deck.language: nb): the catalogue's `live` and
// `platforms` words, Norwegian numbers (no-break space between thousands),
// Norwegian dates, and none of the English fixed words. Every expected text
// is written out by hand; \u00a0 is the no-break space Intl puts in "12 345"
// and "11,1 %".
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hereAndNow } from '../../src/deck/here-and-now.js'
import { english, langFor, languages, type Words } from '../../src/deck/lang.js'
import { accountSlide, problemWords, roiSlides, unreadSlide, type LiveMaterial, type Shown } from '../../src/deck/live.js'
import type { Slide } from '../../src/deck/slide.js'
import { ADAPTERS, PLATFORMS } from '../../src/platforms/index.js'
import { fixFor } from '../../src/snapshot/fix.js'
import { engagementWords, headlineOf, headlineWords } from '../../src/snapshot/headline.js'
import type { HistoryEntry } from '../../src/snapshot/history.js'
import type { SnapshotResult } from '../../src/snapshot/types.js'

const nb = langFor('nb')
const DATE = '2026-11-24'
const LAST = '2026-11-17'
const NBSP = '\u00a0'

function result(account: string, platform: SnapshotResult['platform'], metrics: SnapshotResult['metrics'], status: SnapshotResult['status'] = 'ok'): SnapshotResult {
  return {
    account,
    platform,
    label: account,
    url: 'https://example.test/',
    status,
    reason: status === 'ok' ? undefined : 'bot challenge',
    screenshot: status === 'ok' ? `${account}.png` : undefined,
    metrics,
    capturedAt: `${DATE}T08:05:00.000Z`,
    durationMs: 1,
  }
}

function entry(account: string, platform: string, date: string, metrics: HistoryEntry['metrics']): HistoryEntry {
  return { date, capturedAt: `${date}T08:00:00Z`, account, platform, status: 'ok', metrics }
}

const LABELS: Record<string, string> = { a: 'Nordlys på Bluesky', y: 'Nordlys-kanalen', f: 'Nordlys-siden', g: 'Nordlys i nord' }
const label = (id: string) => LABELS[id] ?? id

const history: HistoryEntry[] = [
  entry('a', 'bluesky', LAST, { followers: { value: 11_111, source: 'api' } }),
  entry('g', 'bluesky', LAST, { followers: { value: 900, source: 'api' } }),
  entry('y', 'youtube', LAST, { followers: { value: 1, source: 'api' } }),
]
const live: LiveMaterial = {
  history,
  results: [
    result('a', 'bluesky', {
      followers: { value: 12_345, source: 'api' },
      postsPerMonth: { value: 3, source: 'api' },
      interactionsPerPost: { value: 1, source: 'api' },
    }),
    result('y', 'youtube', { followers: { value: 1, source: 'api' }, posts: { value: 140, source: 'api' }, lastPostAt: { value: '2026-11-20T10:00:00Z', source: 'feed' } }),
    result('f', 'facebook', { likes: { value: 4200, source: 'page-text' } }),
    result('g', 'bluesky', {}, 'blocked'),
  ],
}

/** Every text a reader or presenter sees on these slides (not the image paths). */
function texts(slides: readonly Slide[]): string {
  return slides
    .flatMap((s) => [
      s.kicker,
      s.title,
      s.figure,
      s.change,
      s.caption,
      s.bookmark,
      ...(s.bullets ?? []),
      ...(s.table ? [...s.table.header, ...s.table.rows.flat()] : []),
      ...(s.tiles ?? []).flatMap((t) => [t.name, t.figure, t.change, t.status]),
      ...s.notes,
    ])
    .filter((t): t is string => typeof t === 'string')
    .join('\n')
}

/** English fixed words of the here-and-now and the account slides that a Norwegian deck must not carry. */
const ENGLISH = [
  'followers',
  'follower',
  'subscriber',
  'subscribers',
  'videos',
  'posts',
  'since',
  'Appendix',
  'Spotlight',
  'not read today',
  'accounts',
  'account',
  'live',
  'Live now',
  'Last post',
  'last good',
  'Snapshot',
  'captured',
  'entered by hand',
  'Fix',
  'blocked',
  'first measurement',
  'no change',
  'Page likes',
  'interactions',
  'per post',
  'days old',
  'today',
  'from the',
  'Note',
  'grew',
  'What changed',
  'meetings',
]

function englishIn(text: string): string[] {
  // The English allowed: a snapshot's reason, quoted and marked as English in the notes, and a command ("followers=N" is showtell record's syntax).
  const withoutReason = text.replaceAll('«bot challenge» (teknisk melding, på engelsk)', '').replace(/showtell record \S+ followers=N/g, '')
  return ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(withoutReason))
}

describe('the here-and-now in Norwegian', () => {
  const part = hereAndNow({ live, date: DATE, kicker: 'Her og nå', accountLabel: label, minutes: 6, lang: nb })
  const all = [...part.slides, ...part.appendix]

  it('the overview: Norwegian title, numbers, changes and status words', () => {
    const overview = part.slides.find((s) => s.kind === 'overview')!
    expect(overview.title).toBe('3 av våre 4 kontoer svarte; 1 svarte ikke')
    expect(overview.tiles).toEqual([
      { name: 'Nordlys på Bluesky', image: 'snapshots/a.png', figure: `12${NBSP}345 følgere`, change: `▲ 1${NBSP}234`, status: 'lest i dag' },
      { name: 'Nordlys-kanalen (YouTube)', image: 'snapshots/y.png', figure: '1 abonnent', change: 'uendret', status: 'lest i dag' },
      { name: 'Nordlys-siden (Facebook)', image: 'snapshots/f.png', figure: `4${NBSP}200 liker siden`, change: 'første måling', status: 'lest i dag' },
      { name: 'Nordlys i nord (Bluesky)', image: undefined, figure: 'ikke lest i dag', change: '', status: 'blokkert' },
    ])
    expect(overview.notes[0]).toBe('Dette er tall hentet direkte til dette møtet, ikke tall fra forrige kvartal. Åpne gjerne en konto i nettleseren og vis den på ordentlig.')
  })

  it('a spotlight: Norwegian kicker with a Norwegian percent, change since a Norwegian date', () => {
    const spot = part.slides.find((s) => s.kind === 'account')!
    expect(spot.kicker).toBe(`I søkelyset · +11,1${NBSP}%`)
    expect(spot.title).toBe(`Bluesky: 12${NBSP}345 følgere`)
    expect(spot.figure).toBe(`12${NBSP}345`)
    expect(spot.change).toBe(`▲ 1${NBSP}234 siden 17. november`)
    expect(spot.notes[0]).toBe(`Hvorfor denne kontoen er i søkelyset: følgere opp 11,1${NBSP}% siden 17. november.`)
    expect(spot.bullets).toEqual(['3 innlegg på 30 dager · median 1 interaksjon per innlegg'])
    expect(spot.caption).toBe('Hentet 24. november 2026 kl. 08:05 UTC · fra plattformens åpne API')
  })

  it('the accounts not read: the kind of problem on the slide, the last good value with its Norwegian age, a Norwegian fix whose commands stay commands', () => {
    const unread = part.slides.find((s) => s.kind === 'table')!
    expect(unread.title).toBe('1 konto kunne ikke leses i dag')
    expect(unread.table!.header).toEqual(['Konto: hvorfor', 'Hva vi vet, og løsningen'])
    expect(unread.table!.rows).toEqual([
      [
        'Nordlys i nord: robotsjekk',
        'Siste gode tall: 900 følgere per 17. november (7 dager gammelt). Løsning: logg inn én gang med showtell login bluesky, eller legg inn dagens tall fra plattformens egen statistikk: showtell record g followers=N.',
      ],
    ])
    // The reason is English free text from the snapshot: only in the notes, marked as such.
    expect(unread.notes).toContain('Nordlys i nord: blokkert, «bot challenge» (teknisk melding, på engelsk).')
  })

  it('the appendix: Norwegian kicker, bookmark and platform words (one subscriber, videos, the last post on a Norwegian date)', () => {
    expect(part.appendix.map((s) => s.bookmark)).toEqual(['Nordlys på Bluesky', 'Nordlys-kanalen', 'Nordlys-siden', '1 konto ikke lest i dag'])
    const youtube = part.appendix.find((s) => s.bookmark === 'Nordlys-kanalen')!
    expect(youtube.kicker).toBe('Vedlegg · Nordlys-kanalen')
    expect(youtube.title).toBe('YouTube: 1 abonnent')
    expect(youtube.change).toBe('uendret siden 17. november')
    expect(youtube.bullets).toEqual(['140 videoer', 'Siste innlegg 20. november'])
    const facebook = part.appendix.find((s) => s.bookmark === 'Nordlys-siden')!
    expect(facebook.title).toBe(`Facebook: 4${NBSP}200 liker siden`)
    expect(facebook.notes).toContain('Facebook ga ikke antall følgere for denne kontoen: tallet er «liker siden», ikke følgere.')
    expect(facebook.caption).toBe('Hentet 24. november 2026 kl. 08:05 UTC · fra teksten på siden')
  })

  it('carries none of the English fixed words, and no ISO dates', () => {
    const text = texts(all)
    expect(englishIn(text)).toEqual([])
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    // A date that ends a sentence must not leave two full stops ("17. nov..").
    expect(text).not.toMatch(/\.\./)
  })

  it('the same slides in English stay English (the check above can fail)', () => {
    const en = hereAndNow({ live, date: DATE, kicker: 'Here and now', accountLabel: label, minutes: 6 })
    expect(englishIn(texts([...en.slides, ...en.appendix]))).toEqual(expect.arrayContaining(['followers', 'since', 'Appendix', 'Spotlight', 'not read today']))
  })
})

describe('a single account slide and the unread table, called directly with nb', () => {
  it('a figure entered by hand, for a day of last year: the year is shown', () => {
    const shown: Shown = {
      ...result('a', 'bluesky', {}),
      screenshot: undefined,
      metrics: { followers: { value: 2000, source: 'manual', note: 'fra Bluesky-appen', enteredOn: '2025-12-30' } },
      today: { status: 'timeout' },
    }
    const slide = accountSlide(shown, [], DATE, 'Her og nå', 'Nordlys på Bluesky', nb)
    expect(slide.caption).toBe('Hentet 24. november 2026 kl. 08:05 UTC: svarte ikke · lagt inn manuelt 30. desember 2025 · fra Bluesky-appen')
    expect(slide.notes[0]).toBe(`Nordlys på Bluesky: 2${NBSP}000 følgere (første måling), lagt inn manuelt for 30. desember 2025 (fra Bluesky-appen).`)
    expect(slide.notes[1]).toBe('Dagens henting: svarte ikke.')
  })

  it('an account never read before: "Ingen gode tall registrert ennå", and the not-found fix', () => {
    const slide = unreadSlide([{ ...result('x', 'bluesky', {}, 'not-found'), reason: 'page not found (404)' }], [], DATE, 'Her og nå', label, nb)
    expect(slide.table!.rows).toEqual([['x: siden finnes ikke (404)', 'Ingen gode tall registrert ennå. Løsning: sjekk kontoens url eller brukernavn i showtell.yaml.']])
  })
})

describe('why an account was not read, on a Norwegian slide', () => {
  const why = (reason: string | undefined, status = 'blocked') => problemWords({ status, reason }, nb)

  it("the kind of problem, when showtell wrote the reason, with a name or a code kept", () => {
    expect(why('bot challenge (Cloudflare)')).toBe('robotsjekk (Cloudflare)')
    expect(why('bot block (LinkedIn 999)')).toBe('blokkert som robot (LinkedIn 999)')
    expect(why('rate limited (429)')).toBe('for mange forespørsler (429)')
    expect(why('login wall')).toBe('innloggingsvegg')
    expect(why('page not found (410)', 'not-found')).toBe('siden finnes ikke (410)')
  })

  it('an English detail is dropped; a reason showtell did not write gives the status word', () => {
    expect(why('page not found (answered 200)', 'not-found')).toBe('siden finnes ikke')
    expect(why('YouTube Data API v3 failed: quota exceeded', 'error')).toBe('feilet')
    expect(why('login wallpaper')).toBe('blokkert')
    expect(why(undefined, 'timeout')).toBe('svarte ikke')
  })

  it('English keeps the reason as written', () => {
    expect(problemWords({ status: 'blocked', reason: 'bot challenge (Cloudflare)' })).toBe('bot challenge (Cloudflare)')
  })
})

describe('the ROI slides in Norwegian', () => {
  const roiLive: LiveMaterial = {
    history: [
      entry('a', 'bluesky', '2026-11-03', { followers: { value: 10_000, source: 'api' }, interactionsPerPost: { value: 4, source: 'api' } }),
      entry('a', 'bluesky', LAST, { followers: { value: 10_500, source: 'api' } }),
    ],
    results: [result('a', 'bluesky', { followers: { value: 11_000, source: 'api' }, interactionsPerPost: { value: 9, source: 'api' }, postsPerMonth: { value: 1, source: 'api' } })],
  }
  const slides = roiSlides(roiLive, DATE, 'ROI', label, undefined, nb)

  it('the followers chart, the table of changes and the engagement table, in Norwegian', () => {
    expect(slides.map((s) => s.title)).toEqual(['Følgerne økte 10,0\u00a0% over 3 møter', 'Hva som endret seg, konto for konto', 'Engasjement: interaksjoner per innlegg'])
    expect(slides[0]!.chart!.points.map((p) => p.label)).toEqual(['3. nov.', '17. nov.', '24. nov.'])
    expect(slides[0]!.caption).toBe('Følgere totalt for 1 konto målt på hvert møte siden 3. november')
    expect(slides[0]!.notes[0]).toBe(`For 1 konto, fra 10${NBSP}000 per 3. november til 11${NBSP}000 per 24. november.`)
    expect(slides[1]!.table).toEqual({ header: ['Konto', 'Siden 3. november'], rows: [['Nordlys på Bluesky', `11${NBSP}000 (▲ 1${NBSP}000 siden 3. november)`]] })
    expect(slides[2]!.table!.rows).toEqual([['Nordlys på Bluesky', '9 (▲ 5 siden 3. november); 1 innlegg på 30 dager']])
    expect(slides[2]!.notes[1]).toBe('Nordlys på Bluesky: 9 interaksjoner per innlegg per 24. november, mot 4 interaksjoner per innlegg per 3. november; 1 innlegg på 30 dager.')
    expect(englishIn(texts(slides))).toEqual([])
  })
})

describe('the headline and the fix, without a language: the terminal stays English', () => {
  it('headline, engagement and fix words are the English ones', () => {
    const h = headlineOf({ account: 'y', platform: 'youtube', status: 'ok', metrics: { followers: { value: 1, source: 'api' } } }, [], DATE)
    expect(headlineWords(h)).toBe('1 subscriber')
    expect(engagementWords({ postsPerMonth: { value: 1, source: 'api' }, interactionsPerPost: { value: 1400, source: 'api' } })).toBe('1 post in 30 days · median 1,400 interactions per post')
    expect(fixFor({ account: 'g', platform: 'bluesky', status: 'blocked' })).toBe(
      "sign in once with showtell login bluesky, or enter today's figure from the platform's own analytics: showtell record g followers=N.",
    )
  })
})

describe('the platforms section of the catalogues', () => {
  const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8')) as Words

  it("English's words are the adapters' words (name, and the plural of followers, posts and likes)", () => {
    for (const id of PLATFORMS) {
      const words = en.platforms[id]
      expect(words, id).toBeDefined()
      expect(words.name, id).toBe(ADAPTERS[id].name)
      expect(words.followers.other, id).toBe(ADAPTERS[id].words.followers)
      expect(words.posts.other, id).toBe(ADAPTERS[id].words.posts)
      expect(words.likes.other, id).toBe(ADAPTERS[id].words.likes)
      // The singular the terminal always used: the first word's plural s dropped ("Page likes" → "Page like").
      expect(words.followers.one, id).toBe(ADAPTERS[id].words.followers.replace(/s\b/, ''))
      expect(words.likes.one, id).toBe(ADAPTERS[id].words.likes.replace(/s\b/, ''))
    }
    expect(english().w.platforms).toEqual(en.platforms)
  })

  it('every catalogue has words for every platform in the registry, and no platform the registry lacks', () => {
    for (const code of languages()) {
      const platforms = JSON.parse(readFileSync(new URL(`../../messages/${code}.json`, import.meta.url), 'utf8')).platforms as Record<string, unknown>
      expect(Object.keys(platforms ?? {}).sort(), code).toEqual([...PLATFORMS].sort())
    }
  })

  it('Norwegian names the platforms and their counts as a Norwegian team does', () => {
    expect(nb.w.platforms.youtube).toEqual({ name: 'YouTube', followers: { one: 'abonnent', other: 'abonnenter' }, posts: { one: 'video', other: 'videoer' }, likes: { one: 'likerklikk', other: 'likerklikk' } })
    expect(nb.w.platforms.facebook.likes).toEqual({ one: 'liker siden', other: 'liker siden' })
    expect(nb.w.platforms.tiktok.likes).toEqual({ one: 'likerklikk', other: 'likerklikk' })
    expect(nb.w.platforms.blog.name).toBe('Blogg')
    expect(nb.w.platforms.website.name).toBe('Nettsted')
  })
})
