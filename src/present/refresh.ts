// Owns `present --refresh`: fresh numbers for a deck that was built earlier
// (the evening before), as the meeting starts. It takes new snapshots of every
// account with the build's own snapshot run, composes the deck again with the
// build's recorded choices (the same topic, date, plan, language, theme and
// next meeting: build.json's `refresh`), renders it with the build's own
// functions (composeMeasured, renderComposed: Marp, pictures inlined as data
// URIs), and hands back the `<svg>` of each here-and-now and ROI slide that is
// still the same slide at the same position (identity.ts). Everything is made
// in a temporary folder; the built deck's folder is only read.
//
// The competitors (showtell.yaml `competitors`) are read again too when the
// build read them (build.json's `competitors`), as the build reads them:
// after ours, from public sources only, never in the signed-in profile
// (snapshot/competitors.ts), their progress among the same `snapshot` events.
// The comparison and the scorecard are composed from them and from
// history/competitors.jsonl as the build composed them.
//
// Never a wrong number, never a shifted slide:
// - an account whose snapshot fails takes its build-time result in the fresh
//   deck (so the deck keeps its shape), and no slide that shows it is
//   returned: those keep the build's numbers, and `failed` says why (an
//   account the build could not read either shows as not read, as then). A
//   competitor's account likewise: the comparison, and the scorecard when it
//   is an executive's, stay as built (Slide.shows names the accounts behind
//   a party or a person);
// - on an ROI slide that names no account (a sum over all of ours, a goal of
//   `all`), one failed account of ours is enough to keep it from the build;
// - a fresh slide whose identity differs from the built slide at its position
//   (a split made one more slide, a spotlight went to another account) is not
//   returned, and `failed` names the built slide kept.
//
// The history is not written (neither ours nor history/competitors.jsonl): the build's snapshots are this meeting's entry
// in it, the ones build.json, the PDF and the handout show, and the next
// meeting's "since last meeting" compares with them. A refresh is a live view
// taken while presenting (without the workspace lock for its length), not a
// second record of the same meeting. The meeting log is not touched either.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SEGMENT_IDS } from '../agenda/segments.js'
import { readLatestAudit } from '../audit/store.js'
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import { buildSteps, composeMeasured, deckAccounts, renderComposed, withAuditScreenshots, type RefreshBasis } from '../build/build.js'
import { sameSlide, slideIdentity, type SlideIdentity } from '../build/identity.js'
import { anyJson, array, boolean, describeFailure, isRecord, nonEmptyString, object, oneOf, optional, parseJson, string, wholeCount, matching, type Decoder } from '../data/decode.js'
import { ignoreMissing } from '../data/missing.js'
import { RuntimeError, UserError } from '../errors.js'
import { DEFAULT_LANGUAGE, langFor } from '../deck/lang.js'
import { problemWords, type LiveMaterial } from '../deck/live.js'
import { accountLabels } from '../deck/segments/common.js'
import { redact } from '../secrets/redact.js'
import { historyEntry, readCompetitorHistory, readHistory, type HistoryEntry } from '../snapshot/history.js'
import type { SnapshotEvent } from '../snapshot/run.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { builtinLibraryFor, loadTopicLibrary, requireTopic, type Workspace } from '../workspace/load.js'
import { acquireLock } from '../workspace/store.js'

/** The deck's segments whose slides a refresh swaps: the rest carry no live numbers. */
export const REFRESHED_SEGMENTS: ReadonlySet<string> = new Set(['here-and-now', 'roi'])

export type RefreshStep = 'read' | 'snapshots' | 'compose'

export type RefreshEvent =
  | { readonly type: 'step-start'; readonly step: RefreshStep }
  | { readonly type: 'step-done'; readonly step: RefreshStep; readonly ms: number }
  | { readonly type: 'snapshot'; readonly event: SnapshotEvent }

export interface RefreshInput {
  /** The loaded workspace (src/workspace/load.ts) the deck was built in. */
  readonly workspace: Workspace
  /** The built deck's folder (`out/<date>-<topic>/`), with build.json and deck.html. Only read. */
  readonly folder: string
  /** An existing browser to reuse; without one, a browser is started and closed again. */
  readonly browserManager?: BrowserManager
  /** Cancels the refresh: the snapshots stop, the temporary folder is removed, the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal
  readonly onProgress?: (event: RefreshEvent) => void
  /** The instant the snapshots are taken (the payload's `at`). @default the moment they start */
  readonly now?: Date
  /** How to start a browser when none is given (the workspace's `browser` setting, as for a build). */
  readonly browser?: BrowserOptions
}

