// Given secrets where a careless user puts them (an X token in the
// environment, a key in an account's URL query, a password in its user-info),
// when they run the built `showtell build` and `showtell snapshot --json`,
// then the snapshots still work, and no byte they write (out/, history/, the
// validated cache, the text of both PDFs) or print holds a secret. A token
// with a newline is refused at the start, naming the variable only.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoSite, type DemoSite } from '../../src/demo-site/server.js'
import { runCli } from '../helpers/cli.js'
import { makeDemoWorkspace } from '../helpers/demo-workspace.js'
import { readPdf } from '../helpers/pdf.js'
import { listTree } from '../helpers/workspace.js'

const X_TOKEN = 'x-real-token-9a8b7c6d'
const QUERY_TOKEN = 'query-token-5678efgh'
const PASSWORD = 'leak-pass-1234wxyz'
const USER = 'leakuser'
const SECRETS = [X_TOKEN, QUERY_TOKEN, PASSWORD, USER]

let site: DemoSite

beforeAll(async () => {
  site = await startDemoSite({ xToken: X_TOKEN })
})

afterAll(async () => {
  await site?.close()
})

/** A workspace whose accounts carry secrets in their URLs, and an X account that needs the token. */
async function leakyWorkspace(): Promise<string> {
  const withUser = site.url.replace('http://', `http://${USER}:${PASSWORD}@`)
  return makeDemoWorkspace(
    site.url,
    [
      { id: 'facebook', platform: 'facebook', url: `${withUser}/facebook/nordlysoutdoor?token=${QUERY_TOKEN}&lang=en` },
      // No label and no handle: wherever the deck names it, it names it by the URL.
      { id: 'linkedin', platform: 'linkedin', url: `${site.url}/linkedin/company/nordlys-outdoor?api_key=${QUERY_TOKEN}` },
      { id: 'x', platform: 'x', handle: 'nordlysoutdoor' },
    ],
    { timeout: 8 },
  )
}

/** Every secret found in `bytes`, by name. */
function found(bytes: Buffer | string): string[] {
  return SECRETS.filter((secret) => bytes.includes(secret) || bytes.includes(encodeURIComponent(secret)))
}

/** The files under `folder` (but showtell.yaml, where the user put the secrets) that hold a secret. */
async function leaksIn(folder: string): Promise<Record<string, string[]>> {
  const leaks: Record<string, string[]> = {}
  for (const file of await listTree(folder)) {
    if (file === 'showtell.yaml') continue
    const hits = found(await readFile(join(folder, file)))
    if (hits.length > 0) leaks[file] = hits
  }
  return leaks
}

