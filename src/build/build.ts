// Owns one build, end to end: pick the topic and date, plan the agenda, compose
// and render the deck, export the formats asked for (the PDFs, the slide
// images and the PowerPoint side by side), and swap the result into
// `out/<date>-<topic>/` with its `build.json` manifest, all under the workspace
// lock. The history and the meeting log are written before the swap, and put
// back if the swap does not happen. The CLI and the app both call
// `buildDeck`; neither reaches into the steps.
import { DEFAULT_FORMATS, IMAGES_DIR, type Format } from './formats.js'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { defaultMeetingDate, followMaterial, planFromMaterial } from '../agenda/material.js'
import { planAgenda, type AgendaPlan } from '../agenda/plan.js'
import { readLatestAudit, type StoredAudit } from '../audit/store.js'
import { BrowserManager, type BrowserOptions } from '../browser/manager.js'
import type { ChartPoint, LineChartOptions } from '../deck/chart.js'
import { composeDeck, emptySegments, type ComposeInput, type DeckModel } from '../deck/compose.js'
import { measuredSplitter } from '../deck/split.js'
import { langFor } from '../deck/lang.js'
import type { LiveMaterial } from '../deck/live.js'
import type { RenderedSlides } from '../deck/render.js'
import { accountLabels } from '../deck/segments/common.js'
import type { TemplateSet } from '../deck/templates.js'
import { appendCompetitorHistory, appendHistory, COMPETITOR_HISTORY_FILE, HISTORY_FILE, readCompetitorHistory, readHistory } from '../snapshot/history.js'
import type { SnapshotEvent } from '../snapshot/run.js'
import type { SnapshotResult } from '../snapshot/types.js'
import { UserError } from '../errors.js'
import { addDays } from '../rotation/calendar.js'
import { nextMeeting } from '../rotation/for-workspace.js'
import { describeUnreadable, MEETING_LOG_FILE, readMeetingLog, readMeetingLogFile, recordMeeting } from '../rotation/log.js'
import { requireTopic, type Workspace } from '../workspace/load.js'
import type { WorkspaceConfig } from '../workspace/schema.js'
import { isRealDate } from '../workspace/config-values.js'
import { acquireLock, stageFolder, writeFileAtomic, type StagedFolder } from '../workspace/store.js'
import { gateAt, pauseAt } from '../process/test-pause.js'
import { slideIdentity, type NamedAccount, type SlideIdentity } from './identity.js'

export { DEFAULT_FORMATS, FORMATS, type Format } from './formats.js'

export const FILE_OF: Record<Format, string> = {
  md: 'deck.md',
  html: 'deck.html',
  pdf: 'deck.pdf',
  handout: 'handout.pdf',
  share: 'deck-share.html',
  pptx: 'deck.pptx',
  // A folder: slides/deck.001.png …
  png: IMAGES_DIR,
}

/** The formats made side by side in the export phase (the browser's pages and the PowerPoint). */
const EXPORTS = ['pdf', 'handout', 'png', 'pptx'] as const satisfies readonly Format[]
type ExportFormat = (typeof EXPORTS)[number]

/**
 * The export phase's clock: its wall time, each format's own time, and their
 * sum. Side by side each step runs slower than alone (they share the CPU), so
 * the sum overstates a sequential export a little; the bench times that one.
 */
export interface ExportTimes {
  readonly wallMs: number
  readonly sumMs: number
  readonly steps: Partial<Record<ExportFormat, number>>
}

export type BuildStep = 'plan' | 'snapshots' | 'markdown' | 'html' | 'share' | 'pdf' | 'handout' | 'png' | 'pptx' | 'write'

export type BuildEvent =
  | { readonly type: 'start'; readonly topic: string; readonly date: string; readonly duration: number }
  | { readonly type: 'step-start'; readonly step: BuildStep }
  | { readonly type: 'step-done'; readonly step: BuildStep; readonly ms: number }
  /** The export steps ran side by side: the phase's wall time and the sum of their times. */
  | { readonly type: 'export-done'; readonly times: ExportTimes }
  | { readonly type: 'snapshot'; readonly event: SnapshotEvent }
  /** Something the person should fix before presenting; the build still finishes. */
  | { readonly type: 'warning'; readonly message: string }

