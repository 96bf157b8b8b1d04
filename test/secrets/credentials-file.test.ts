// The credentials file with real files in a temporary folder: where it is
// looked for, what is refused (not private, not the user's, inside the
// workspace or a link into it, not a file, a bad line), and how its values
// reach `credential()` and the redactor but never an error message or the
// browser's environment. Expected messages are written by hand.
import { execFileSync } from 'node:child_process'
import { chmod, chown, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import {
  checkCredentials,
  credential,
  credentialValues,
  findCredential,
  useFileCredentials,
  withoutSecrets,
} from '../../src/secrets/credentials.js'
import { credentialsFilePath, inspectCredentialsFile, loadCredentialsFile, parseCredentials } from '../../src/secrets/credentials-file.js'
import { redact } from '../../src/secrets/redact.js'

const YT_KEY = 'AIzaFileKey-0123456789abcdef'
const X_FILE = 'x-file-token-aaaa1111'
const X_ENV = 'x-env-token-bbbb2222'

afterEach(() => useFileCredentials(new Map()))

async function folder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `showtell-creds-${prefix}-`))
}

/** A file with `text` and `mode`, in a fresh folder outside any workspace. */
async function credentialsAt(text: string, mode = 0o600, name = 'credentials'): Promise<string> {
  const file = join(await folder('file'), name)
  await writeFile(file, text)
  await chmod(file, mode)
  return file
}

