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