export interface BuildOptions {
  /** A topic id; without it (or with `next`) the next topic due is built. */
  readonly topic?: string
  readonly next?: boolean
  /** Meeting date YYYY-MM-DD. @default the next meeting day in the workspace's time zone */
  readonly date?: string
  /** Minutes, 30–60. @default meeting.duration */
  readonly duration?: number
  /** @default DEFAULT_FORMATS (html, pdf, handout, md) */
  readonly formats?: readonly Format[]
  readonly snapshots?: boolean
  readonly browser?: BrowserOptions
  /** An existing browser to reuse (the app keeps one open). */
  readonly browserManager?: BrowserManager
  readonly onProgress?: (event: BuildEvent) => void
  /**
   * Cancels the build (the app's Ctrl+C): the browser is closed, the staged
   * folder is discarded, and nothing reaches out/ or the history.
   */
  readonly signal?: AbortSignal
  /** @default new Date() */
  readonly now?: Date
  /** Replaces steps of the build: tests make one fail to see what is left behind. */
  readonly steps?: Partial<BuildSteps>
}

export interface BuildManifest {
  readonly generator: string
  readonly builtAt: string
  readonly topic: { readonly id: string; readonly title: string }
  readonly date: string
  readonly duration: number
  readonly agenda: readonly {
    readonly id: string
    readonly title: string
    readonly minutes: number
    readonly slideCount: number
    readonly placeholder: boolean
  }[]
  readonly slideCount: number
  /** Every account's snapshot: status, reason, metrics, screenshot path (relative to the folder). */
  readonly snapshots: readonly SnapshotResult[]
  /** The competitors' snapshots, apart from ours (each marked `competitor`); only when the build read some. */
  readonly competitors?: readonly SnapshotResult[]
  readonly outDir: string
  /** The deliverables in the folder (build.json itself is not listed). */
  readonly files: readonly { readonly name: string; readonly bytes: number }[]
  /** What to fix before presenting (slides whose text runs off the slide). Measured when the PDF is printed. */
  readonly warnings: readonly string[]
  /** The export phase's times, when it ran (PDF, handout, PNGs, PowerPoint side by side). */
  readonly exportTimes?: ExportTimes
  /** What `present --refresh` needs to compose this deck again. Absent in build.json files written before it existed. */
  readonly refresh?: RefreshBasis
}

/**
 * The build's choices that a refresh (src/present/refresh.ts) must repeat to
 * compose the same deck with fresh snapshots, and each slide's identity
 * (identity.ts) to know which freshly composed slide is still the slide at
 * its position. The plan is the one composed (after `followMaterial`), not
 * planned again: the history has grown since, and a new plan could move slides.
 */
export interface RefreshBasis {
  /** False for a build without snapshots (--no-snapshots, or no accounts): it has no live numbers to refresh. */
  readonly snapshots: boolean
  readonly plan: AgendaPlan
  /** The deck's catalogue and theme as built (deck.language, deck.theme). */
  readonly language: string
  readonly theme: string
  readonly next?: { readonly date: string; readonly topicTitle?: string }
  /** One per slide, in deck order. */
  readonly slides: readonly SlideIdentity[]
}

export async function buildDeck(workspace: Workspace, options: BuildOptions = {}): Promise<BuildManifest> {
  const emit = options.onProgress ?? (() => {})
  const formats = new Set(options.formats ?? DEFAULT_FORMATS)
  const { config } = workspace
  const date = options.date ?? defaultMeetingDate(config, options.now)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
    throw new UserError(`not a date: "${date}"`, { location: { field: '--date' }, hint: 'use YYYY-MM-DD, e.g. 2026-11-24' })
  }
  if (options.topic && options.next) {
    throw new UserError('use either --topic or --next, not both', { location: { field: '--next' } })
  }
  const topic = options.topic ? requireTopic(workspace, options.topic) : requireTopic(workspace, (await scheduledOn(workspace, date, options.date !== undefined)).topic, '--next')
  const duration = options.duration ?? config.meeting.duration
  const timer = stepTimer(emit)

  // Everything that can fail on bad input (options, templates, a broken
  // history or audit file) fails here, before the lock creates anything.
  timer.start('plan')
  planAgenda({ duration })
  // The browser's library loads with the steps (loading it starts no browser):
  // once the lock is held, the start goes straight to Chromium.
  const browserLibrary = [...formats].some((format) => format !== 'md') ? import('puppeteer-core') : undefined
  const steps = { ...(await buildSteps()), ...options.steps }
  await browserLibrary
  const templates = await steps.loadTemplates(workspace.paths.templates)
  await readHistory(workspace.paths.root)
  await readLatestAudit(workspace.paths)
  // The lock comes before any progress line and before the browser starts: a
  // refused build says so first, and two builds never run at the same time.
  await gateAt('build:lock')
  const lock = await acquireLock(workspace.paths.lock, `building ${date}-${topic.id}`)
  try {
    return await buildLocked(workspace, options, { topic, date, duration, formats, timer, steps, templates })
  } finally {
    await lock.release()
  }
}

