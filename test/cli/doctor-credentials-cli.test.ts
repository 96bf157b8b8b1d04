// The built CLI with a credentials file and tokens in the environment, as a
// user runs it: `doctor` says which credential is set and where, never its
// value (text and --json); a refused or malformed file stops every other
// command with one line (exit 2) that names the file and the fix but no
// value; and doctor's profile check sees the signed-in profile.
// Each run gets a home folder of its own, so the user's real
// ~/.config/showtell/credentials is never read.
import { chmod, mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { MINIMAL_CONFIG, makeWorkspace } from '../helpers/workspace.js'

const YT_KEY = 'AIzaCliFileKey-5566778899'
const IG_TOKEN = 'IGQVJ-cli-file-token-443322'
const X_TOKEN = 'x-cli-env-bearer-112233'
const SECRETS = [YT_KEY, IG_TOKEN, X_TOKEN]

/** A home folder with ~/.config/showtell/credentials holding `text` at `mode`. */
async function homeWith(text: string, mode = 0o600): Promise<{ home: string; file: string }> {
  const home = await mkdtemp(join(tmpdir(), 'showtell-home-'))
  const file = join(home, '.config', 'showtell', 'credentials')
  await mkdir(join(home, '.config', 'showtell'), { recursive: true, mode: 0o700 })
  await writeFile(file, text)
  await chmod(file, mode)
  return { home, file }
}

const env = (home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ HOME: home, XDG_CONFIG_HOME: '', SHOWTELL_CREDENTIALS: '', ...extra })

function leaked(...texts: string[]): string[] {
  return SECRETS.filter((secret) => texts.some((text) => text.includes(secret)))
}

const FILE_TEXT = `# showtell credentials\nSHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\nSHOWTELL_INSTAGRAM_TOKEN="${IG_TOKEN}"\n`

describe('doctor with credentials in the environment and the file', () => {
  it('names each variable and where it is set, and no value, in text and in --json', async () => {
    const workspace = await makeWorkspace()
    const { home } = await homeWith(FILE_TEXT)
    const options = { env: env(home, { SHOWTELL_X_BEARER_TOKEN: X_TOKEN, SHOWTELL_DEBUG: '1' }) }

    const text = await runCli(['doctor', '--workspace', workspace], options)
    expect(text.code, text.stdout + text.stderr).toBe(0)
    expect(text.stdout).toContain(
      [
        '✓ credentials 3 of 7 services have a credential; credentials file ~/.config/showtell/credentials: ok, 2 credentials',
        '    X API v2: SHOWTELL_X_BEARER_TOKEN set (environment)',
        '    YouTube Data API: SHOWTELL_YOUTUBE_API_KEY set (credentials file ~/.config/showtell/credentials)',
        '    Meta Graph API (Facebook Page): SHOWTELL_FACEBOOK_TOKEN not set',
        '    Meta Graph API (Instagram): SHOWTELL_INSTAGRAM_TOKEN set (credentials file ~/.config/showtell/credentials)',
        '    Threads API: SHOWTELL_THREADS_TOKEN not set',
        '    LinkedIn organization API: SHOWTELL_LINKEDIN_TOKEN not set',
        '    TikTok Display API: SHOWTELL_TIKTOK_TOKEN not set',
        // Per account, from the platform registry: the credential that would give a better source than the page.
        '    testco-linkedin: linkedin-organization-api needs SHOWTELL_LINKEDIN_TOKEN → page',
        '✓ profile     snapshot.profile not set: snapshots run signed out (showtell login PLATFORM signs a profile in)',
        '',
      ].join('\n'),
    )
    expect(leaked(text.stdout, text.stderr)).toEqual([])

    const json = await runCli(['doctor', '--json', '--workspace', workspace], options)
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout) as { checks: { name: string; services?: { variable: string; set: boolean; origin?: string }[]; file?: { state: string } }[] }
    expect(report.checks.map((c) => c.name)).toEqual(['node', 'browser', 'workspace', 'credentials', 'profile'])
    const credentials = report.checks.find((c) => c.name === 'credentials')!
    expect(credentials.file).toMatchObject({ state: 'ok' })
    expect(credentials.services!.filter((s) => s.set).map((s) => [s.variable, s.origin])).toEqual([
      ['SHOWTELL_X_BEARER_TOKEN', 'environment'],
      ['SHOWTELL_YOUTUBE_API_KEY', 'file'],
      ['SHOWTELL_INSTAGRAM_TOKEN', 'file'],
    ])
    expect(leaked(json.stdout, json.stderr)).toEqual([])
  })

  it('a file open to others: doctor fails the check (exit 2) with the fix; other commands stop with one line', async () => {
    const workspace = await makeWorkspace()
    const { home } = await homeWith(FILE_TEXT, 0o644)
    const doctor = await runCli(['doctor', '--workspace', workspace], { env: env(home) })
    expect(doctor.code).toBe(2)
    expect(doctor.stdout).toContain(
      '✗ credentials 0 of 7 services have a credential; credentials file ~/.config/showtell/credentials: refused (is not private to you: mode 0644 lets your group and other users read or change it)\n',
    )
    expect(doctor.stdout).toContain('  fix: chmod 600 ~/.config/showtell/credentials\n')
    expect(leaked(doctor.stdout, doctor.stderr)).toEqual([])

    const topics = await runCli(['topics', '--workspace', workspace], { env: env(home) })
    expect(topics).toEqual({
      code: 2,
      stdout: '',
      stderr: 'showtell: ~/.config/showtell/credentials: is not private to you: mode 0644 lets your group and other users read or change it (hint: chmod 600 ~/.config/showtell/credentials)\n',
    })
  })

  it('a bad line stops a command with the file, the line and the name, never the value', async () => {
    const workspace = await makeWorkspace()
    const { home } = await homeWith(`SHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\nSHOWTELL_INSTAGRAM_TOKN=${IG_TOKEN}\n`)
    const result = await runCli(['schedule', '--workspace', workspace], { env: env(home) })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^showtell: ~\/\.config\/showtell\/credentials:2 SHOWTELL_INSTAGRAM_TOKN: is not a credential variable of showtell \(hint: the names are .*SHOWTELL_INSTAGRAM_TOKEN.*\)\n$/)
    expect(leaked(result.stdout, result.stderr)).toEqual([])
  })

  it('SHOWTELL_CREDENTIALS naming a file inside the workspace is refused, even at 0600', async () => {
    const workspace = await makeWorkspace({ 'credentials.env': FILE_TEXT })
    await chmod(join(workspace, 'credentials.env'), 0o600)
    const home = await mkdtemp(join(tmpdir(), 'showtell-home-'))
    const result = await runCli(['topics', '--workspace', workspace], { env: env(home, { SHOWTELL_CREDENTIALS: join(workspace, 'credentials.env') }) })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `showtell: ${workspace}/credentials.env: lies inside the workspace ${workspace}, which is committed and shared (hint: move it out of the workspace, e.g. to ~/.config/showtell/credentials, and chmod 600 it)\n`,
    )
  })
})