/** What loading `file` throws (it must throw a UserError). */
async function refusal(file: string, workspace?: string): Promise<UserError> {
  try {
    await loadCredentialsFile({ env: { SHOWTELL_CREDENTIALS: file }, workspace })
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error(`${file} was not refused`)
}

describe('where the credentials file is', () => {
  it('SHOWTELL_CREDENTIALS, else $XDG_CONFIG_HOME/showtell/credentials, else ~/.config/showtell/credentials', () => {
    expect(credentialsFilePath({ SHOWTELL_CREDENTIALS: '/secure/creds', XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/secure/creds')
    expect(credentialsFilePath({ SHOWTELL_CREDENTIALS: '~/keys/showtell' }, '/home/ana')).toBe('/home/ana/keys/showtell')
    expect(credentialsFilePath({ XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/showtell/credentials')
    // A relative XDG_CONFIG_HOME is invalid by the XDG spec, and ignored.
    expect(credentialsFilePath({ XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.config/showtell/credentials')
    expect(credentialsFilePath({}, '/home/ana')).toBe('/home/ana/.config/showtell/credentials')
  })

  it('an absent file is no credentials and no error', async () => {
    const home = await folder('home')
    const file = await loadCredentialsFile({ env: {}, home })
    expect(file).toMatchObject({ state: 'absent', shown: '~/.config/showtell/credentials' })
    expect(credential('youtube', {})).toBeUndefined()
  })
})

describe('a private file outside the workspace', () => {
  it('its values reach credential(), the redactor, and checkCredentials, but not the browser environment', async () => {
    const file = await credentialsAt(`# showtell credentials\n\nSHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\nexport SHOWTELL_X_BEARER_TOKEN="${X_FILE}"\r\n`)
    const loaded = await loadCredentialsFile({ env: { SHOWTELL_CREDENTIALS: file } })
    expect(loaded.state).toBe('ok')
    expect(credential('youtube', {})).toBe(YT_KEY)
    expect(credential('x', {})).toBe(X_FILE)
    expect(credential('tiktok', {})).toBeUndefined()
    expect(findCredential('youtube', {})).toMatchObject({ origin: 'file', variable: { name: 'SHOWTELL_YOUTUBE_API_KEY' } })
    expect(redact(`GET /youtube/v3/channels?part=statistics&k=${YT_KEY} answered 403 for ${X_FILE}`, {})).toBe(
      'GET /youtube/v3/channels?part=statistics&k=[redacted] answered 403 for [redacted]',
    )
    expect(() => checkCredentials({})).not.toThrow()
    expect(JSON.stringify(withoutSecrets(process.env))).not.toContain(YT_KEY)
  })

  it('the environment wins over the file for the same variable; both values are redacted', async () => {
    useFileCredentials(new Map([['SHOWTELL_X_BEARER_TOKEN', X_FILE]]))
    const env = { SHOWTELL_X_BEARER_TOKEN: X_ENV }
    expect(credential('x', env)).toBe(X_ENV)
    expect(findCredential('x', env)?.origin).toBe('environment')
    expect(credentialValues(env).sort()).toEqual([X_ENV, X_FILE].sort())
    expect(redact(`${X_ENV} ${X_FILE}`, env)).toBe('[redacted] [redacted]')
  })

  it('quoted values are taken as they are; an empty value is not set', () => {
    const values = parseCredentials(`SHOWTELL_TIKTOK_TOKEN='act.abc#def'\n  SHOWTELL_THREADS_TOKEN = "THQ-1"  \nSHOWTELL_LINKEDIN_TOKEN=\n`, 'creds')
    expect([...values]).toEqual([
      ['SHOWTELL_TIKTOK_TOKEN', 'act.abc#def'],
      ['SHOWTELL_THREADS_TOKEN', 'THQ-1'],
    ])
  })

  it('checkCredentials refuses a file value with a control character passed in by a caller, naming the variable only', () => {
    useFileCredentials(new Map([['SHOWTELL_FACEBOOK_TOKEN', 'EAAB-one\ntwo-parts']]))
    expect(() => checkCredentials({})).toThrow(UserError)
    try {
      checkCredentials({})
    } catch (error) {
      expect((error as UserError).format()).toBe(
        'the credentials file SHOWTELL_FACEBOOK_TOKEN: holds a newline, which no token contains (hint: write a Facebook Page access token (Meta Graph API) alone after SHOWTELL_FACEBOOK_TOKEN=, on one line)',
      )
    }
  })
})

describe('a bad line: exit 2 naming the file, the line and the variable, never the value', () => {
  const cases: [string, string, string][] = [
    ['an unknown name', `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\nSHOWTELL_YOUTUBE_KEY=${YT_KEY}\n`, 'F:2 SHOWTELL_YOUTUBE_KEY: is not a credential variable of showtell (hint: the names are SHOWTELL_X_BEARER_TOKEN, X_BEARER_TOKEN, SHOWTELL_YOUTUBE_API_KEY, SHOWTELL_FACEBOOK_TOKEN, SHOWTELL_INSTAGRAM_TOKEN, SHOWTELL_THREADS_TOKEN, SHOWTELL_LINKEDIN_TOKEN, SHOWTELL_TIKTOK_TOKEN)'],
    ['a token pasted with "=" in it (its head is not shown as a name)', `# key\n${YT_KEY}==\n`, 'F:2: the text before "=" is not a credential variable of showtell (hint: the names are SHOWTELL_X_BEARER_TOKEN, X_BEARER_TOKEN, SHOWTELL_YOUTUBE_API_KEY, SHOWTELL_FACEBOOK_TOKEN, SHOWTELL_INSTAGRAM_TOKEN, SHOWTELL_THREADS_TOKEN, SHOWTELL_LINKEDIN_TOKEN, SHOWTELL_TIKTOK_TOKEN)'],
    ['a token pasted alone', `\n${YT_KEY}\n`, 'F:2: is not a NAME=value line (hint: write e.g. SHOWTELL_YOUTUBE_API_KEY=your-key; a line starting with # is a comment)'],
    ['a control character', `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY.slice(0, 8)}\u0000${YT_KEY.slice(8)}\n`, 'F:1 SHOWTELL_YOUTUBE_API_KEY: holds a NUL character, which no token contains (hint: write a YouTube Data API v3 key alone after SHOWTELL_YOUTUBE_API_KEY=)'],
    ['a tab', `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\tmine\n`, 'F:1 SHOWTELL_YOUTUBE_API_KEY: holds a tab, which no token contains (hint: write a YouTube Data API v3 key alone after SHOWTELL_YOUTUBE_API_KEY=)'],
    ['a comment after the value', `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY} # mine\n`, 'F:1 SHOWTELL_YOUTUBE_API_KEY: holds a space, which no token contains (hint: write a YouTube Data API v3 key alone after SHOWTELL_YOUTUBE_API_KEY=, and a comment on a line of its own)'],
    ['an open quote', `SHOWTELL_YOUTUBE_API_KEY="${YT_KEY}\n`, 'F:1 SHOWTELL_YOUTUBE_API_KEY: the value opens a quote (") that it does not close (hint: write SHOWTELL_YOUTUBE_API_KEY="value" on one line, or leave out the quotes)'],
    ['a variable set twice', `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\n\nSHOWTELL_YOUTUBE_API_KEY=${YT_KEY}x\n`, 'F:3 SHOWTELL_YOUTUBE_API_KEY: is set again (first on line 1) (hint: keep one line for it)'],
  ]
  for (const [what, text, message] of cases) {
    it(what, async () => {
      let thrown: unknown
      try {
        parseCredentials(text, 'F')
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(UserError)
      expect((thrown as UserError).format()).toBe(message)
      expect((thrown as UserError).exitCode).toBe(2)

      // The same through a real file: refused with its path, and the value is in no message.
      const file = await credentialsAt(text)
      const error = await refusal(file)
      expect(error.format()).toBe(message.replace(/^F/, file))
      expect(error.format()).not.toContain(YT_KEY.slice(0, 10))
      expect(credential('youtube', {})).toBeUndefined()
    })
  }
})

describe('refused unless private to the user and outside the workspace', () => {
  const text = `SHOWTELL_YOUTUBE_API_KEY=${YT_KEY}\n`

  for (const mode of [0o644, 0o640, 0o604, 0o620]) {
    it(`mode ${mode.toString(8)}: one line naming the file and chmod 600`, async () => {
      const file = await credentialsAt(text, mode)
      const error = await refusal(file)
      const to = mode === 0o644 ? 'your group and other users' : mode & 0o070 ? 'your group' : 'other users'
      expect(error.format()).toBe(`${file}: is not private to you: mode 0${mode.toString(8)} lets ${to} read or change it (hint: chmod 600 ${file})`)
      expect(error.format()).not.toContain(YT_KEY)
      expect(credential('youtube', {})).toBeUndefined()
    })
  }

  it('0400 is private enough', async () => {
    const file = await credentialsAt(text, 0o400)
    expect((await loadCredentialsFile({ env: { SHOWTELL_CREDENTIALS: file } })).state).toBe('ok')
    expect(credential('youtube', {})).toBe(YT_KEY)
  })

  it("another user's file, even 0600", async () => {
    const file = await credentialsAt(text)
    // The tests run as root, which can give the file away; any other user could not.
    await chown(file, 65534, 65534)
    const error = await refusal(file)
    expect(error.format()).toBe(`${file}: belongs to another user (uid 65534), who can change your credentials (hint: make it your own: chown "$(id -un)" ${file} && chmod 600 ${file})`)
  })

  it('a folder or a FIFO at its place is not a regular file (and the FIFO does not hang the read)', async () => {
    const dir = join(await folder('dir'), 'credentials')
    await mkdir(dir, { mode: 0o700 })
    expect((await refusal(dir)).format()).toBe(`${dir}: is not a regular file (hint: make it a file of NAME=value lines, then chmod 600 ${dir})`)
    const fifo = join(await folder('fifo'), 'credentials')
    execFileSync('mkfifo', ['-m', '600', fifo])
    expect((await refusal(fifo)).format()).toBe(`${fifo}: is not a regular file (hint: make it a file of NAME=value lines, then chmod 600 ${fifo})`)
  })

  it('inside the workspace, even 0600', async () => {
    const workspace = await folder('ws')
    await writeFile(join(workspace, 'showtell.yaml'), 'company: {}\n')
    const file = join(workspace, 'secrets', 'credentials')
    await mkdir(join(workspace, 'secrets'))
    await writeFile(file, text, { mode: 0o600 })
    const error = await refusal(file, workspace)
    expect(error.format()).toBe(`${file}: lies inside the workspace ${workspace}, which is committed and shared (hint: move it out of the workspace, e.g. to ~/.config/showtell/credentials, and chmod 600 it)`)
    expect(error.format()).not.toContain(YT_KEY)
  })

  it('a link from outside into the workspace', async () => {
    const workspace = await folder('ws')
    await writeFile(join(workspace, 'showtell.yaml'), 'company: {}\n')
    const inside = join(workspace, 'keys.env')
    await writeFile(inside, text, { mode: 0o600 })
    const link = join(await folder('link'), 'credentials')
    await symlink(inside, link)
    const error = await refusal(link, workspace)
    expect(error.format()).toBe(`${link}: is a link to ${inside}, inside the workspace, which is committed and shared (hint: move it out of the workspace, e.g. to ~/.config/showtell/credentials, and chmod 600 it)`)
  })

  it('a link to a private file outside the workspace is read; a link to a file open to others is refused', async () => {
    const workspace = await folder('ws')
    await writeFile(join(workspace, 'showtell.yaml'), 'company: {}\n')
    const target = await credentialsAt(text, 0o600, 'real')
    const link = join(await folder('link'), 'credentials')
    await symlink(target, link)
    expect((await loadCredentialsFile({ env: { SHOWTELL_CREDENTIALS: link }, workspace })).state).toBe('ok')
    expect(credential('youtube', {})).toBe(YT_KEY)
    useFileCredentials(new Map())
    await chmod(target, 0o644)
    expect((await refusal(link, workspace)).format()).toContain(`${link}: is not private to you: mode 0644`)
  })

  it('a folder without showtell.yaml is not a workspace (the home folder, where `showtell init` runs)', async () => {
    const home = await folder('home')
    await mkdir(join(home, '.config', 'showtell'), { recursive: true })
    await writeFile(join(home, '.config', 'showtell', 'credentials'), text, { mode: 0o600 })
    const file = await inspectCredentialsFile({ env: {}, home, workspace: home })
    expect(file).toMatchObject({ state: 'ok', shown: '~/.config/showtell/credentials' })
  })

  it('doctor inspects a refused file without throwing', async () => {
    const file = await credentialsAt(text, 0o644)
    const inspected = await inspectCredentialsFile({ env: { SHOWTELL_CREDENTIALS: file } })
    expect(inspected.state).toBe('refused')
    expect(inspected.values.size).toBe(0)
    expect(inspected.error?.format()).toContain('chmod 600')
  })
})
