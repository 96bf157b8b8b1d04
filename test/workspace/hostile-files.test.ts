// Hostile workspace files, end to end through the built CLI: files that link
// out of the workspace, YAML bombs, files too large to be real, overlong
// fields and lists, bytes that are not UTF-8, and a megabyte-long word. Each
// is exit 2 within seconds with the file, the line and the field where there
// is one, and a hint; or, for a long word within the limits, a deck whose text
// wraps. None may hang: every run is killed after 60 s, and a killed run has
// no exit code, so a hang fails the test instead of stalling the suite.
//
// Every expected line number was counted by hand in its fixture.
import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliResult } from '../helpers/cli.js'
import { readPdf } from '../helpers/pdf.js'
import { makeWorkspace, MINIMAL_CONFIG } from '../helpers/workspace.js'

const BUILD_MD = ['build', '--topic', 'custom', '--date', '2026-11-24', '--no-snapshots', '--format', 'md']
const HANG = 60_000

// The same valid topic as validation.test.ts (16 lines):
//  1 id  2 title  3 summary  4 why  5 - item  6 keyPoints  7 - title  8 detail  9 notes
// 10 demo  11 focus  12 platforms  13 exercise  14 title  15 steps  16 - item
const VALID_TOPIC = `id: custom
title: A custom topic
summary: One paragraph about it.
why:
  - It matters now.
keyPoints:
  - title: A point
    detail: Some detail.
    notes: Speaker notes.
demo:
  focus: Look at the feeds.
  platforms: [linkedin, x]
exercise:
  title: Try it
  steps:
    - Do the thing.
`

/** Runs in the workspace, as a user would, so files are shown relative to it. */
async function run(dir: string, args: readonly string[] = BUILD_MD): Promise<CliResult> {
  return runCli([...args], { cwd: dir, timeoutMs: HANG })
}

/** Exit 2, one line on stderr that starts with `where: ` and has a hint, nothing on stdout. */
function expectRefused(result: CliResult, where: string, says: string | RegExp): void {
  expect(result.code, result.stderr).toBe(2)
  expect(result.stdout).toBe('')
  const line = result.stderr.trimEnd()
  expect(line.split('\n')).toHaveLength(1)
  expect(line.startsWith(`showtell: ${where}: `), line).toBe(true)
  expect(line).toMatch(says)
  expect(line).toMatch(/\(hint: .+\)$/)
}

/** A folder outside every workspace holding `files`. */
async function outsideFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'showtell-outside-'))
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
  return dir
}

describe('files that resolve outside the workspace', () => {
  // If read, this is a YAML string where a map belongs, and the schema error would quote it.
  const MARKER = 'PRIVATE-MARKER-7f3a9c'
  const secret = `${MARKER} the first line of a private file\n`

  it('a topic file linked to a file outside is refused, and nothing of that file is printed', async () => {
    const outside = await outsideFolder({ 'secret.yaml': secret })
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await symlink(join(outside, 'secret.yaml'), join(dir, 'topics', 'leak.yaml'))
    for (const args of [BUILD_MD, ['topics']]) {
      const result = await run(dir, args)
      expectRefused(result, 'topics/leak.yaml', /resolves outside the workspace/)
      expect(result.stdout + result.stderr).not.toContain(MARKER)
    }
  })

  it('a topics folder linked to a folder outside is refused', async () => {
    const outside = await outsideFolder({ 'custom.yaml': secret })
    const dir = await makeWorkspace()
    await symlink(outside, join(dir, 'topics'))
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml', /resolves outside the workspace/)
    expect(result.stdout + result.stderr).not.toContain(MARKER)
  })

  it('a relative link that climbs out (../) is refused the same way', async () => {
    const outside = await outsideFolder({ 'secret.yaml': secret })
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'topics'))
    await symlink(join('..', '..', outside.split('/').at(-1)!, 'secret.yaml'), join(dir, 'topics', 'leak.yaml'))
    const result = await run(dir, ['topics'])
    expectRefused(result, 'topics/leak.yaml', /resolves outside the workspace/)
    expect(result.stdout + result.stderr).not.toContain(MARKER)
  })

  it('a link that stays inside the workspace is fine', async () => {
    const dir = await makeWorkspace({ 'shared/custom.yaml': VALID_TOPIC })
    await mkdir(join(dir, 'topics'))
    await symlink(join('..', 'shared', 'custom.yaml'), join(dir, 'topics', 'custom.yaml'))
    const result = await run(dir, ['topics', '--json'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('"custom"')
  })

  it('a template linked to a file outside is refused, and its content is never printed', async () => {
    const outside = await outsideFolder({ 'title.md.eta': `<%= it.nope.${MARKER} %>\n` })
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await mkdir(join(dir, 'templates', 'slides'), { recursive: true })
    await symlink(join(outside, 'title.md.eta'), join(dir, 'templates', 'slides', 'title.md.eta'))
    const result = await run(dir)
    expectRefused(result, 'templates/slides/title.md.eta', /resolves outside the workspace/)
    expect(result.stdout + result.stderr).not.toContain(MARKER)
  })

  it('a templates/slides folder linked to a folder outside is refused', async () => {
    const outside = await outsideFolder({ 'title.md.eta': `${MARKER}\n` })
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await mkdir(join(dir, 'templates'))
    await symlink(outside, join(dir, 'templates', 'slides'))
    const result = await run(dir)
    expectRefused(result, 'templates/slides', /resolves outside the workspace/)
    expect(result.stdout + result.stderr).not.toContain(MARKER)
  })

  it('a theme linked to a file outside is refused', async () => {
    const outside = await outsideFolder({ 'evil.css': `/* @theme ${MARKER} */\n` })
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await mkdir(join(dir, 'templates'))
    await symlink(join(outside, 'evil.css'), join(dir, 'templates', 'evil.css'))
    const result = await run(dir)
    expectRefused(result, 'templates/evil.css', /resolves outside the workspace/)
    expect(result.stdout + result.stderr).not.toContain(MARKER)
  })
})

