// Owns the keys of each screen, as data: the footer and the `?` overlay both
// read them, so what the help says is what the screen does.
import type { ScreenName } from './state.js'

/** Key, what it does (for the help), and a short form for the footer (none: help only). */
export type KeyHelp = readonly (readonly [key: string, does: string, short?: string])[]

export const GLOBAL_KEYS: KeyHelp = [
  ['↑ ↓  j k', 'move'],
  ['Enter', 'select'],
  ['Esc', 'back'],
  ['?', 'this help'],
  ['q', 'quit'],
]

export const SCREEN_KEYS: Record<ScreenName, KeyHelp> = {
  dashboard: [
    ['Enter', 'build the next meeting’s deck', 'build'],
    ['t', 'topics: browse, preview, build', 'topics'],
    ['s', 'schedule: pin, skip, mark held', 'schedule'],
    ['a', 'accounts: metrics, snapshot', 'accounts'],
    // Help only: the footer has no room left at 80 columns, and P opens the deck too.
    ['o', 'open the latest deck.html'],
    ['P', 'present the next meeting’s deck (or the latest) with fresh numbers and the phone remote', 'present'],
  ],
  topics: [
    ['Enter', 'build the selected topic', 'build'],
    ['← →', 'preview at 5 minutes less or more', 'minutes'],
  ],
  schedule: [
    ['p', 'pin a topic to the selected date', 'pin'],
    ['u', 'unpin the selected date', 'unpin'],
    ['s', 'skip the selected date, or un-skip it', 'skip'],
    ['h', 'mark the selected meeting held', 'held'],
    ['+ -', 'show more or fewer weeks'],
  ],
  accounts: [
    ['Tab', 'next view: ours, executives, competitors (Shift+Tab: back)', 'view'],
    ['Enter', 'snapshot the selected account', 'snapshot'],
    ['A', 'snapshot every account in this view', 'all'],
    ['e', 'enter a figure by hand for the selected account', 'by hand'],
    ['← →', 'in that form: followers, following or posts'],
    ['Tab', 'in that form: the value or the note'],
    ['Ctrl+C', 'cancel a snapshot run'],
  ],
  'build-setup': [
    ['← →', 'duration: 1 minute less or more', 'minutes'],
    ['Space', 'switch the selected option on or off', 'on/off'],
    ['Enter', 'start the build', 'build'],
  ],
  'build-run': [
    ['Ctrl+C', 'cancel: the browser closes, nothing is written', 'cancel'],
    ['Esc', 'cancel while it runs; back once it has stopped'],
  ],
  present: [
    ['o', 'open the deck in the browser again', 'open'],
    ['r', 'take fresh numbers now and swap them into the open deck', 'refresh'],
    ['Esc', 'stop presenting and go back'],
  ],
  result: [
    ['o', 'open deck.html in the browser', 'open html'],
    ['p', 'open deck.pdf', 'open pdf'],
    ['P', 'present this deck: serve it with the phone remote and the pacing', 'present'],
    ['Esc', 'back to the dashboard'],
  ],
}

/** The footer while the Accounts screen's by-hand form is open: every key goes to it. */
export const HAND_FORM_KEYS = 'Enter save · ← → metric · Tab value/note · Esc cancel'

/** The short footer line: the screen's own keys, then Esc, ? and q. */
export function footerKeys(screen: ScreenName): string {
  const own = SCREEN_KEYS[screen].filter(([, , short]) => short !== undefined).map(([key, , short]) => `${key} ${short}`)
  // While a build runs, Esc (like Ctrl+C) cancels it rather than going back.
  return [...own, ...(screen === 'dashboard' || screen === 'build-run' ? [] : ['Esc back']), '? help', 'q quit'].join(' · ')
}