interface Chosen {
  readonly topic: ReturnType<typeof requireTopic>
  readonly date: string
  readonly duration: number
  readonly formats: ReadonlySet<Format>
  readonly timer: ReturnType<typeof stepTimer>
  readonly steps: BuildSteps
  readonly templates: Awaited<ReturnType<BuildSteps['loadTemplates']>>
}

async function buildLocked(workspace: Workspace, options: BuildOptions, { topic, date, duration, formats, timer, steps, templates }: Chosen): Promise<BuildManifest> {
  const emit = options.onProgress ?? (() => {})
  const { config } = workspace
  const ownBrowser = options.browserManager ? undefined : new BrowserManager(options.browser)
  const browser = options.browserManager ?? ownBrowser!
  // Chromium takes about as long to start as the deck takes to render: overlap them.
  if (formats.has('pdf') || formats.has('handout') || formats.has('png')) browser.warmUp()
  const { signal } = options
  // Closing the browser ends every page and export in flight at once. The
  // build ends only once it is closed (and its profile removed): an
  // interrupted process exits right after.
  const cancel = () => void browser.close()
  signal?.addEventListener('abort', cancel, { once: true })
  const checkpoint = () => signal?.throwIfAborted()
  let staged: StagedFolder | undefined
  const target = join(workspace.paths.out, `${date}-${topic.id}`)
  try {
    const { renderSlides, renderDeckHtml, renderShareHtml, inlineAssets, exportDeckPdf, exportHandoutPdf, renderSlideImages, renderPptx, snapshotAccounts, snapshotCompetitors } = steps
    // Read again under the lock: another build may have just added to them.
    const history = await readHistory(workspace.paths.root)
    const audit = await readLatestAudit(workspace.paths)
    timer.done('plan')
    await pauseAt('build:plan')
    emit({ type: 'start', topic: topic.id, date, duration })
    const takeSnapshots = options.snapshots !== false && config.accounts.length > 0
    // Planned from what a preview sees (the history and the audit before this
    // build's snapshots), so the minutes it showed are the minutes built.
    // With agenda.learn, the build plans from the minutes really spent, as the preview does.
    const meetings = config.agenda?.learn ? await readMeetingLog(workspace.paths.root) : undefined
    const planned = planFromMaterial({ config, topic, date, duration, history: history.entries, audit, snapshots: takeSnapshots, ...(meetings ? { meetings } : {}) })
    staged = await stageFolder(target)
    checkpoint()
    let results: SnapshotResult[] | undefined
    const warnings: string[] = []
    // Hand-edited history lines that no longer read: kept in the file, named here.
    for (const message of history.problems ?? []) {
      warnings.push(message)
      emit({ type: 'warning', message })
    }
    if (takeSnapshots) {
      timer.start('snapshots')
      results = await snapshotAccounts(config, config.accounts, {
        browser,
        outDir: join(staged.path, 'snapshots'),
        onProgress: (event) => emit({ type: 'snapshot', event }),
        signal,
      })
      timer.done('snapshots')
    }
    // The competitors, in the same run, after ours: public sources only, never
    // in the signed-in profile (snapshot/competitors.ts), kept apart from ours.
    let competitors: SnapshotResult[] | undefined
    if (options.snapshots !== false && config.competitors.some((competitor) => competitor.accounts.length > 0)) {
      checkpoint()
      competitors = await snapshotCompetitors(config, { browser, outDir: join(staged.path, 'snapshots'), onProgress: (event) => emit({ type: 'snapshot', event }), signal }, snapshotAccounts)
    }
    checkpoint()
    const folder = staged.path
    const live: LiveMaterial = {
      results,
      history: history.entries,
      audit: audit && (await withAuditScreenshots(audit, workspace.paths.root, folder)),
      ...(competitors ? { competitors } : {}),
      // Read even without snapshots: "how we compare" shows the competitors' last good values.
      ...(config.competitors.length > 0 ? { competitorHistory: (await readCompetitorHistory(workspace.paths.root)).entries } : {}),
    }
    // The planned minutes stay; a segment whose material today's snapshots brought or took shows it, or its placeholder, within them.
    const { plan, changes } = followMaterial(planned.plan, emptySegments(config, topic, live, date))
    for (const message of changes) {
      warnings.push(message)
      emit({ type: 'warning', message })
    }
    // The meeting being built counts as held when the rotation picks the next one.
    const next = await nextMeeting(workspace, addDays(date, 1), { date, topic: topic.id })
    const upcoming = next ? { date: next.date, topicTitle: workspace.topics.get(next.topic)?.topic.title } : undefined
    const composeInput = { config, topic, date, plan, next: upcoming, live }
    // In every format that shows slides; a deck.md alone needs no browser and splits by an estimate.
    const measure = [...formats].some((format) => format !== 'md')
    const deck = await composeMeasured(composeInput, { browser: measure ? browser : undefined, templates })

    timer.start('markdown')
    const { markdown, rendered } = await renderComposed(deck, folder, templates, steps)
    const withInlineAssets = async (slides: RenderedSlides): Promise<RenderedSlides> => ({ ...slides, html: await inlineAssets(slides.html, folder) })
    timer.done('markdown')
    checkpoint()
    const themeFile = templates.themes.get(deck.theme)
    if (formats.has('md')) {
      await writeStaged(join(folder, FILE_OF.md), markdown)
      if (themeFile) await copyStaged(themeFile.file, join(folder, `${deck.theme}.css`))
    }

    let html: string | undefined
    if (formats.has('html') || formats.has('pdf')) {
      timer.start('html')
      html = await renderDeckHtml(deck, rendered)
      if (formats.has('html')) await writeStaged(join(folder, FILE_OF.html), html)
      timer.done('html')
    }
    if (formats.has('share')) {
      timer.start('share')
      await writeStaged(join(folder, FILE_OF.share), await renderShareHtml(deck, rendered))
      timer.done('share')
    }
    checkpoint()

    // The exports run side by side, each on a page of its own in the one browser
    // (the PowerPoint in Node meanwhile): the phase takes about as long as the
    // longest of them, not their sum.
    const exports: Record<ExportFormat, () => Promise<void>> = {
      pdf: async () => {
        const printed = await exportDeckPdf(browser, html!, deck)
        await pauseAt('build:pdf')
        await writeStaged(join(folder, FILE_OF.pdf), printed.pdf)
        for (const o of printed.overflows) {
          const message = `slide ${o.slide} ("${o.title}", ${o.segmentTitle}) runs ${o.pixels}px past the bottom of the slide: shorten its text`
          warnings.push(message)
          emit({ type: 'warning', message })
        }
      },
      handout: async () => {
        const flat = await withInlineAssets(renderSlides(markdown, templates, { inlineSVG: false }))
        await writeStaged(join(folder, FILE_OF.handout), await exportHandoutPdf(browser, deck, flat))
      },
      png: async () => {
        const images = await renderSlideImages(browser, rendered)
        await mkdir(join(folder, FILE_OF.png), { recursive: true })
        for (const image of images) await writeStaged(join(folder, image.name), image.png)
      },
      pptx: async () => {
        await writeStaged(join(folder, FILE_OF.pptx), await renderPptx(deck, { folder, themeCss: themeFile?.css ?? '' }))
      },
    }
    const exportTimes = await runSideBySide(
      EXPORTS.filter((format) => formats.has(format)),
      exports,
      timer,
      emit,
    )
    checkpoint()
    timer.start('write')
    const named = deckAccounts(config)
    const refresh: RefreshBasis = {
      snapshots: results !== undefined,
      plan,
      language: deck.language,
      theme: deck.theme,
      ...(upcoming ? { next: upcoming } : {}),
      slides: deck.slides.map((slide) => slideIdentity(slide, named)),
    }
    const built = await manifestFor(deck, folder, target, results ?? [], warnings, formats.has('png') ? [FILE_OF.png] : [], exportTimes, refresh)
    const manifest: BuildManifest = competitors ? { ...built, competitors: competitors.map((r) => ({ ...r, screenshot: r.screenshot ? `snapshots/${r.screenshot}` : undefined })) } : built
    await writeFileAtomic(join(folder, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    await recordThenSwap(workspace.paths.root, staged, { date, topic: topic.id, deck: relative(workspace.paths.root, target) || '.', results, competitors, emit, checkpoint })
    timer.done('write')
    return manifest
  } catch (error) {
    // A disk error inside the staged folder names the file as the user will look for it.
    const path = (error as NodeJS.ErrnoException | undefined)?.path
    if (staged && typeof path === 'string' && path.startsWith(staged.path)) (error as NodeJS.ErrnoException).path = target + path.slice(staged.path.length)
    await staged?.discard()
    // After an interrupt, what failed (a closed browser, a cancelled write) is its side effect.
    throw signal?.aborted && signal.reason instanceof Error ? signal.reason : error
  } finally {
    signal?.removeEventListener('abort', cancel)
    // After a cancel, close() returns the close in flight.
    if (ownBrowser || signal?.aborted) await browser.close()
  }
}

/**
 * The history and the meeting log are written first, the new deck is swapped
 * in last: a failure in either write leaves the earlier deck where it was.
 *
 * If the swap (or an interrupt just before it) fails after they were written,
 * they are restored to the text they had: both record decks that exist, so a
 * build whose deck never arrived must leave no trace in them (the rotation
 * would otherwise count the meeting as held). We hold the lock, so nobody
 * else wrote them in between. A restore that fails too is reported as a
 * warning next to the original error.
 */
async function recordThenSwap(
  root: string,
  staged: StagedFolder,
  build: {
    readonly date: string
    readonly topic: string
    readonly deck: string
    readonly results: readonly SnapshotResult[] | undefined
    readonly competitors?: readonly SnapshotResult[] | undefined
    readonly emit: (event: BuildEvent) => void
    readonly checkpoint: () => void
  },
): Promise<void> {
  const log = await readMeetingLogFile(root)
  for (const unreadable of log.unreadable) build.emit({ type: 'warning', message: describeUnreadable(unreadable) })
  const written: { readonly file: string; readonly before: string | undefined }[] = []
  const write = async (file: string, change: () => Promise<unknown>) => {
    const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    await change()
    written.push({ file, before })
  }
  try {
    const { results } = build
    if (results) await write(join(root, HISTORY_FILE), () => appendHistory(root, build.date, results))
    const { competitors } = build
    if (competitors && competitors.length > 0) await write(join(root, COMPETITOR_HISTORY_FILE), () => appendCompetitorHistory(root, build.date, competitors))
    await write(join(root, MEETING_LOG_FILE), () => recordMeeting(root, { date: build.date, topic: build.topic, source: 'build', deck: build.deck }))
    await pauseAt('build:swap')
    build.checkpoint()
    await staged.commit()
  } catch (error) {
    for (const { file, before } of written.reverse()) {
      try {
        if (before === undefined) await rm(file, { force: true })
        else await writeFileAtomic(file, before)
      } catch (restoreError) {
        build.emit({ type: 'warning', message: `could not restore ${relative(root, file)} after the failed build (${(restoreError as Error).message}): it names a deck that was not written` })
      }
    }
    throw error
  }
}

async function manifestFor(
  deck: DeckModel,
  folder: string,
  target: string,
  results: readonly SnapshotResult[],
  warnings: readonly string[],
  /** Folders of deliverables (the slide images), listed file by file; the pictures the deck shows are not. */
  folders: readonly string[],
  exportTimes: ExportTimes | undefined,
  refresh: RefreshBasis,
): Promise<BuildManifest> {
  const filesIn = async (dir: string, prefix: string) =>
    (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => `${prefix}${entry.name}`)
  const names = [...(await filesIn(folder, '')), ...(await Promise.all(folders.map((sub) => filesIn(join(folder, sub), `${sub}/`)))).flat()].sort()
  const files = await Promise.all(
    names.map(async (name) => ({ name, bytes: (await readFile(join(folder, name))).byteLength })),
  )
  return {
    generator: 'showtell',
    builtAt: new Date().toISOString(),
    topic: { id: deck.topic.id, title: deck.topic.title },
    date: deck.date,
    duration: deck.duration,
    agenda: deck.agenda.map((segment) => ({
      id: segment.id,
      title: segment.title,
      minutes: segment.minutes,
      slideCount: segment.slideCount,
      placeholder: segment.placeholder,
    })),
    slideCount: deck.slides.length,
    snapshots: results.map((r) => ({ ...r, screenshot: r.screenshot ? `snapshots/${r.screenshot}` : undefined })),
    outDir: target,
    files,
    warnings,
    ...(exportTimes ? { exportTimes } : {}),
    refresh,
  }
}

/**
 * Composes the deck as a build does. With a browser, long lists and tables
 * split where the measured height runs out (split.ts); without one, by an
 * estimate. A refresh composes with this too, so its slides split as the
 * build's did.
 */
export async function composeMeasured(input: ComposeInput, options: { readonly browser: BrowserManager | undefined; readonly templates: TemplateSet }): Promise<DeckModel> {
  // Marp's renders from here on hold the event loop for a tenth of a second
  // at a time: a browser start under way gets as far as its process first, so
  // Chromium boots while they run.
  await options.browser?.untilSpawned()
  const split = options.browser ? await measuredSplitter(input, { browser: options.browser, templates: options.templates }) : undefined
  return composeDeck({ ...input, split })
}

/**
 * Renders a composed deck's slides as a build does: its charts written into
 * `folder`, deck.md from the templates, Marp's slides with every picture of
 * `folder` inlined as a data URI. A refresh renders with this too.
 */
export async function renderComposed(
  deck: DeckModel,
  folder: string,
  templates: TemplateSet,
  steps: Pick<BuildSteps, 'renderMarkdown' | 'renderSlides' | 'inlineAssets' | 'renderLineChart'>,
): Promise<{ readonly markdown: string; readonly rendered: RenderedSlides }> {
  await writeCharts(deck, folder, steps.renderLineChart)
  const markdown = steps.renderMarkdown(deck, templates)
  const slides = steps.renderSlides(markdown, templates)
  return { markdown, rendered: { ...slides, html: await steps.inlineAssets(slides.html, folder) } }
}

/** Every account a deck may name (ours and competitors'), as its slides name it: for the slides' identities. */
export function deckAccounts(config: WorkspaceConfig): NamedAccount[] {
  const label = accountLabels(config)
  return [...config.accounts, ...config.competitors.flatMap((competitor) => competitor.accounts)].map((account) => ({ id: account.id, label: label(account.id) }))
}

/**
 * Runs the export steps at the same time and waits for every one of them,
 * also when one fails: none may still be writing into the staged folder when
 * the build discards it. The first failure is the build's.
 */
async function runSideBySide(
  chosen: readonly ExportFormat[],
  work: Record<ExportFormat, () => Promise<void>>,
  timer: ReturnType<typeof stepTimer>,
  emit: (event: BuildEvent) => void,
): Promise<ExportTimes | undefined> {
  if (chosen.length === 0) return undefined
  const started = performance.now()
  const steps: Partial<Record<ExportFormat, number>> = {}
  const settled = await Promise.allSettled(
    chosen.map(async (format) => {
      timer.start(format)
      await work[format]()
      steps[format] = timer.done(format)
    }),
  )
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  if (failed) throw failed.reason
  const times: ExportTimes = { wallMs: Math.round(performance.now() - started), sumMs: Object.values(steps).reduce((sum, ms) => sum + ms, 0), steps }
  emit({ type: 'export-done', times })
  return times
}

/** The meeting the schedule has on `date` (or, without an explicit date, the next one). */
async function scheduledOn(workspace: Workspace, date: string, explicit: boolean) {
  const planned = await nextMeeting(workspace, date)
  if (!planned || (explicit && planned.date !== date)) {
    throw new UserError(`${date} is not a meeting day, so the schedule has no topic for it`, {
      location: { field: '--date' },
      hint: planned ? `the next meeting is ${planned.date}; or pick a topic with --topic` : 'pick a topic with --topic',
    })
  }
  return planned
}

/**
 * The heavy steps of a build (Marp, Eta, the PDF export, the snapshot run and
 * its XML parser), loaded when a build starts rather than when this module is
 * imported: the app imports `buildDeck` at start-up, long before any build.
 */
export async function buildSteps() {
  const [templates, render, share, chart, pdf, images, snapshots, competitors] = await Promise.all([
    import('../deck/templates.js'),
    import('../deck/render.js'),
    import('../deck/share.js'),
    import('../deck/chart.js'),
    import('../deck/export.js'),
    import('../deck/images.js'),
    import('../snapshot/run.js'),
    import('../snapshot/competitors.js'),
  ])
  return {
    loadTemplates: templates.loadTemplates,
    renderMarkdown: templates.renderMarkdown,
    renderSlides: render.renderSlides,
    renderDeckHtml: render.renderDeckHtml,
    renderShareHtml: share.renderShareHtml,
    inlineAssets: render.inlineAssets,
    renderLineChart: chart.renderLineChart,
    exportDeckPdf: pdf.exportDeckPdf,
    exportHandoutPdf: pdf.exportHandoutPdf,
    renderSlideImages: images.renderSlideImages,
    // Loaded only by a build that asks for deck.pptx: pptxgenjs is not needed otherwise.
    renderPptx: async (...args: Parameters<typeof import('../deck/pptx.js').renderPptx>): Promise<Buffer> => (await import('../deck/pptx.js')).renderPptx(...args),
    snapshotAccounts: snapshots.snapshotAccounts,
    snapshotCompetitors: competitors.snapshotCompetitors,
  }
}

export type BuildSteps = Awaited<ReturnType<typeof buildSteps>>

/**
 * Copies the latest audit's screenshots into the build folder (`audit/`), so
 * the deck is complete on its own, and points the findings at the copies. A
 * screenshot that has gone missing leaves its finding without a picture.
 */
export async function withAuditScreenshots(audit: StoredAudit, root: string, folder: string): Promise<StoredAudit> {
  const findings = await Promise.all(
    audit.findings.map(async (finding) => {
      if (!finding.screenshot || finding.result !== 'exists-unlisted') return finding
      const copy = `audit/${basename(finding.screenshot)}`
      try {
        await mkdir(join(folder, 'audit'), { recursive: true })
        await copyStaged(join(root, finding.screenshot), join(folder, copy))
        return { ...finding, screenshot: copy }
      } catch (error) {
        // Only a picture that is gone is left out; a full disk stops the build.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        return { ...finding, screenshot: undefined, screenshotNote: 'the screenshot file is missing; run showtell audit again' }
      }
    }),
  )
  return { ...audit, findings }
}

/** Renders each chart slide's data to the SVG file its template shows. */
async function writeCharts(deck: DeckModel, folder: string, renderLineChart: (points: readonly ChartPoint[], options?: LineChartOptions) => string): Promise<void> {
  for (const slide of deck.slides) {
    if (!slide.chart || !slide.image) continue
    await mkdir(join(folder, dirname(slide.image)), { recursive: true })
    await writeStaged(join(folder, slide.image), slide.chart.svg ?? renderLineChart(slide.chart.points, { ...(slide.chart.target ? { target: slide.chart.target } : {}), lang: langFor(deck.language) }))
  }
}

/** Writes a file of the staged folder (swapped in whole, so no temp file each); a failure names the file. */
async function writeStaged(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data).catch((error: unknown) => {
    throw naming(error, path)
  })
}

/** Copies into the staged folder; a failure to write names the copy (a missing source keeps its own path). */
async function copyStaged(from: string, to: string): Promise<void> {
  await copyFile(from, to).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? error : naming(error, to)
  })
}

function naming(error: unknown, path: string): unknown {
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') (error as NodeJS.ErrnoException).path = path
  return error
}

function stepTimer(emit: (event: BuildEvent) => void) {
  const started = new Map<BuildStep, number>()
  return {
    start(step: BuildStep) {
      started.set(step, performance.now())
      emit({ type: 'step-start', step })
    },
    /** Says the step is done, and returns its time in ms. */
    done(step: BuildStep): number {
      const ms = Math.round(performance.now() - (started.get(step) ?? performance.now()))
      emit({ type: 'step-done', step, ms })
      return ms
    },
  }
}