describe('files that are not files', () => {
  it('a named pipe in place of a topic file is refused instead of read forever', async () => {
    const dir = await makeWorkspace()
    await mkdir(join(dir, 'topics'))
    execFileSync('mkfifo', [join(dir, 'topics', 'custom.yaml')])
    const result = await run(dir, ['topics'])
    expectRefused(result, 'topics/custom.yaml', /not a regular file/)
  })
})

describe('hostile YAML', () => {
  it('an alias bomb ("billion laughs") is refused at the first alias', async () => {
    // Nine levels of nine aliases: 9^9 (387 million) strings once expanded.
    const levels = 'abcdefghi'.split('')
    const bomb = [
      `${VALID_TOPIC}lol0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
      ...levels.slice(1).map((name, i) => `lol${i + 1}: &${name} [${Array(9).fill(`*${levels[i]}`).join(',')}]`),
    ].join('\n')
    const dir = await makeWorkspace({ 'topics/custom.yaml': `${bomb}\n` })
    const result = await run(dir)
    // Line 17 holds the anchor; line 18 the first alias.
    expectRefused(result, 'topics/custom.yaml:18', /aliases \(\*name\) expand to more than 100 copies/)
  })

  it('an alias bomb in showtell.yaml is refused the same way', async () => {
    const bomb = `${MINIMAL_CONFIG}x-a: &a [1,1,1,1,1,1,1,1,1,1]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx-d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`
    const dir = await makeWorkspace({ 'showtell.yaml': bomb })
    const result = await run(dir, ['topics'])
    // MINIMAL_CONFIG is 18 lines: x-a is line 19, the first alias on line 20.
    expectRefused(result, 'showtell.yaml:20', /aliases/)
  })

  it('half a million nested brackets are refused before the parser runs out of memory', async () => {
    const deep = `${VALID_TOPIC}x: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`
    const dir = await makeWorkspace({ 'topics/custom.yaml': deep })
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:17', /nested more than 64 levels deep/)
  })
})

describe('size limits', () => {
  it('a showtell.yaml over 1 MB is refused before it is parsed', async () => {
    // 25,000 comment lines of 99 bytes, about 2.4 MB: valid YAML that would otherwise be parsed in full.
    const big = `${MINIMAL_CONFIG}${`# ${'padding '.repeat(12)}\n`.repeat(25_000)}`
    const dir = await makeWorkspace({ 'showtell.yaml': big })
    const result = await run(dir, ['topics'])
    expectRefused(result, 'showtell.yaml', /the file is 2\.4 MB; the limit is 1 MB/)
  })

  it('a topic file over 1 MB (one megabyte-long word) is refused before it is parsed', async () => {
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC.replace('One paragraph about it.', 'w'.repeat(1_048_576)) })
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml', /the limit is 1 MB/)
  })

  it('a word of 900,000 characters (under the file limit) is refused with its field', async () => {
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC.replace('One paragraph about it.', 'w'.repeat(900_000)) })
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:3 summary', /is 900000 characters long; the limit is 2000/)
  })

  it('an overlong title is refused with its line and field', async () => {
    // 20 × 13 characters, less the trailing space YAML drops: 259.
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC.replace('title: A point', `title: ${'A long point '.repeat(20)}`) })
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:7 keyPoints[0].title', /is 259 characters long; the limit is 200/)
  })

  it('an overlong list is refused with its line and field', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `  - Reason ${i + 1}.`).join('\n')
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC.replace('  - It matters now.', many) })
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:4 why', /has 60 items; the limit is 50/)
  })

  it('an overlong company name in showtell.yaml is refused with its line and field', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': MINIMAL_CONFIG.replace('name: Testco', `name: ${'T'.repeat(5_000)}`) })
    const result = await run(dir, ['topics'])
    expectRefused(result, 'showtell.yaml:3 company.name', /is 5000 characters long; the limit is 200/)
  })
})

describe('bytes that are not UTF-8 text', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8')

  it('invalid UTF-8 is refused with the line of the first bad byte', async () => {
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    // "café" in Latin-1 on line 3: 0xE9 followed by a newline is not UTF-8.
    const [before, after] = VALID_TOPIC.split('One paragraph about it.')
    await writeFile(join(dir, 'topics', 'custom.yaml'), Buffer.concat([bytes(`${before}Caf`), Buffer.from([0xe9]), bytes(`.${after}`)]))
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:3', /the file is not valid UTF-8/)
    expect(result.stderr).not.toContain('\uFFFD')
  })

  it('a UTF-16 file with a byte-order mark is refused', async () => {
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await writeFile(join(dir, 'topics', 'custom.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_TOPIC, 'utf16le')]))
    const result = await run(dir)
    expectRefused(result, 'topics/custom.yaml:1', /saved as UTF-16/)
  })

  it('a UTF-16 file without a byte-order mark is refused', async () => {
    const dir = await makeWorkspace()
    await writeFile(join(dir, 'showtell.yaml'), Buffer.from(MINIMAL_CONFIG, 'utf16le'))
    const result = await run(dir, ['topics'])
    expectRefused(result, 'showtell.yaml:1', /saved as UTF-16 \(it has no byte-order mark\)/)
  })

  it('a template that is not UTF-8 is refused', async () => {
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC })
    await mkdir(join(dir, 'templates', 'slides'), { recursive: true })
    await writeFile(join(dir, 'templates', 'slides', 'title.md.eta'), Buffer.concat([bytes('# <%= it.slide.title %>\n\nline two '), Buffer.from([0xc3, 0x28]), bytes('\n')]))
    const result = await run(dir)
    expectRefused(result, 'templates/slides/title.md.eta:3', /not valid UTF-8/)
  })
})

describe('a long unbroken word within the limits', () => {
  it('builds in normal time, and the word wraps on the slide', async () => {
    // 180 characters: under the title limit, five times wider than a slide at 44px.
    const word = `W${'q'.repeat(178)}W`
    const dir = await makeWorkspace({ 'topics/custom.yaml': VALID_TOPIC.replace('title: A point', `title: ${word}`) })
    const result = await run(dir, ['build', '--topic', 'custom', '--date', '2026-11-24', '--no-snapshots', '--format', 'pdf'])
    expect(result.code, result.stderr).toBe(0)
    const pdf = await readPdf(join(dir, 'out', '2026-11-24-custom', 'deck.pdf'))
    const page = pdf.text.find((text) => text.includes('Wqq'))
    expect(page, 'the key point slide shows the word').toBeDefined()
    // Wrapped, the word is printed as several lines, each a piece of it; unwrapped it would be one run, cut off at the slide's edge.
    expect(page!.match(/[Wq]{2,}/g)!.length).toBeGreaterThanOrEqual(3)
    expect(page!.replace(/\s+/g, '')).toContain(word)
  })
})
