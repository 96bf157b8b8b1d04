// Workspace state for the app's tests, written as a team's files would be:
// a snapshot history with two meetings, and a finished build's manifest.
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

export const APP_CONFIG = MINIMAL_CONFIG.replace(
  `accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    label: Testco on LinkedIn`,
  `accounts:
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    label: Testco on LinkedIn
  - id: testco-x
    platform: x
    handle: testco
    label: Testco on X
  - id: testco-blog
    platform: blog
    url: https://blog.testco.example/
    label: Testco blog`,
)

const line = (date: string, account: string, platform: string, status: string, metrics: object, reason?: string) =>
  JSON.stringify({ date, capturedAt: `${date}T08:00:00.000Z`, account, platform, status, ...(reason ? { reason } : {}), metrics })

export const HISTORY = [
  line('2026-11-10', 'testco-linkedin', 'linkedin', 'ok', { followers: { value: 1000, source: 'meta' } }),
  line('2026-11-17', 'testco-linkedin', 'linkedin', 'ok', { followers: { value: 1312, source: 'meta' } }),
  line('2026-11-10', 'testco-x', 'x', 'ok', { followers: { value: 5000, source: 'api' } }),
  line('2026-11-17', 'testco-x', 'x', 'blocked', {}, 'login required'),
].join('\n')

export const MANIFEST = JSON.stringify({
  generator: 'showtell',
  builtAt: '2026-11-17T07:00:00.000Z',
  topic: { id: 'crisis', title: 'Crisis and worst cases' },
  date: '2026-11-17',
  duration: 45,
  agenda: [],
  slideCount: 31,
  snapshots: [],
  outDir: 'out/2026-11-17-crisis',
  files: [{ name: 'deck.html', bytes: 1000 }],
})

export function makeAppWorkspace(extra: Record<string, string> = {}): Promise<string> {
  return makeWorkspace({
    'showtell.yaml': APP_CONFIG,
    'history/snapshots.jsonl': `${HISTORY}\n`,
    'out/2026-11-17-crisis/build.json': MANIFEST,
    ...extra,
  })
}

/** A stored audit as `showtell audit` writes it: two finds, a walled platform, an absent handle. */
export const AUDIT = JSON.stringify({
  ranAt: '2026-11-20T12:00:00.000Z',
  generated: 12,
  candidates: 40,
  checked: 40,
  platforms: ['instagram', 'facebook', 'x'],
  budget: 300,
  findings: [
    { platform: 'instagram', handle: 'testco.official', result: 'exists-unlisted', displayName: 'Testco Official', followers: 1020, url: 'https://www.instagram.com/testco.official/' },
    { platform: 'facebook', handle: 'testco', result: 'exists-unlisted', displayName: 'Testco', followers: 987, url: 'https://www.facebook.com/testco' },
    { platform: 'x', handle: 'testco', result: 'unknown', reason: 'login wall' },
    { platform: 'instagram', handle: 'testcohq', result: 'absent' },
  ],
})

/**
 * Accounts of ours, our leaders and two competitors, for the Accounts
 * screen's three views (today is 2026-11-20, APP_NOW in harness.tsx):
 * - ours (official): Instagram 2,000 → 2,020 (+1.0%), LinkedIn 5,000 → 5,100 (larger, but no competitor read there);
 * - Kari Nordmann (`person:`) on LinkedIn, last post 2026-11-12, and on X, last post 2026-10-22 (29 days: not silent);
 * - Ola Hansen (grouped by label) on X, last post 2026-10-21: 30 days, silent;
 * - Per Berg on LinkedIn, read but no post date: not known;
 * - Lise Dahl under `executives:` with no account;
 * - Fjellkraft: Instagram 50,000 → 50,250 (+0.5%, large and slow), LinkedIn blocked on 2026-11-17 after 15,900 on 2026-11-10,
 *   and its leader Erik Fjell with no account;
 * - Villmark Gear: Instagram 800 → 832 (+4.0%, small and fast: it leads), and its leader Siri Dal on X, last post 2026-08-22 (90 days).
 */