describe('secrets in the environment and in account URLs', () => {
  it('showtell build: the deck is made, the snapshots worked, and nothing written or printed holds a secret', async () => {
    const workspace = await leakyWorkspace()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-leak-cache-'))
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--duration', '45', '--json'], {
      cwd: workspace,
      env: { SHOWTELL_X_BEARER_TOKEN: X_TOKEN, SHOWTELL_CACHE_DIR: cache, SHOWTELL_DEBUG: '1' },
    })
    expect(result.stderr.split('\n').filter((line) => line.startsWith('showtell:'))).toEqual([])
    expect(result.code).toBe(0)
    expect(found(result.stdout)).toEqual([])
    expect(found(result.stderr)).toEqual([])

    // The secrets were used: the page behind user-info and the X API with the token both answered.
    const manifest = JSON.parse(result.stdout) as { snapshots: { account: string; status: string; url: string; metrics: { followers?: { value: number } } }[] }
    const byId = new Map(manifest.snapshots.map((s) => [s.account, s]))
    expect(byId.get('facebook')).toMatchObject({ status: 'ok', metrics: { followers: { value: 44_150 } } })
    expect(byId.get('x')).toMatchObject({ status: 'ok', metrics: { followers: { value: 5_120 } } })
    // The URL says where the secrets were.
    expect(byId.get('facebook')!.url).toBe(`${site.url.replace('http://', 'http://[redacted]@')}/facebook/nordlysoutdoor?token=[redacted]&lang=en`)

    const dir = join(workspace, 'out', '2026-11-24-policy')
    expect(await leaksIn(workspace)).toEqual({})
    expect(await leaksIn(cache)).toEqual({})
    for (const pdf of ['deck.pdf', 'handout.pdf']) {
      const text = (await readPdf(join(dir, pdf))).text.join('\n')
      expect(text.length, pdf).toBeGreaterThan(200)
      expect(found(text), pdf).toEqual([])
    }
    // The slides do show the snapshot: the test reads a deck that has the accounts on it.
    expect(await readFile(join(dir, 'deck.md'), 'utf8')).toContain('44,150')
  })

  it('showtell snapshot --json: the printed JSON, the files and the cache hold no secret', async () => {
    const workspace = await leakyWorkspace()
    const cache = await mkdtemp(join(tmpdir(), 'showtell-leak-cache-'))
    const env = { SHOWTELL_X_BEARER_TOKEN: X_TOKEN, SHOWTELL_CACHE_DIR: cache }
    const result = await runCli(['snapshot', '--json', '--workspace', workspace], { env })
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout) as { account: string; status: string }[]
    expect(printed.map((r) => [r.account, r.status])).toEqual([
      ['facebook', 'ok'],
      ['linkedin', 'ok'],
      ['x', 'ok'],
    ])
    expect(found(result.stdout)).toEqual([])
    expect(found(result.stderr)).toEqual([])
    // A second command reads the workspace again (through the cache, when it may be cached).
    const topics = await runCli(['topics', '--workspace', workspace], { env })
    expect(topics.code).toBe(0)
    expect(await leaksIn(workspace)).toEqual({})
    expect(await leaksIn(cache)).toEqual({})
  })

  it('the validated cache keeps its entries to this user (0600 in a 0700 folder)', async () => {
    const workspace = await makeDemoWorkspace(site.url, [{ id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` }])
    const cache = await mkdtemp(join(tmpdir(), 'showtell-mode-cache-'))
    expect((await runCli(['topics', '--workspace', workspace], { env: { SHOWTELL_CACHE_DIR: cache } })).code).toBe(0)
    const files = await listTree(cache)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(((await stat(join(cache, file))).mode & 0o777).toString(8), file).toBe('600')
    expect(((await stat(join(cache, 'validated'))).mode & 0o777).toString(8)).toBe('700')
  })
})

describe('the validated cache and a showtell.yaml that gains a secret', () => {
  it('removes the entry of the earlier text, and stores none for the new one', async () => {
    const workspace = await makeDemoWorkspace(site.url, [{ id: 'facebook', platform: 'facebook', url: `${site.url}/facebook/nordlysoutdoor` }])
    const cache = await mkdtemp(join(tmpdir(), 'showtell-gain-cache-'))
    const env = { SHOWTELL_CACHE_DIR: cache }
    expect((await runCli(['topics', '--workspace', workspace], { env })).code).toBe(0)
    const [entry, ...others] = await listTree(cache)
    expect(others).toEqual([])
    expect(await readFile(join(cache, entry!), 'utf8')).toContain('/facebook/nordlysoutdoor')
    // When the user adds a key to the account's URL
    const yaml = join(workspace, 'showtell.yaml')
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('/facebook/nordlysoutdoor', `/facebook/nordlysoutdoor?access_token=${QUERY_TOKEN}`))
    expect((await runCli(['topics', '--workspace', workspace], { env })).code).toBe(0)
    expect(await listTree(cache)).toEqual([])
  })
})

describe('a credential with a control character', () => {
  for (const command of [['snapshot'], ['build', '--topic', 'policy', '--date', '2026-11-24']]) {
    it(`showtell ${command[0]}: exit 2 naming the variable, before any work, and the token is never printed`, async () => {
      const workspace = await makeDemoWorkspace(site.url, [{ id: 'x', platform: 'x', handle: 'nordlysoutdoor' }])
      const before = await listTree(workspace)
      const result = await runCli([...command, '--workspace', workspace], { env: { SHOWTELL_X_BEARER_TOKEN: 'first-line-abcdef\nsecond-line-ghijkl', SHOWTELL_DEBUG: '1' } })
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(/^showtell: SHOWTELL_X_BEARER_TOKEN: holds a newline, which no token contains \(hint: set it to the X API bearer token alone, on one line/)
      for (const part of ['first-line', 'abcdef', 'second-line', 'ghijkl']) {
        expect(result.stdout).not.toContain(part)
        expect(result.stderr).not.toContain(part)
      }
      expect(await listTree(workspace)).toEqual(before)
    })
  }
})

describe('the error line of main', () => {
  it('passes the redactor: a URL with a key pasted as the command is named without the key', async () => {
    const result = await runCli(['https://me:pass-word-8812@h.example/feed?token=abcdef123456'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^showtell: unknown command "https:\/\/\[redacted\]@h\.example\/feed\?token=\[redacted\]"/)
    expect(result.stderr).not.toContain('pass-word-8812')
    expect(result.stderr).not.toContain('abcdef123456')
  })
})
