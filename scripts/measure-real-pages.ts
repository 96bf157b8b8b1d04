// Measures the snapshot's parsers and classifier on pages and API answers
// captured from the real platforms by others (the team's hidden corpus,
// ../shared/real-pages by default; never copied into the project). Each
// entry of its expected.json goes through the code a snapshot runs (see
// test/helpers/real-page-run.ts) and is compared with the values written by
// hand in its MANIFEST.md. A number where the page has none, or another
// account's number, is a decoy: wrong, and worse than nothing.
//
//   node --import tsx scripts/measure-real-pages.ts [DIR]
import { readFileSync, existsSync } from 'node:fs'
import { join, basename } from 'node:path'
import type { Platform } from '../src/topics/schema.js'
import type { Metrics } from '../src/snapshot/metrics.js'
import { runCapture, type Capture, type Outcome } from '../test/helpers/real-page-run.js'
import { savedPageReader, type SavedPageReader } from '../test/helpers/saved-page.js'

type Expected = number | null | string | { approx?: number; relative?: string; local?: string; capture?: string; captureUpperBound?: string }
interface Entry {
  readonly file: string
  readonly kind: string
  readonly expected: { followers: Expected; following: Expected; posts: Expected; lastPostAt: Expected; classification: string | null }
}

// The account each capture was asked for: its handle and profile address,
// as a workspace would name it (from MANIFEST.md).
const OWNERS: Readonly<Record<string, { platform: Platform; handle?: string; url: string }>> = {
  'metascraper__ig-profile-pluto__travel-2025': { platform: 'instagram', handle: 'pluto__travel', url: 'https://www.instagram.com/pluto__travel/' },
  'metascraper__ig-profile-pluto__travel-2021': { platform: 'instagram', handle: 'pluto__travel', url: 'https://www.instagram.com/pluto__travel/' },
  'embed__ig-post-agarzoniu-2020': { platform: 'instagram', url: 'https://www.instagram.com/p/ySl7G9tO_q/' },
  'metascraper__ig-story-loginwall-jaimelorentelo-2021': { platform: 'instagram', handle: 'jaimelorentelo', url: 'https://www.instagram.com/stories/jaimelorentelo/' },
  'metascraper__tiktok-profile-illojuan-2025': { platform: 'tiktok', handle: 'illojuan', url: 'https://www.tiktok.com/@illojuan' },
  'unavatar__tiktok-profile-carlosazaustre-2026': { platform: 'tiktok', handle: 'carlosazaustre', url: 'https://www.tiktok.com/@carlosazaustre' },
  'metascraper__yt-channel-onemedia-es-2024': { platform: 'youtube', handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA', url: 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA' },
  'metascraper__yt-channel-onemedia-es-2018': { platform: 'youtube', handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA', url: 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA' },
  'newpipe__yt-browse-kurzgesagt-en-GB-2026': { platform: 'youtube', handle: 'UCsXVk37bltHxD1rDPwtNM8Q', url: 'https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q' },
  'newpipe__yt-browse-captaindisillusion-en-GB-2026': { platform: 'youtube', url: 'https://www.youtube.com/@CaptainDisillusion' },
  'pytube__yt-channel-videos-programmingknowledge-en-2023': { platform: 'youtube', handle: 'ProgrammingKnowledge', url: 'https://www.youtube.com/@ProgrammingKnowledge/videos' },
  'pytube__yt-channel-videos-programmingknowledge-fr-2023': { platform: 'youtube', handle: 'ProgrammingKnowledge', url: 'https://www.youtube.com/@ProgrammingKnowledge/videos' },
  'pytube__yt-channel-live-mlb-en-2023': { platform: 'youtube', handle: 'MLB', url: 'https://www.youtube.com/@MLB/streams' },
  'pytube__yt-channel-shorts-mlb-en-2023': { platform: 'youtube', handle: 'MLB', url: 'https://www.youtube.com/@MLB/shorts' },
  'metascraper__x-profile-kikobeats-rendered-2025': { platform: 'x', handle: 'Kikobeats', url: 'https://x.com/Kikobeats' },
  'metascraper__x-profile-javilop-rendered-2025': { platform: 'x', handle: 'javilop', url: 'https://x.com/javilop' },
  'metascraper__twitter-profile-kikobeats-jsonld-2023': { platform: 'x', handle: 'Kikobeats', url: 'https://twitter.com/Kikobeats' },
  'unavatar__x-profile-kikobeats-jsonld-2026': { platform: 'x', handle: 'Kikobeats', url: 'https://x.com/Kikobeats' },
  'metascraper__x-profile-kikobeats-og-only-2025': { platform: 'x', handle: 'Kikobeats', url: 'https://x.com/Kikobeats' },
  'htmldate__fb-page-visitaustria-de-2017': { platform: 'facebook', handle: 'visitaustria', url: 'https://www.facebook.com/visitaustria/' },
  'embed__fb-post-asociaciondag-gl-2020': { platform: 'facebook', url: 'https://www.facebook.com/asociaciondag/posts/1566624340164227' },
  'facebookscraper__fb-page-nintendo-m-posts-2021': { platform: 'facebook', handle: 'Nintendo', url: 'https://m.facebook.com/Nintendo/posts/' },
  'trafilatura__li-pulse-article-hoeltmann-de-2020': { platform: 'linkedin', url: 'https://www.linkedin.com/pulse/' },
  'metascraper__li-company-audiense-uk-2024': { platform: 'linkedin', handle: 'audiense', url: 'https://uk.linkedin.com/company/audiense' },
  'metascraper__bsky-app-profile-stephenking-2026': { platform: 'bluesky', handle: 'stephenking.bsky.social', url: 'https://bsky.app/profile/stephenking.bsky.social' },
}