/** The LIVE.md Slides payload: what the server sends to the deck page as the `slides` event. */
export interface SlidesPayload {
  /** The ISO instant the snapshots were taken. */
  readonly at: string
  /** Each slide's `<svg>` element; `index` is 0-based: the deck page's `#deck > .marpit > svg:nth-child(index + 1)`. */
  /** Each slide's <svg>, with its title and speaker notes as they now read (an account's title and notes carry its figures). */
  readonly slides: readonly { readonly index: number; readonly html: string; readonly title: string; readonly notes: string }[]
  /** One line each, in the deck's language: an account that failed, or a slide kept from the build. */
  readonly failed: readonly string[]
}

export interface RefreshResult extends SlidesPayload {
  /** The accounts snapshot (ours, then the competitors'), and those that failed (status and one-line reason, redacted), for the terminal. */
  readonly accounts: {
    readonly total: number
    readonly ok: number
    readonly failed: readonly {
      readonly account: string
      readonly label: string
      readonly status: string
      readonly reason: string
      /** True when the build read it: its build-time numbers stand in, and its slides are kept from the build. False when the build did not read it either. */
      readonly keptFromBuild: boolean
      /** The competitor's name, for a competitor's account. */
      readonly competitor?: string
    }[]
  }
  /** The here-and-now and ROI slides of the built deck not swapped (0-based index, title as built) and why. */
  readonly kept: readonly { readonly index: number; readonly title: string; readonly why: 'failed-account' | 'changed' }[]
  /** The built deck's slide count (the fresh deck's is the same when nothing moved). */
  readonly slideCount: number
}

/** The payload alone (LIVE.md's Slides), for the server. */
export function slidesPayload(result: SlidesPayload): SlidesPayload {
  return { at: result.at, slides: result.slides, failed: result.failed }
}