describe("doctor's profile check", () => {
  it('names the profile and whether it exists; a remote browser gets the warning that it is not used', async () => {
    const home = await mkdtemp(join(tmpdir(), 'showtell-home-'))
    const profile = join(home, 'browser-profile')
    const workspace = await makeWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}snapshot:\n  profile: ${profile}\n` })

    const first = await runCli(['doctor', '--workspace', workspace], { env: env(home) })
    expect(first.code, first.stdout).toBe(0)
    expect(first.stdout).toContain(
      "✓ profile     ~/browser-profile: does not exist yet (signed-in browser profile, snapshot.profile)\n  warning: snapshots run signed out until `showtell login PLATFORM` signs it in\n",
    )
    // doctor's browser check started Chromium on it, which made the folder.
    expect((await stat(profile)).isDirectory()).toBe(true)
    const second = await runCli(['doctor', '--json', '--workspace', workspace], { env: env(home) })
    const check = (JSON.parse(second.stdout) as { checks: { name: string }[] }).checks.find((c) => c.name === 'profile')
    expect(check).toEqual({
      name: 'profile',
      ok: true,
      detail: '~/browser-profile (signed-in browser profile, snapshot.profile)',
      profile: { setting: profile, path: profile, exists: true, remote: false },
    })

    // Nothing listens on port 9: the browser check fails, the profile check still warns.
    const remote = await runCli(['doctor', '--workspace', workspace, '--browser-ws', 'ws://127.0.0.1:9/devtools/browser/none'], { env: env(home) })
    expect(remote.code).toBe(1)
    expect(remote.stdout).toContain("  warning: --browser-ws is set: snapshots use the remote browser's own profile, not snapshot.profile\n")
  })

  it('a profile inside the workspace fails the check with the file, line and fix (exit 2)', async () => {
    const workspace = await makeWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}snapshot:\n  profile: ./profile\n` })
    const home = await mkdtemp(join(tmpdir(), 'showtell-home-'))
    const result = await runCli(['doctor'], { cwd: workspace, env: env(home) })
    expect(result.code).toBe(2)
    // Said once, by the profile check: the browser is checked without the profile.
    expect(result.stdout).toMatch(/^✓ browser /m)
    expect(result.stdout).toContain(`✗ profile     showtell.yaml:20 snapshot.profile: the browser profile ${workspace}/profile is inside the workspace, which is committed and shared\n`)
    expect(result.stdout).toContain('  fix: put it outside the workspace, e.g. snapshot.profile: ~/.showtell/browser-profile\n')
  })
})