const FIELDS = ['followers', 'following', 'posts', 'lastPostAt', 'classification'] as const
type Field = (typeof FIELDS)[number]
type Score = 'right' | 'wrong' | 'decoy' | 'unscored'

function stem(file: string): string {
  return basename(file).replace(/\.(html\.gz|mock\.json|vcr\.yaml|readme\.md|php|html|json|rss|atom)$/, '')
}

function derived(dir: string, file: string, part = ''): { body: string; meta: any } {
  const base = join(dir, 'derived', `${stem(file)}${part}`)
  const bodyFile = ['.body.html', '.body.json', '.body.xml'].map((ext) => base + ext).find(existsSync)
  if (!bodyFile) throw new Error(`no derived body for ${file}`)
  return { body: readFileSync(bodyFile, 'utf8'), meta: JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')) }
}

function headersOf(meta: any): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries<any>(meta?.headers ?? {})) out[name.toLowerCase()] = Array.isArray(value) ? String(value.at(-1)) : String(value)
  return out
}

function ownerOf(file: string): { platform: Platform; handle?: string; url: string } {
  const known = OWNERS[stem(file)]
  if (known) return known
  const name = stem(file)
  if (/__yt-|youtube/.test(name)) return { platform: 'youtube', url: 'https://www.youtube.com/channel/UCuZeHD5SGecQomz2pVDHGzg' }
  if (/__li-/.test(name)) return { platform: 'linkedin', url: 'https://www.linkedin.com/company/example' }
  return { platform: 'website', url: 'https://www.example.com/' }
}

