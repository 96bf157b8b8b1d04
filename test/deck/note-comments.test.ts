// The speaker-note shortcut (src/deck/note-comments.ts) must give exactly what
// Marpit gives: the same HTML, the same notes, the same directives applied.
// Each document is rendered by our engine and by a plain marp-core engine with
// the same options, and the two compared; the comments include every kind the
// shortcut must leave to Marpit.
import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { isPlainNote } from '../../src/deck/note-comments.js'
import { renderSlides } from '../../src/deck/render.js'
import { loadTemplates } from '../../src/deck/templates.js'

const COMMENTS = [
  'Budget 1:00 for this slide (1 of 3 in Opening). Segment budget 3 min.\n\nSay this: the numbers are up.',
  'class: lead',
  '_class: lead',
  '_paginate: false',
  '"_class": invert',
  "'backgroundColor': '#123'",
  'paginate:false',
  '{ _class: lead }',
  'theme: gaia',
  'header: "Top"\n_footer: Bottom',
  'Note: the figure is from Monday',
  'First line of prose\n_class: sneaky',
  'prettier-ignore',
  'markdownlint-disable MD001',
  'lint ignore',
  '- a list\n- of things',
  '? class\n: lead',
  '&anchor class: lead',
  '!!str _class: lead',
  '',
  '   ',
  'Ends with a colon:',
  'Two\n\nparagraphs, with: a colon inside',
  'Unicode · “quotes” — 12 345 følgere',
]

function plainMarp(set: Awaited<ReturnType<typeof loadTemplates>>) {
  const marp = new Marp({ html: false, math: false, emoji: { shortcode: false, unicode: false }, minifyCSS: true, script: { source: 'inline' }, inlineSVG: true })
  for (const { css } of set.themes.values()) marp.themeSet.add(css)
  return marp
}

describe('speaker notes without YAML, the same as Marpit', () => {
  it('renders a deck of every kind of comment as marp-core does: HTML, notes and directives', async () => {
    const set = await loadTemplates()
    const slides = COMMENTS.map((comment, i) => `# Slide ${i}\n\n<!-- ${comment} -->\n\nBody <!-- inline ${comment.replace(/\n/g, ' ')} --> text`)
    const multiLine = COMMENTS.map((comment, i) => `# Multi ${i}\n\n<!--\n${comment}\n-->`)
    const md = `---\nmarp: true\ntheme: showtell\n---\n\n${[...slides, ...multiLine].join('\n\n---\n\n')}\n`
    const ours = renderSlides(md, set)
    const theirs = plainMarp(set).render(md)
    expect(ours.html).toBe(theirs.html)
    expect(ours.css).toBe(theirs.css)
    expect(ours.notes).toEqual(theirs.comments.map((list) => list.join('\n\n')))
    // And the directives did apply: the comparison is not between two decks that ignore them.
    expect(ours.html).toContain('class="lead"')
    expect(ours.notes[0]).toContain('Budget 1:00 for this slide')
  })

  it('takes the prose of a note and leaves anything that may be a directive to Marpit', () => {
    expect(isPlainNote('Budget 1:00 for this slide (1 of 3 in Opening).')).toBe(true)
    expect(isPlainNote('Social media runs around the clock: plan for it.')).toBe(true)
    expect(isPlainNote('')).toBe(true)
    for (const comment of ['class: lead', '_class: lead', '"_class": x', 'paginate:false', '{ _class: lead }', 'Prose first\n_class: x', '? class', '&a class: x', '!!str x', 'prettier-ignore', '- item']) {
      expect(isPlainNote(comment), comment).toBe(false)
    }
  })
})
