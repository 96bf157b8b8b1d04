// Owns what the app can do, as one object of functions: the same ones the
// subcommands call. Tests pass the real ones (or replace `open`, which would
// start a desktop program), with a fixed `now`: every screen asks the clock
// here, so what "today" and "the next meeting" are does not change with the
// day the tests run.
//
// What only an action needs (a schedule edit, a build, a snapshot) loads on
// first use, not before the dashboard's first frame: the YAML editor, zod and
// the build pipeline are not needed to show it.
import type { BrowserManager } from '../browser/manager.js'
import type { BuildManifest, BuildOptions } from '../build/build.js'
import type { PlannedFromMaterial } from '../agenda/material.js'
import type { DeckChoice } from '../present/pick.js'
import type { PresentingSession } from '../present/session.js'
import { loadOverview, type Overview } from '../overview/overview.js'
import type { ScheduleChange } from '../rotation/changes.js'
import { todayIn } from '../rotation/calendar.js'
import { scheduleFor } from '../rotation/for-workspace.js'
import type { PlannedMeeting } from '../rotation/schedule.js'
import { listTopicStatus, type TopicStatus } from '../rotation/topic-status.js'
import type { HandFigure } from '../snapshot/hand.js'
import type { TakenSnapshots, TakeSnapshotsOptions } from '../snapshot/take.js'
import { loadWorkspace, type Workspace } from '../workspace/load.js'

export interface AppServices {
  loadWorkspace(): Promise<Workspace>
  overview(workspace: Workspace): Promise<Overview>
  topics(workspace: Workspace): Promise<TopicStatus[]>
  /**
   * The agenda a build of this topic will have, planned as `buildDeck` plans
   * it (agenda/material.ts), with the words for the material it assumed.
   */
  agenda(workspace: Workspace, topicId: string, options: AgendaOptions): Promise<PlannedFromMaterial & { readonly date: string }>
  schedule(workspace: Workspace, weeks: number): Promise<PlannedMeeting[]>
  changeSchedule(workspace: Workspace, change: ScheduleChange): Promise<string>
  markHeld(workspace: Workspace, date: string, topicId?: string): Promise<string>
  build(workspace: Workspace, options: BuildOptions): Promise<BuildManifest>
  snapshot(workspace: Workspace, options: TakeSnapshotsOptions): Promise<TakenSnapshots>
  /**
   * Records one figure by hand for today, as `showtell record` does: the same
   * checks (a bad value is a UserError) and the same write under the lock.
   */
  record(workspace: Workspace, figure: HandEntry): Promise<HandFigure>
  /** The deck the dashboard's `P` presents: the next meeting's, else the latest build (as `showtell present`). */
  presentChoice(workspace: Workspace): Promise<DeckChoice>
  /**
   * Serves a deck folder on 127.0.0.1 with its live link and phone remote,
   * as `showtell present` does; fresh numbers (the build's own snapshot
   * functions) at the start when asked, and on `session.refresh()`.
   */
  present(workspace: Workspace, folder: string, options: { readonly refreshAtStart: boolean }): Promise<PresentingSession>
  /** Opens a file (or a URL) in the desktop's default program. */
  open(path: string): Promise<void>
  /** The one browser the app shares between builds and snapshots. */
  readonly browser: BrowserManager
  /** The clock every screen reads: "today" is `todayIn(timezone, now())`. */
  now(): Date
}

/** What a preview plans for: the build's own choices. */
export interface AgendaOptions {
  readonly duration: number
  /** @default the next meeting day */
  readonly date?: string
  /** Whether the build takes snapshots. @default true */
  readonly snapshots?: boolean
}

/** What the Accounts screen's form holds: the value as typed, checked by `checkFigure`. */
export interface HandEntry {
  readonly account: string
  readonly metric: string
  readonly value: string
  readonly note?: string
}

export interface ServiceOptions {
  /** @default () => new Date() */
  readonly now?: () => Date
}

export function realServices(workspaceDir: string, browser: BrowserManager, options: ServiceOptions = {}): AppServices {
  const now = options.now ?? (() => new Date())
  const today = (workspace: Workspace) => todayIn(workspace.config.meeting.timezone, now())
  return {
    loadWorkspace: () => loadWorkspace(workspaceDir),
    overview: (workspace) => loadOverview(workspace, { now: now() }),
    topics: (workspace) => listTopicStatus(workspace, { from: today(workspace) }),
    // The planner reads the deck's composition rules (and through them the schemas): loaded when a
    // screen first shows an agenda, not with the dashboard's first frame (test/cli/lazy-imports.test.ts).
    agenda: async (workspace, topicId, options) => {
      const { planPreview } = await import('../agenda/material.js')
      return planPreview(workspace, workspace.topics.get(topicId)!.topic, { ...options, now: now() })
    },
    schedule: (workspace, weeks) => scheduleFor(workspace, { weeks, from: today(workspace) }),
    changeSchedule: async (workspace, change) => (await import('../rotation/changes.js')).changeSchedule(workspace, change),
    markHeld: async (workspace, date, topicId) => (await import('../rotation/changes.js')).markHeld(workspace, date, topicId),
    // A cancelled run closed the shared browser; the next one may start it again.
    build: async (workspace, options) => {
      browser.reopen()
      return (await import('../build/build.js')).buildDeck(workspace, { now: now(), ...options, browserManager: browser })
    },
    snapshot: async (workspace, options) => {
      browser.reopen()
      return (await import('../snapshot/take.js')).takeSnapshots(workspace, { ...options, browserManager: browser })
    },
    record: async (workspace, entry) => {
      const { checkFigure, recordFigures } = await import('../snapshot/hand.js')
      const date = today(workspace)
      // The form's fields, named as the screen shows them, for the error line.
      const figure = checkFigure(workspace, { ...entry, date, where: (field) => ({ field }) }, date)
      await recordFigures(workspace, [figure], now())
      return figure
    },
    presentChoice: async (workspace) => (await import('../present/pick.js')).deckFolderFor(workspace, { now: now() }),
    present: async (workspace, folder, { refreshAtStart }) => {
      const [{ startPresenting }, { refreshDeck, slidesPayload }] = await Promise.all([import('../present/session.js'), import('../present/refresh.js')])
      browser.reopen()
      return startPresenting({
        folder,
        hosts: ['127.0.0.1'],
        refreshAtStart,
        ...(workspace.config.accounts.length > 0 ? { refresh: async (signal: AbortSignal) => slidesPayload(await refreshDeck({ workspace, folder, browserManager: browser, signal })) } : {}),
      })
    },
    open: async (path) => {
      // Loaded on use: most sessions never open a file.
      // It resolves once the opener has started (and rejects when it cannot start).
      const { default: open } = await import('open')
      await open(path)
    },
    browser,
    now,
  }
}
