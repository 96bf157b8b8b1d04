// The app's screen state: a stack with the dashboard at the bottom; Esc
// closes the help before it leaves a screen; a finished build leaves the
// dashboard with the result on top.
import { describe, expect, it } from 'vitest'
import { currentScreen, navigate, START, type Nav } from '../../src/ui/state.js'
import { footerKeys, SCREEN_KEYS } from '../../src/ui/keys.js'
import { fit, shortLabel } from '../../src/ui/format.js'

describe('navigate', () => {
  it('opens screens on top and Esc pops them, never below the dashboard', () => {
    let nav: Nav = START
    nav = navigate(nav, { type: 'open', screen: { name: 'topics' } })
    nav = navigate(nav, { type: 'open', screen: { name: 'build-setup', topicId: 'policy' } })
    expect(currentScreen(nav)).toEqual({ name: 'build-setup', topicId: 'policy' })
    nav = navigate(nav, { type: 'back' })
    expect(currentScreen(nav).name).toBe('topics')
    nav = navigate(navigate(nav, { type: 'back' }), { type: 'back' })
    expect(nav.stack).toEqual([{ name: 'dashboard' }])
  })

  it('Esc closes the help first, and opening a screen closes it too', () => {
    const withHelp = navigate(navigate(START, { type: 'open', screen: { name: 'schedule' } }), { type: 'toggle-help' })
    expect(withHelp.help).toBe(true)
    const closed = navigate(withHelp, { type: 'back' })
    expect(closed).toEqual({ stack: withHelp.stack, help: false })
    expect(navigate(withHelp, { type: 'open', screen: { name: 'topics' } }).help).toBe(false)
  })

  it('replace swaps the top screen; finish leaves only the dashboard beneath', () => {
    const setup = navigate(navigate(START, { type: 'open', screen: { name: 'topics' } }), { type: 'open', screen: { name: 'build-setup', topicId: 'policy' } })
    const run = navigate(setup, { type: 'replace', screen: { name: 'build-run', request: { topicId: 'policy', duration: 45, formats: ['html'], snapshots: false } } })
    expect(run.stack.map((s) => s.name)).toEqual(['dashboard', 'topics', 'build-run'])
    const done = navigate(run, { type: 'finish', screen: { name: 'accounts' } })
    expect(done.stack.map((s) => s.name)).toEqual(['dashboard', 'accounts'])
  })
})

describe('keys', () => {
  it('the footer fits 80 columns on every screen and ends with help and quit', () => {
    for (const screen of Object.keys(SCREEN_KEYS) as (keyof typeof SCREEN_KEYS)[]) {
      const footer = footerKeys(screen)
      expect(footer.length, screen).toBeLessThanOrEqual(80)
      expect(footer.endsWith('? help · q quit'), screen).toBe(true)
    }
  })
})

describe('format', () => {
  it('shortLabel drops the company name where it only says whose account it is', () => {
    expect(shortLabel('Nordlys Outdoor on LinkedIn', ['Nordlys Outdoor', 'Nordlys'])).toBe('LinkedIn')
    expect(shortLabel('Nordlys on Bluesky', ['Nordlys Outdoor', 'Nordlys'])).toBe('Bluesky')
    expect(shortLabel('Ingrid Berg, CEO, on LinkedIn', ['Nordlys Outdoor'])).toBe('Ingrid Berg, CEO, on LinkedIn')
    expect(shortLabel('Nordlys on ', ['Nordlys'])).toBe('Nordlys on ')
  })

  it('fit pads short text and cuts long text with an ellipsis, by characters', () => {
    expect(fit('abc', 5)).toBe('abc  ')
    expect(fit('abcdef', 5)).toBe('abcd…')
    expect(fit('ØÆÅøæå', 4)).toBe('ØÆÅ…')
  })
})
