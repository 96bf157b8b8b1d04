// Given a deck page that never finishes a step (a script that spins forever
// stands in for a layout the browser cannot finish), when the PDF export runs,
// then it fails within its step's time limit with a message that names the
// file and the step, instead of waiting out the browser's own timeout.
// Real Chromium; the pages are inline HTML, no network.
import { afterAll, describe, expect, it } from 'vitest'
import type { DeckModel } from '../../src/deck/compose.js'
import { exportDeckPdf, exportHandoutPdf } from '../../src/deck/export.js'
import { RuntimeError } from '../../src/errors.js'
import { testBrowser } from '../helpers/browser.js'

const manager = testBrowser()
afterAll(() => manager.close())

const longWord = 'x'.repeat(150)
// Only what the export reads from the model: the meta data, the bookmarks and the slides' text.
const deck = {
  company: 'Testco',
  topic: { id: 'policy', title: 'Policy' },
  date: '2026-11-24',
  duration: 45,
  agenda: [],
  slides: [
    { index: 1, title: 'Short', bullets: ['a few words'] },
    { index: 2, title: 'The long one', lead: `see ${longWord} here` },
  ],
} as unknown as DeckModel

const SHORT = { load: 1_500, assets: 1_500, measure: 1_500, print: 1_500 }

describe('PDF export time limits', () => {
  it('a page whose load never ends fails in the load step, naming deck.pdf and the slide with the longest word', async () => {
    const html = '<!DOCTYPE html><html><body><section>slide</section><script>for (;;) {}</script></body></html>'
    const error = await exportDeckPdf(manager, html, deck, { timeouts: SHORT }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RuntimeError)
    expect((error as RuntimeError).message).toBe('deck.pdf: loading the deck took longer than 2 s, so the export was stopped')
    expect((error as RuntimeError).hint).toContain('slide 2 ("The long one") holds the longest unbroken text (150 characters)')
  })

  it('a page that loads and then spins fails in the next step, not later', async () => {
    // The spin starts after the load event, so loading succeeds and waiting for fonts and images cannot.
    const html = '<!DOCTYPE html><html><body><section>slide</section><script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 0))</script></body></html>'
    const error = await exportDeckPdf(manager, html, deck, { timeouts: SHORT }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RuntimeError)
    expect((error as RuntimeError).message).toMatch(/^deck\.pdf: (waiting for fonts and images|switching to print layout|measuring the slides) took longer than 2 s/)
  })

  it('the handout has the same limits', async () => {
    const rendered = { html: '<div class="marpit"><section>slide</section></div><script>for (;;) {}</script>', css: '', notes: [''] }
    const error = await exportHandoutPdf(manager, deck, rendered as never, { timeouts: SHORT }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RuntimeError)
    expect((error as RuntimeError).message).toMatch(/^handout\.pdf: \w[\w ]* took longer than 2 s/)
  })

  it('the browser is still usable after a stopped export', async () => {
    const html = '<!DOCTYPE html><html><body><section>slide one</section></body></html>'
    const printed = await exportDeckPdf(manager, html, deck, { timeouts: SHORT })
    expect(Buffer.from(printed.pdf.subarray(0, 5)).toString()).toBe('%PDF-')
  })
})