export async function refreshDeck(input: RefreshInput): Promise<RefreshResult> {
  const { workspace, folder, signal } = input
  const emit = input.onProgress ?? (() => {})
  const timer = stepTimer(emit)
  const { config } = workspace

  timer.start('read')
  const built = await readBuilt(folder)
  // The topic's words in the build's language: a workspace that changed deck.language since loads its built-in topics in another.
  const topics = built.basis.language === (config.deck.language ?? DEFAULT_LANGUAGE) ? workspace.topics : await loadTopicLibrary(workspace.paths, await builtinLibraryFor(built.basis.language))
  const topic = requireTopic({ ...workspace, topics }, built.topic)
  const steps = await buildSteps()
  const templates = await steps.loadTemplates(workspace.paths.templates)
  const work = await mkdtemp(join(tmpdir(), 'showtell-refresh-'))
  const deckFolder = join(work, 'deck')
  const builtShots = join(work, 'built-snapshots')
  const ownBrowser = input.browserManager ? undefined : new BrowserManager(input.browser)
  const browser = input.browserManager ?? ownBrowser!
  const cancel = () => void browser.close()
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    // Chromium starts while the build's files are read.
    browser.warmUp()
    // The lock only while reading what a build writes (the history, the audit,
    // the deck's screenshots): a build never swaps the folder half-read. Not
    // while the snapshots run: the meeting is starting.
    const lock = await acquireLock(workspace.paths.lock, `reading ${built.date}-${built.topic} for a refresh`)
    let material: { history: Awaited<ReturnType<typeof readHistory>>; competitorHistory?: Awaited<ReturnType<typeof readCompetitorHistory>>; audit: Awaited<ReturnType<typeof readLatestAudit>> }
    try {
      await mkdir(join(deckFolder, 'snapshots'), { recursive: true })
      await copyPictures(join(folder, 'snapshots'), builtShots)
      material = {
        history: await readHistory(workspace.paths.root),
        // As the build: read whenever showtell.yaml lists competitors ("how we compare" shows their last good values).
        ...(config.competitors.length > 0 ? { competitorHistory: await readCompetitorHistory(workspace.paths.root) } : {}),
        audit: await readLatestAudit(workspace.paths),
      }
    } finally {
      await lock.release()
    }
    timer.done('read')
    signal?.throwIfAborted()

    timer.start('snapshots')
    const at = (input.now ?? new Date()).toISOString()
    const run = { browser, outDir: join(deckFolder, 'snapshots'), onProgress: (event: SnapshotEvent) => emit({ type: 'snapshot', event }), signal }
    const fresh = await steps.snapshotAccounts(config, config.accounts, run)
    // The competitors after ours, as the build read them: only when it did (a
    // deck built without them has no comparison to refresh), in a plain browser
    // when ours is signed in.
    let freshCompetitors: SnapshotResult[] | undefined
    if (built.competitors) {
      signal?.throwIfAborted()
      freshCompetitors = await steps.snapshotCompetitors(config, run, steps.snapshotAccounts)
    }
    timer.done('snapshots')
    signal?.throwIfAborted()

    timer.start('compose')
    const everyFresh = [...fresh, ...(freshCompetitors ?? [])]
    const failedResults = everyFresh.filter((result) => result.status !== 'ok')
    const builtById = new Map([...built.snapshots, ...(built.competitors ?? [])].map((result) => [result.account, result]))
    // An account that fails now but had numbers in the build shows its build-time
    // result, so the deck keeps its shape, and every slide that shows it stays as
    // built. One that was not read in the build either has no number to go
    // stale: it shows as not read now, as it did then, and does not hold back
    // the overview (the demo's X account sits behind a login wall every time).
    // A competitor's account the same, among the competitors.
    const failedIds = new Set(failedResults.filter((result) => builtById.get(result.account)?.status === 'ok').map((result) => result.account))
    const standIn = async (list: readonly SnapshotResult[]): Promise<SnapshotResult[]> => {
      const out: SnapshotResult[] = []
      for (const result of list) {
        const before = failedIds.has(result.account) ? builtById.get(result.account) : undefined
        if (!before) {
          out.push(result)
          continue
        }
        await rm(join(deckFolder, 'snapshots', `${result.account}.png`), { force: true })
        // A build screenshot gone missing only leaves a link on slides that are kept from the build anyway.
        if (before.screenshot) await ignoreMissing(copyFile(join(builtShots, before.screenshot), join(deckFolder, 'snapshots', before.screenshot)))
        out.push(before)
      }
      return out
    }
    const results = await standIn(fresh)
    const competitors = freshCompetitors && (await standIn(freshCompetitors))
    // The histories as the build composed from: without the build's own entries (it appended them after composing).
    const history = withoutBuilt(material.history.entries, built.snapshots, built.date)
    const live: LiveMaterial = {
      results,
      history,
      audit: material.audit && (await withAuditScreenshots(material.audit, workspace.paths.root, deckFolder)),
      ...(competitors ? { competitors } : {}),
      ...(material.competitorHistory ? { competitorHistory: withoutBuilt(material.competitorHistory.entries, built.competitors ?? [], built.date) } : {}),
    }
    const asBuilt = { ...config, deck: { ...config.deck, language: built.basis.language, theme: built.basis.theme } }
    const deck = await composeMeasured(
      { config: asBuilt, topic, date: built.date, plan: built.basis.plan, ...(built.basis.next ? { next: built.basis.next } : {}), live },
      { browser, templates },
    )
    const { rendered } = await renderComposed(deck, deckFolder, templates, steps)
    const svgs = slideSvgs(rendered.html)
    if (svgs.length !== deck.slides.length) throw new RuntimeError(`the refreshed deck rendered ${svgs.length} slides for ${deck.slides.length} composed ones`)
    timer.done('compose')

    const lang = langFor(deck.language)
    const label = accountLabels(asBuilt)
    const named = deckAccounts(asBuilt)
    const slides: { index: number; html: string; title: string; notes: string }[] = []
    const kept: { index: number; title: string; why: 'failed-account' | 'changed' }[] = []
    const failed: string[] = failedResults.map((result) => {
      const kept = failedIds.has(result.account)
      const words = { account: label(result.account), reason: problemWords(result, lang) }
      return redact(
        result.competitor === undefined
          ? lang.say(kept ? lang.w.refresh.accountKept : lang.w.refresh.accountUnread, words)
          : lang.say(kept ? lang.w.refreshCompetitors.accountKept : lang.w.refreshCompetitors.accountUnread, { ...words, competitor: result.competitor }),
      )
    })
    // The ROI never reads a competitor: only a failed account of ours holds back its sums.
    const oursFailed = [...failedIds].some((id) => builtById.get(id)?.competitor === undefined)
    built.basis.slides.forEach((was, index) => {
      if (was.appendix || !REFRESHED_SEGMENTS.has(was.segment) || was.kind === 'placeholder') return
      const slide = deck.slides[index]
      const now = slide && slideIdentity(slide, named)
      if (!now || !sameSlide(was, now)) {
        kept.push({ index, title: was.title, why: 'changed' })
        failed.push(redact(lang.say(lang.w.refresh.slideKept, { n: index + 1, title: was.title })))
        return
      }
      // A slide showing a failed account (by its name, or behind a party or a person) keeps the build's; so does an ROI slide summing every account of ours.
      const touchesFailed = [...now.accounts, ...(slide.shows ?? [])].some((id) => failedIds.has(id)) || (oursFailed && now.accounts.length === 0 && now.segment === 'roi')
      if (touchesFailed) {
        kept.push({ index, title: was.title, why: 'failed-account' })
        return
      }
      slides.push({ index, html: svgs[index]!, title: slide.title, notes: rendered.notes[index] ?? '' })
    })
    return {
      at,
      slides,
      failed,
      accounts: {
        total: everyFresh.length,
        ok: everyFresh.length - failedResults.length,
        failed: failedResults.map((result) => ({
          account: result.account,
          label: label(result.account),
          status: result.status,
          reason: redact(oneLine(result.reason ?? result.status)),
          keptFromBuild: failedIds.has(result.account),
          ...(result.competitor !== undefined ? { competitor: result.competitor } : {}),
        })),
      },
      kept,
      slideCount: built.basis.slides.length,
    }
  } catch (error) {
    throw signal?.aborted && signal.reason instanceof Error ? signal.reason : error
  } finally {
    signal?.removeEventListener('abort', cancel)
    if (ownBrowser || signal?.aborted) await browser.close()
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * A history as the build composed from: without the rows the build itself
 * appended after composing (its own results, dated the meeting, by account
 * and capture instant). An earlier run's row of the same day stays, as it
 * stood in the history when the build read it.
 */
export function withoutBuilt(entries: readonly HistoryEntry[], builtResults: readonly SnapshotResult[], date: string): HistoryEntry[] {
  const own = new Set(builtResults.map((result) => `${result.account}\u0000${result.capturedAt}`))
  return entries.filter((entry) => !(entry.date === date && own.has(`${entry.account}\u0000${entry.capturedAt}`)))
}

/**
 * The top-level `<svg>` elements of Marp's `<div class="marpit">`, one per
 * slide, in order: what the deck page has at `#deck > .marpit > svg`. Marp
 * escapes text and the pictures are data URIs, so every `<svg` and `</svg>`
 * in the markup is an element's.
 */
export function slideSvgs(html: string): string[] {
  const tags = /<svg\b|<\/svg>/g
  const found: string[] = []
  let depth = 0
  let start = 0
  for (const match of html.matchAll(tags)) {
    if (match[0] === '</svg>') {
      depth -= 1
      if (depth === 0) found.push(html.slice(start, match.index + match[0].length))
    } else {
      if (depth === 0) start = match.index
      depth += 1
    }
  }
  return found
}

interface Built {
  readonly topic: string
  readonly date: string
  readonly basis: RefreshBasis
  /** The build's snapshots, screenshots as file names in the build's snapshots/ folder. */
  readonly snapshots: readonly SnapshotResult[]
  /** The build's competitor snapshots (each marked `competitor`), likewise; absent when the build read no competitors. */
  readonly competitors?: readonly SnapshotResult[]
}

const SEGMENT = oneOf(SEGMENT_IDS)
const identity: Decoder<SlideIdentity> = object({
  kind: string,
  segment: string,
  appendix: boolean,
  title: string,
  kicker: optional(string),
  image: optional(string),
  tiles: optional(array(string)),
  rows: optional(array(string)),
  accounts: array(string),
})
const basisShape: Decoder<RefreshBasis> = object({
  snapshots: boolean,
  plan: object({
    duration: wholeCount,
    segments: array(object({ id: SEGMENT, title: string, minutes: wholeCount, placeholder: boolean, fillHint: string, stretched: boolean })),
  }),
  language: nonEmptyString,
  theme: nonEmptyString,
  next: optional(object({ date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'), topicTitle: optional(string) })),
  slides: array(identity),
})
const manifestShape = object({
  topic: object({ id: nonEmptyString }),
  date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  snapshots: array(anyJson),
  competitors: optional(array(anyJson)),
})

/** build.json and deck.html of the built folder, checked: a deck without what a refresh needs is refused in one line. */
async function readBuilt(folder: string): Promise<Built> {
  const file = join(folder, 'build.json')
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UserError('no build.json: this folder is not a built deck', { location: { file }, hint: 'build the deck with showtell build, then present it with --refresh' })
    throw error
  })
  const json = parseJson(text, manifestShape)
  if (!json.ok) throw new UserError(`build.json cannot be read: ${describeFailure(json.failure)}`, { location: { file }, hint: 'build the deck again' })
  const raw = JSON.parse(text) as Record<string, unknown>
  if (raw.refresh === undefined) {
    throw new UserError('this deck was built before refresh existed: its build.json has no "refresh" record', { location: { file }, hint: 'build it again with showtell build, then present it with --refresh' })
  }
  const basis = basisShape(raw.refresh, 'refresh')
  if (!basis.ok) throw new UserError(`build.json cannot be read: ${describeFailure(basis.failure)}`, { location: { file }, hint: 'build the deck again' })
  if (!basis.value.snapshots) {
    throw new UserError('this deck was built without snapshots: it has no live numbers to refresh', { location: { file }, hint: 'build it with snapshots (without --no-snapshots), or present it without --refresh' })
  }
  const deckHtml = join(folder, 'deck.html')
  const html = await readFile(deckHtml, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UserError('no deck.html: this build made no deck to present', { location: { file: deckHtml }, hint: 'build it again with the html format' })
    throw error
  })
  const inPage = slideSvgs(html.slice(html.indexOf('<main id="deck"'))).length
  if (inPage !== basis.value.slides.length) {
    throw new UserError(`deck.html has ${inPage} slides, build.json ${basis.value.slides.length}: they are not of the same build`, { location: { file: deckHtml }, hint: 'build the deck again' })
  }
  const results = (values: readonly unknown[]) =>
    values.flatMap((value) => {
      const result = isRecord(value) ? builtResult(value, json.value.date) : undefined
      return result ? [result] : []
    })
  const snapshots = results(json.value.snapshots).filter((result) => result.competitor === undefined)
  // A competitor's result must say whose it is, as its history row must.
  const competitors = json.value.competitors && results(json.value.competitors).filter((result) => result.competitor !== undefined)
  return { topic: json.value.topic.id, date: json.value.date, basis: basis.value, snapshots, ...(competitors ? { competitors } : {}) }
}

/** One snapshot of build.json as the result it was, checked as a history line is; a result that does not read is left out (its account cannot stand in). */
function builtResult(value: Record<string, unknown>, date: string): SnapshotResult | undefined {
  const entry = historyEntry({ ...value, date }, 'snapshots')
  if (!entry.ok || typeof value.label !== 'string' || typeof value.url !== 'string') return undefined
  const screenshot = typeof value.screenshot === 'string' ? /^snapshots\/([a-z0-9][a-z0-9-]*\.png)$/.exec(value.screenshot)?.[1] : undefined
  const { account, platform, status, reason, metrics, capturedAt, competitor } = entry.value
  return {
    account,
    platform: platform as SnapshotResult['platform'],
    label: value.label,
    url: value.url,
    status,
    ...(reason !== undefined ? { reason } : {}),
    ...(screenshot ? { screenshot } : {}),
    ...(typeof value.title === 'string' ? { title: value.title } : {}),
    metrics: metrics as SnapshotResult['metrics'],
    capturedAt,
    durationMs: 0,
    ...(competitor !== undefined ? { competitor } : {}),
  }
}

/** Copies the build's screenshots (read only) for an account that fails now; a build without any has none. */
async function copyPictures(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  const names = await readdir(from).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  for (const name of names) if (/^[a-z0-9][a-z0-9-]*\.png$/.test(name)) await copyFile(join(from, name), join(to, name))
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200)
}

function stepTimer(emit: (event: RefreshEvent) => void) {
  const started = new Map<RefreshStep, number>()
  return {
    start(step: RefreshStep) {
      started.set(step, performance.now())
      emit({ type: 'step-start', step })
    },
    done(step: RefreshStep) {
      emit({ type: 'step-done', step, ms: Math.round(performance.now() - (started.get(step) ?? performance.now())) })
    },
  }
}