/** The capture(s) an entry stands for, in the form a snapshot meets them. */
function capturesOf(dir: string, entry: Entry): { main: Capture; notFound?: Capture } {
  const file = entry.file
  const path = join(dir, file)
  const folder = file.split('/')[0]
  const owner = ownerOf(file)
  const page = (body: string, status: number | null, headers: Record<string, string> = {}): Capture => ({ kind: 'page', body, status, headers, url: owner.url, owner })
  if (/\.(rss|atom)$/.test(file)) return { main: { kind: 'feed', body: readFileSync(path, 'utf8'), now: new Date() } }
  if (folder === 'mastodon') {
    if (file.endsWith('.json')) return { main: { kind: 'api', platform: 'mastodon', status: 200, body: readFileSync(path, 'utf8') } }
    if (/lookup/.test(file)) {
      const found = derived(dir, file, '.2')
      const missing = derived(dir, file, '.1')
      return {
        main: { kind: 'api', platform: 'mastodon', status: found.meta.statusCode, body: found.body },
        // The 404 names nobody: it answered a lookup of a name like the found account's, on the same server.
        notFound: { kind: 'api', platform: 'mastodon', status: missing.meta.statusCode, body: missing.body, account: { handle: `nobody-here@${String(JSON.parse(found.body).url ?? 'https://mastodon.invalid/').split('/')[2]}` } },
      }
    }
    const answer = derived(dir, file, '.0')
    // The instance answer names its contact account; a snapshot asks for that account.
    const body = /instance/.test(file) ? JSON.stringify(JSON.parse(answer.body).contact_account) : answer.body
    return { main: { kind: 'api', platform: 'mastodon', status: answer.meta.statusCode, body } }
  }
  if (folder === 'bluesky' && file.endsWith('.json')) return { main: { kind: 'api', platform: 'bluesky', status: 200, body: readFileSync(path, 'utf8') } }
  if (folder === 'api') {
    // api/<platform>/…: documentation samples, read by that platform's owner API. The LinkedIn
    // sample answers for an organization by id and the Instagram one for @bluebottle (their MANIFEST).
    const platform = file.split('/')[1]!
    const account = platform === 'linkedin' ? { platformId: '2414183' } : platform === 'instagram' ? { handle: 'bluebottle' } : {}
    // Documentation samples carry // comments that no real answer has: they are taken out.
    const body = readFileSync(path, 'utf8').replace(/\s\/\/[^\n"]*$/gm, '')
    return { main: { kind: 'api', platform, status: 200, body, account } }
  }
  if (file.endsWith('.mock.json')) {
    const { body, meta } = derived(dir, file)
    if (/feed/.test(file) && meta.statusCode === 200) return { main: { kind: 'feed', body, now: new Date(meta.headers?.date?.[0] ?? Date.now()) } }
    // youtubei/v1/browse answers the JSON a channel page embeds as ytInitialData: shown here as that page.
    if (/browse/.test(file)) return { main: page(`<!doctype html><html><head><title>YouTube</title></head><body><script>var ytInitialData = ${body};</script></body></html>`, meta.statusCode, headersOf(meta)) }
    return { main: page(body, meta.statusCode, headersOf(meta)) }
  }
  if (/\.(php|vcr\.yaml|readme\.md)$/.test(file) || file.endsWith('.html.gz')) {
    const { body, meta } = derived(dir, file, file.endsWith('.vcr.yaml') ? '.0' : '')
    // The README stores LinkedIn's body without its status; MANIFEST.md records it was served with 999.
    const status = meta.statusCode ?? (/li-999/.test(file) ? 999 : 200)
    return { main: page(body, status, headersOf(meta)) }
  }
  return { main: page(readFileSync(path, 'utf8'), 200) }
}

function expectedStatus(classification: string | null): string {
  if (classification === null) return 'ok'
  if (/^(bot-challenge|consent-wall|login-wall|auth-wall|bot-wall)/.test(classification)) return 'blocked'
  if (/^(not-found|soft-404)|= not-found/.test(classification)) return 'not-found'
  if (/^not-a-/.test(classification)) return 'not a profile'
  return classification
}

function scoreCount(expected: Expected, got: Metrics['followers']): Score {
  if (expected === null) return got === undefined ? 'right' : 'decoy'
  if (typeof expected === 'number') {
    if (got === undefined) return 'wrong'
    // A display value the page rounded ("1.1M") and we marked approximate is honest, not a decoy.
    const rounded = got.approximate === true && Math.abs(got.value - expected) <= expected * 0.01
    return got.value === expected || rounded ? 'right' : 'decoy'
  }
  if (typeof expected === 'object' && expected.approx !== undefined) {
    if (got === undefined) return 'wrong'
    return Math.abs(got.value - expected.approx) <= expected.approx * 0.01 ? 'right' : 'decoy'
  }
  return 'unscored'
}

function scoreDate(expected: Expected, got: string | undefined): Score {
  if (expected === null) return got === undefined ? 'right' : 'decoy'
  if (typeof expected === 'string') {
    if (got === undefined) return 'wrong'
    const same = expected.length === 10 ? got.slice(0, 10) === expected : Date.parse(got) === Date.parse(expected)
    return same ? 'right' : 'decoy'
  }
  // Only a relative time ("hace 1 día") on the page: nothing exact to compare with.
  return 'unscored'
}

/**
 * The fields MANIFEST.md says are not asserted for each file ("- EXPECTED:
 * …, lastPostAt not asserted"): expected.json writes `null` there too, but
 * the hand-written manifest is the source, and it makes no claim.
 */
function notAsserted(dir: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const path = join(dir, 'MANIFEST.md')
  if (!existsSync(path)) return out
  for (const section of readFileSync(path, 'utf8').split(/^### /m).slice(1)) {
    const file = section.split(/\s/, 1)[0]!
    const fields = [...section.matchAll(/\b(followers|following|posts|lastPostAt) not asserted\b/g)].map((m) => m[1]!)
    if (fields.length > 0) out.set(file, new Set(fields))
  }
  return out
}

const show = (value: unknown): string => (value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '../shared/real-pages'
  if (!existsSync(join(dir, 'expected.json'))) {
    console.error(`measure-real-pages: no expected.json in ${dir}: pass the corpus folder, e.g. npm run measure:real -- /work/shared/real-pages`)
    process.exit(2)
  }
  const entries: Entry[] = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))
  const unasserted = notAsserted(dir)
  let reader: SavedPageReader | undefined
  const lazyReader = async () => (reader ??= await savedPageReader())
  const perField: Record<Field, Record<Score, number>> = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, wrong: 0, decoy: 0, unscored: 0 }])) as any
  let allRight = 0
  let scoredEntries = 0
  try {
    for (const entry of entries) {
      const { main: capture, notFound } = capturesOf(dir, entry)
      let outcome: Outcome
      try {
        outcome = await runCapture(capture, lazyReader)
      } catch (error) {
        outcome = { status: 'crash', reason: (error as Error).message.split('\n')[0], metrics: {} }
      }
      const status = notFound ? (await runCapture(notFound, lazyReader)).status : outcome.status
      const m = outcome.metrics
      const e = entry.expected
      const wantStatus = expectedStatus(e.classification)
      const scores: Record<Field, Score> = {
        followers: scoreCount(e.followers, m.followers),
        following: scoreCount(e.following, m.following),
        posts: capture.kind === 'feed' ? 'unscored' : scoreCount(e.posts, m.posts),
        lastPostAt: scoreDate(e.lastPostAt, m.lastPostAt?.value),
        classification: status === wantStatus ? 'right' : 'wrong',
      }
      const got: Record<Field, unknown> = { followers: m.followers?.value, following: m.following?.value, posts: m.posts?.value, lastPostAt: m.lastPostAt?.value, classification: status }
      const want: Record<Field, unknown> = { ...e, classification: wantStatus }
      for (const field of unasserted.get(entry.file) ?? []) scores[field as Field] = 'unscored'
      let right = true
      const parts: string[] = []
      for (const field of FIELDS) {
        perField[field][scores[field]]++
        if (scores[field] === 'wrong' || scores[field] === 'decoy') right = false
        const mark = { right: '✓', wrong: '✗', decoy: '✗ DECOY', unscored: '·' }[scores[field]]
        parts.push(`${field} ${show(want[field])}→${show(got[field])} ${mark}`)
      }
      // Not scored (expected.json gives likes in its notes only), shown so a likes-for-followers mix-up is visible.
      if (m.likes) parts.push(`likes →${m.likes.value}`)
      scoredEntries++
      if (right) allRight++
      const reason = outcome.status === 'ok' ? '' : ` (${outcome.reason ?? ''})`
      console.log(`${right ? '✓' : '✗'} ${entry.file}${reason}\n    ${parts.join(' | ')}`)
    }
  } finally {
    await reader?.close()
  }
  console.log(`\n${allRight} of ${scoredEntries} right`)
  for (const field of FIELDS) {
    const c = perField[field]
    console.log(`  ${field.padEnd(14)} ${c.right} of ${c.right + c.wrong + c.decoy} right, ${c.wrong} missed, ${c.decoy} decoys${c.unscored ? `, ${c.unscored} not scored (relative date only / feed totals / not asserted)` : ''}`)
  }
}

await main()
