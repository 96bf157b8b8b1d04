// Given the Norwegian example workspace (demo/nb/showtell.yaml, deck.language
// nb) against the demo site, when `showtell build` runs with live snapshots,
// then the deck, its speaker notes, the presenter view's words and the
// handout carry none of showtell's English fixed words, and their dates and
// numbers are Norwegian. What the team or a page wrote (labels, page titles)
// is data and may be anything; this workspace writes it in Norwegian too.
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'
import { makeWorkspace } from '../helpers/workspace.js'

/** showtell's English fixed words: segment titles, slide words, notes, handout and presenter labels, weekdays and months. */
const ENGLISH = [
  'Opening', 'Here and now', 'Loss of control', 'Key points', 'Case studies', 'Worst cases', 'Hands-on exercise', 'Discussion and decisions', 'ROI: what changed', 'Next meeting',
  'Agenda for', 'Why this matters', 'minutes', 'decision', 'Questions for the room', 'Next briefing', 'Topic:', 'Sources', 'Where these facts',
  'followers', 'subscribers', 'since', 'Spotlight', 'Appendix', 'not read', 'accounts', 'answered', 'first measurement', 'last post', 'interactions per post',
  'on track', 'behind', 'reached', 'goal', 'What changed', 'Engagement', 'account by account',
  'Budget', 'for this slide', 'Segment', 'Speaker notes', 'Slide ', 'Elapsed', 'Notes', 'End of deck', 'handout', 'executive briefing', 'screenshot', 'thumbnail',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]

let site: DemoSite
let out: string

beforeAll(async () => {
  site = await startDemoSite()
  // The example as it ships, pointed at this test's demo site, with the demo's four earlier meetings.
  const config = (await readFile(join(REPO_ROOT, 'demo', 'nb', 'showtell.yaml'), 'utf8')).replaceAll('http://127.0.0.1:4321', site.url)
  const workspace = await makeWorkspace({ 'showtell.yaml': config })
  await mkdir(join(workspace, 'history'), { recursive: true })
  await copyFile(join(REPO_ROOT, 'demo', 'history.jsonl'), join(workspace, 'history', 'snapshots.jsonl'))
  const build = await runCli(['build', '--topic', 'policy', '--date', '2026-12-08', '--workspace', workspace])
  expect(build.stderr).not.toMatch(/^showtell:/m)
  expect(build.code).toBe(0)
  // Run from elsewhere (--workspace), the summary names the history where it is, not as if from the workspace.
  expect(build.stdout).toContain(`${basename(workspace)}/history/snapshots.jsonl`)
  out = join(workspace, 'out', '2026-12-08-policy')
})

afterAll(async () => {
  await site.close()
})

/** Each English fixed word found in `text`, with a little of its context. */
function englishIn(text: string): string[] {
  return ENGLISH.flatMap((word) => {
    const at = text.indexOf(word)
    return at === -1 ? [] : [`${word}: …${text.slice(Math.max(0, at - 40), at + word.length + 40)}…`]
  })
}

describe('a Norwegian deck, built end to end', () => {
  it('has no English fixed word in its slides or speaker notes, and Norwegian dates and numbers', async () => {
    const markdown = await readFile(join(out, 'deck.md'), 'utf8')
    // The notes quote a snapshot's own English message, marked as such ("teknisk melding, på engelsk"): that is data.
    // File names of pictures (charts/goal-1.svg) are not words either.
    const shown = markdown.replace(/«[^»]*» \(teknisk melding, på engelsk\)/g, '').replace(/\]\([^)]*\)/g, ']')
    expect(englishIn(shown)).toEqual([])
    expect(markdown).toContain('tirsdag 8. desember 2026')
    expect(markdown).toContain('Neste møte: tirsdag 15. desember 2026')
    // A grouped number has a no-break space.
    expect(markdown).toMatch(/12\u00a0345 følgere/)
    expect(markdown).toContain('lang: nb')
  })

  it('gives the presenter view Norwegian words and the page a Norwegian lang', async () => {
    const html = await readFile(join(out, 'deck.html'), 'utf8')
    expect(html).toMatch(/<html lang="nb"/)
    const data = JSON.parse(/<script type="application\/json" id="showtell-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { words: Record<string, string>; appendixLabel: string }
    expect(data.words.next).toBe('Neste')
    expect(data.appendixLabel).toBe('Vedlegg')
    expect(englishIn(Object.values(data.words).join('\n'))).toEqual([])
  })

  it('prints a handout with Norwegian headings, budgets and notes labels', async () => {
    const handout = await readPdf(join(out, 'handout.pdf'))
    const text = handout.text.join('\n').replace(/«[^»]*» \(teknisk melding, på engelsk\)/g, '')
    expect(englishIn(text)).toEqual([])
    expect(text).toContain('Lysbilde 1 av')
    expect(handout.outline.at(-1)).toBe('Vedlegg')
  })
})