export const VIEWS_CONFIG = `company:
  name: Testco
  aliases: [Test Co]
accounts:
  - id: testco-instagram
    platform: instagram
    url: https://www.instagram.com/testco/
    label: Testco on Instagram
  - id: testco-linkedin
    platform: linkedin
    url: https://www.linkedin.com/company/testco
    label: Testco on LinkedIn
  - id: kari-linkedin
    platform: linkedin
    url: https://www.linkedin.com/in/kari
    label: Kari on LinkedIn
    owner: executive
    person: Kari Nordmann
  - id: kari-x
    platform: x
    handle: kari
    label: Kari on X
    owner: executive
    person: Kari Nordmann
  - id: ola-x
    platform: x
    handle: olahansen
    label: Ola Hansen
    owner: executive
  - id: per-linkedin
    platform: linkedin
    url: https://www.linkedin.com/in/perberg
    label: Per Berg
    owner: executive
executives: [Kari Nordmann, Ola Hansen, Per Berg, Lise Dahl]
competitors:
  - name: Fjellkraft
    accounts:
      - id: fjellkraft-instagram
        platform: instagram
        url: https://www.instagram.com/fjellkraft/
        label: Fjellkraft on Instagram
      - id: fjellkraft-linkedin
        platform: linkedin
        url: https://www.linkedin.com/company/fjellkraft
        label: Fjellkraft on LinkedIn
    executives: [Erik Fjell]
  - name: Villmark Gear
    accounts:
      - id: villmark-instagram
        platform: instagram
        url: https://www.instagram.com/villmarkgear/
        label: Villmark Gear on Instagram
      - id: siri-x
        platform: x
        handle: siridal
        label: Siri Dal
        owner: executive
meeting:
  weekday: tuesday
  time: "09:00"
  timezone: Europe/Oslo
  duration: 45
  start: 2026-11-24
deck:
  presenter: Test team
  footer: Testco briefing
`

const row = (date: string, account: string, platform: string, followers: number | undefined, extra: { lastPostAt?: string; status?: string; reason?: string; competitor?: string } = {}) =>
  JSON.stringify({
    date,
    capturedAt: `${date}T08:00:00.000Z`,
    account,
    platform,
    status: extra.status ?? 'ok',
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(extra.competitor ? { competitor: extra.competitor } : {}),
    metrics: {
      ...(followers !== undefined ? { followers: { value: followers, source: 'meta' } } : {}),
      ...(extra.lastPostAt ? { lastPostAt: { value: `${extra.lastPostAt}T10:00:00.000Z`, source: 'page-text' } } : {}),
    },
  })

/** history/snapshots.jsonl for VIEWS_CONFIG: ours and our leaders. */
export const VIEWS_HISTORY = [
  row('2026-11-10', 'testco-instagram', 'instagram', 2000),
  row('2026-11-17', 'testco-instagram', 'instagram', 2020),
  row('2026-11-10', 'testco-linkedin', 'linkedin', 5000),
  row('2026-11-17', 'testco-linkedin', 'linkedin', 5100),
  row('2026-11-17', 'kari-linkedin', 'linkedin', 3000, { lastPostAt: '2026-11-12' }),
  row('2026-11-17', 'kari-x', 'x', 400, { lastPostAt: '2026-10-22' }),
  row('2026-11-17', 'ola-x', 'x', 150, { lastPostAt: '2026-10-21' }),
  row('2026-11-17', 'per-linkedin', 'linkedin', 900),
].join('\n')

/** history/competitors.jsonl for VIEWS_CONFIG. */
export const VIEWS_COMPETITOR_HISTORY = [
  row('2026-11-10', 'fjellkraft-instagram', 'instagram', 50_000, { competitor: 'Fjellkraft' }),
  row('2026-11-17', 'fjellkraft-instagram', 'instagram', 50_250, { competitor: 'Fjellkraft' }),
  row('2026-11-10', 'fjellkraft-linkedin', 'linkedin', 15_900, { competitor: 'Fjellkraft' }),
  row('2026-11-17', 'fjellkraft-linkedin', 'linkedin', undefined, { competitor: 'Fjellkraft', status: 'blocked', reason: 'login wall' }),
  row('2026-11-10', 'villmark-instagram', 'instagram', 800, { competitor: 'Villmark Gear' }),
  row('2026-11-17', 'villmark-instagram', 'instagram', 832, { competitor: 'Villmark Gear' }),
  row('2026-11-17', 'siri-x', 'x', 700, { competitor: 'Villmark Gear', lastPostAt: '2026-08-22' }),
].join('\n')

/** A workspace with VIEWS_CONFIG and its two history files. */
export function makeViewsWorkspace(): Promise<string> {
  return makeWorkspace({
    'showtell.yaml': VIEWS_CONFIG,
    'history/snapshots.jsonl': `${VIEWS_HISTORY}\n`,
    'history/competitors.jsonl': `${VIEWS_COMPETITOR_HISTORY}\n`,
  })
}
