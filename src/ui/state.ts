// Owns the app's screen state: a stack of screens (Esc pops, the dashboard is
// the bottom) and the help overlay. Plain data and a reducer, no React, so it
// is tested on its own.
import type { BuildManifest, Format } from '../build/build.js'

/** What the Build screen runs: the same options as `showtell build`. */
export interface BuildRequest {
  readonly topicId: string
  readonly date?: string
  readonly duration: number
  readonly formats: readonly Format[]
  readonly snapshots: boolean
}

export type Screen =
  | { readonly name: 'dashboard' }
  | { readonly name: 'topics' }
  | { readonly name: 'schedule' }
  | { readonly name: 'accounts' }
  | { readonly name: 'build-setup'; readonly topicId: string; readonly date?: string; readonly duration?: number }
  | { readonly name: 'build-run'; readonly request: BuildRequest }
  | { readonly name: 'result'; readonly manifest: BuildManifest }
  /** Serving a deck folder with its live link and phone remote, as `showtell present` does. */
  | { readonly name: 'present'; readonly folder: string; readonly reason: string; readonly refreshAtStart: boolean }

export type ScreenName = Screen['name']

export interface Nav {
  readonly stack: readonly Screen[]
  readonly help: boolean
}

export type NavAction =
  | { readonly type: 'open'; readonly screen: Screen }
  /** Replaces the top screen (setup → run). */
  | { readonly type: 'replace'; readonly screen: Screen }
  /** Leaves a finished flow: the dashboard, with this screen on top. */
  | { readonly type: 'finish'; readonly screen: Screen }
  | { readonly type: 'back' }
  | { readonly type: 'toggle-help' }

export const START: Nav = { stack: [{ name: 'dashboard' }], help: false }

export function currentScreen(nav: Nav): Screen {
  return nav.stack[nav.stack.length - 1]!
}

export function navigate(nav: Nav, action: NavAction): Nav {
  switch (action.type) {
    case 'open':
      return { stack: [...nav.stack, action.screen], help: false }
    case 'replace':
      return { stack: [...nav.stack.slice(0, -1), action.screen], help: false }
    case 'finish':
      return { stack: [nav.stack[0]!, action.screen], help: false }
    case 'back':
      // Esc closes the help first; the dashboard is never popped.
      if (nav.help) return { ...nav, help: false }
      return nav.stack.length > 1 ? { stack: nav.stack.slice(0, -1), help: false } : nav
    case 'toggle-help':
      return { ...nav, help: !nav.help }
  }
}
