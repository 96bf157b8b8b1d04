// The deck's language (src/deck/lang.ts): the catalogues' shape against
// English's, and the Intl formats of each locale. Expected texts are written
// out by hand from the Norwegian and English conventions, not read back.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogueProblem, english, hasLanguage, langFor, languages, type Words } from '../../src/deck/lang.js'
import { UserError } from '../../src/errors.js'

const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8')) as Words

describe('the shipped catalogues', () => {
  it('are English and Norwegian Bokmål', () => {
    expect(languages()).toEqual(['en', 'nb'])
    expect(hasLanguage('nb')).toBe(true)
    expect(hasLanguage('de')).toBe(false)
    expect(hasLanguage('../en')).toBe(false)
  })

  it('each has English’s keys and placeholders', () => {
    const nb = JSON.parse(readFileSync(new URL('../../messages/nb.json', import.meta.url), 'utf8'))
    expect(catalogueProblem(en, nb)).toBeUndefined()
  })
})

describe('a catalogue that does not match English', () => {
  const copy = () => JSON.parse(JSON.stringify(en)) as Record<string, Record<string, unknown>>

  it('names a missing key', () => {
    const c = copy()
    delete c.compose!.whyTitle
    expect(catalogueProblem(en, c)).toBe('compose.whyTitle: missing')
  })

  it('names a key English does not have', () => {
    const c = copy()
    c.compose!.whyTitel = 'x'
    expect(catalogueProblem(en, c)).toBe('compose.whyTitel: not a key of messages/en.json')
  })

  it('names a placeholder lost in translation', () => {
    const c = copy()
    c.compose!.nextTitleOn = 'Neste møte: {dato}'
    expect(catalogueProblem(en, c)).toBe('compose.nextTitleOn: must use the placeholders {date}')
  })

  it('names plural forms given as plain text', () => {
    const c = copy()
    c.common!.minutes = '# minutter'
    expect(catalogueProblem(en, c)).toBe('common.minutes: must be plural forms with at least "other"')
  })

  it('accepts the plural categories another language needs', () => {
    const c = copy()
    c.common!.minutes = { one: '# minuta', few: '# minuty', many: '# minut', other: '# minuty' }
    expect(catalogueProblem(en, c)).toBeUndefined()
  })

  it('names a table header of the wrong length', () => {
    const c = copy()
    c.compose!.agendaHeader = ['Del']
    expect(catalogueProblem(en, c)).toBe('compose.agendaHeader: must be a list of 2')
  })

  it('names a locale Intl does not know', () => {
    const c = copy() as unknown as Record<string, unknown>
    c.locale = 'not a locale'
    expect(catalogueProblem(en, c)).toMatch(/^locale: "not a locale" is not a locale Intl knows/)
  })
})

describe('an unknown language', () => {
  it('is a usage error naming the languages there are', () => {
    expect(() => langFor('de')).toThrow(UserError)
    expect(() => langFor('de')).toThrow('deck.language: no catalogue for "de" (hint: use one of en, nb, or add messages/de.json)')
  })
})

describe('formats', () => {
  const nb = langFor('nb')
  const gb = english()

  it('write dates the way each language does', () => {
    expect(nb.longDate('2026-12-08')).toBe('tirsdag 8. desember 2026')
    expect(gb.longDate('2026-12-08')).toBe('Tuesday 8 December 2026')
    expect(nb.shortDate('2026-12-08')).toBe('8. des.')
    expect(gb.shortDate('2026-12-08')).toBe('8 Dec')
  })

  it('write a date inside a sentence: ISO in English as the deck always did, day and month in Norwegian, the year when it is not the meeting’s', () => {
    expect(gb.day('2026-11-17', '2026-12-08')).toBe('2026-11-17')
    expect(nb.day('2026-11-17', '2026-12-08')).toBe('17. november')
    expect(nb.day('2025-11-17', '2026-12-08')).toBe('17. november 2025')
    expect(nb.day('2027-03-30')).toBe('30. mars 2027')
    expect(nb.day('not a date')).toBe('not a date')
  })

  it('never shifts the calendar date', () => {
    expect(nb.longDate('2026-01-01')).toBe('torsdag 1. januar 2026')
  })

  it('group thousands with a space in Norwegian and a comma in English', () => {
    // Norwegian groups with a no-break space (U+00A0), so a number never breaks over two lines.
    expect(nb.count(12345)).toBe('12\u00a0345')
    expect(gb.count(12345)).toBe('12,345')
    expect(nb.number(4.25, { digits: 1 })).toBe('4,3')
    expect(nb.number(-1200, { signed: true })).toBe('−1\u00a0200')
  })

  it('count with the language’s own plural forms', () => {
    expect(nb.plural(1, nb.w.compose.decisions)).toBe('1 beslutning å ta i dag')
    expect(nb.plural(3, nb.w.compose.decisions)).toBe('3 beslutninger å ta i dag')
    expect(gb.plural(1, gb.w.compose.decisions)).toBe('1 decision to take today')
    expect(gb.plural(1200, gb.w.common.minutes)).toBe('1,200 minutes')
  })

  it('fill placeholders and leave unknown ones visible', () => {
    expect(nb.say(nb.w.compose.nextTitleOn, { date: nb.longDate('2026-12-15') })).toBe('Neste møte: tirsdag 15. desember 2026')
    expect(gb.say('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })

  it('mark a change in the language’s words', () => {
    expect(nb.change(1234)).toBe('▲ 1\u00a0234')
    expect(nb.change(-5)).toBe('▼ 5')
    expect(nb.change(0)).toBe('uendret')
    expect(gb.change(0)).toBe('no change')
  })
})
