// `build`, `doctor`, `snapshot`, `audit` and the app use `browser:` in
// showtell.yaml the same way (the flags first, then the file), and an error
// about the setting names where it came from: `showtell.yaml:N browser.path`
// or `--browser-path`, before any lock, progress line or browser. Built CLI,
// real Chromium; the only network address is 127.0.0.1.
import { existsSync } from 'node:fs'
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { installedBrowser } from '../helpers/browser.js'
import { CLI, runCli } from '../helpers/cli.js'
import { demoConfigObject } from '../helpers/demo-workspace.js'
import { makeWorkspace, MINIMAL_CONFIG } from '../helpers/workspace.js'

const PDF_BUILD = ['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'pdf']

// MINIMAL_CONFIG is 18 lines, so `browser:` is line 19 and its field line 20.
const withBrowser = (field: string) => `${MINIMAL_CONFIG}browser:\n  ${field}\n`

describe('browser.path in showtell.yaml', () => {
  it('build: a path that is not an executable is exit 2, naming the file, line and field', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser('path: /nonexistent/chrome') })
    const result = await runCli(PDF_BUILD, { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^showtell: showtell\.yaml:20 browser\.path: no executable browser at \/nonexistent\/chrome \(hint: .*browser\.path.*\)\n$/)
  })

  it('doctor: the same setting fails the browser check, exit 2, naming the file, line and field', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser('path: /nonexistent/chrome') })
    const result = await runCli(['doctor'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('✗ browser     showtell.yaml:20 browser.path: no executable browser at /nonexistent/chrome\n')
    expect(result.stdout).toContain('✓ workspace')
  })

  it('the flag wins over the file, and an error then names the flag', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser(`path: ${installedBrowser('headless shell')}`) })
    const build = await runCli([...PDF_BUILD, '--browser-path', '/nonexistent/chrome'], { cwd: dir })
    expect(build.code).toBe(2)
    expect(build.stderr).toMatch(/^showtell: --browser-path: no executable browser at \/nonexistent\/chrome \(hint: /)
    expect(build.stderr).not.toContain('showtell.yaml')
    const doctor = await runCli(['doctor', '--browser-path', '/nonexistent/chrome'], { cwd: dir })
    expect(doctor.code).toBe(2)
    expect(doctor.stdout).toContain('✗ browser     --browser-path: no executable browser at /nonexistent/chrome\n')
  })

  it('a Markdown-only build starts no browser, so a bad setting does not stop it', async () => {
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser('path: /nonexistent/chrome') })
    const result = await runCli(['build', '--topic', 'policy', '--date', '2026-11-24', '--no-snapshots', '--format', 'md'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
  })

  it('a real path given only in showtell.yaml is the browser that build and doctor use', async () => {
    // A wrapper that leaves a mark, then becomes the real headless shell (exec: the
    // wrapper's process is the browser, so closing it leaves nothing behind).
    const dir = await makeWorkspace()
    const wrapper = join(dir, 'chromium-headless-shell')
    await writeFile(wrapper, `#!/bin/sh\necho started >> "${join(dir, 'wrapper-ran.txt')}"\nexec "${installedBrowser('headless shell')}" "$@"\n`)
    await chmod(wrapper, 0o755)
    await writeFile(join(dir, 'showtell.yaml'), withBrowser(`path: ${wrapper}`))

    const doctor = await runCli(['doctor', '--json'], { cwd: dir })
    expect(doctor.code, doctor.stdout).toBe(0)
    const browser = JSON.parse(doctor.stdout).checks.find((c: { name: string }) => c.name === 'browser')
    expect(browser.detail).toContain(`at ${wrapper} (from showtell.yaml browser.path)`)
    expect(await readFile(join(dir, 'wrapper-ran.txt'), 'utf8')).toBe('started\n')

    const build = await runCli(PDF_BUILD, { cwd: dir })
    expect(build.code, build.stderr).toBe(0)
    expect(await readFile(join(dir, 'wrapper-ran.txt'), 'utf8')).toBe('started\nstarted\n')
  })
})

describe('browser.ws in showtell.yaml', () => {
  it('build: a browser that cannot be reached is named by the file, line and field', async () => {
    const port = await closedPort()
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser(`ws: ws://127.0.0.1:${port}/devtools/browser/none`) })
    const result = await runCli(PDF_BUILD, { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^showtell: showtell\.yaml:20 browser\.ws: cannot connect to the browser at .*\(hint: check browser\.ws in showtell\.yaml/m)
  })

  it('doctor reports the remote browser as coming from showtell.yaml', async () => {
    const port = await closedPort()
    const dir = await makeWorkspace({ 'showtell.yaml': withBrowser(`ws: ws://127.0.0.1:${port}/devtools/browser/none`) })
    const result = await runCli(['doctor', '--json'], { cwd: dir })
    expect(result.code).toBe(1)
    const browser = JSON.parse(result.stdout).checks.find((c: { name: string }) => c.name === 'browser')
    expect(browser.ok).toBe(false)
    expect(browser.detail).toContain(`remote browser at ws://127.0.0.1:${port}/devtools/browser/none (from showtell.yaml browser.ws) does not start`)
    expect(browser.fix).toContain('browser.ws in showtell.yaml')
  })
})

/** A port on 127.0.0.1 that nothing listens on: every account and audit probe below goes there, so even a regression sends nothing off this machine. */
const NOWHERE = 'http://127.0.0.1:9'

/**
 * A workspace whose one account and whose audit rules point at NOWHERE, with
 * `browser:` and `field` as its last two lines; `line` is the field's line.
 */
async function localWorkspace(field: string): Promise<{ dir: string; line: number }> {
  const config = stringify(demoConfigObject(NOWHERE, [{ id: 'local-site', platform: 'website', url: `${NOWHERE}/` }]))
  const dir = await makeWorkspace({
    'showtell.yaml': `${config}browser:\n  ${field}\n`,
    'rules/audit.yaml': `instagram:
  base: ${NOWHERE}
  probe: "{base}/{handle}/"
  kind: page
  status: { present: [200], absent: [404] }
  present: ["@{handle}"]
  absent: ["not available"]
`,
  })
  // The config's own lines, then `browser:`, then the field.
  return { dir, line: config.split('\n').length - 1 + 2 }
}

/** Nothing of the refused command is left: no lock, no history, no report. */
function expectUntouched(dir: string): void {
  expect(existsSync(join(dir, 'out', '.build.lock'))).toBe(false)
  expect(existsSync(join(dir, 'history'))).toBe(false)
}

describe('snapshot, audit and the app check browser: as build and doctor do', () => {
  it.each([
    ['snapshot', ['snapshot']],
    ['snapshot --json', ['snapshot', '--json']],
    ['audit', ['audit']],
  ])('%s: a path that is not an executable is exit 2, naming the file, line and field, before the lock', async (_name, args) => {
    const { dir, line } = await localWorkspace('path: /nonexistent/chrome')
    const result = await runCli(args, { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `showtell: showtell.yaml:${line} browser.path: no executable browser at /nonexistent/chrome (hint: point browser.path in showtell.yaml at a Chrome or Chromium executable, or remove it)\n`,
    )
    expectUntouched(dir)
  })

  it.each([
    ['snapshot', ['snapshot']],
    ['audit', ['audit']],
  ])('%s: the flag wins over the file, and an error then names the flag', async (_name, args) => {
    const { dir } = await localWorkspace(`path: ${installedBrowser('headless shell')}`)
    const result = await runCli([...args, '--browser-path', '/nonexistent/chrome'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^showtell: --browser-path: no executable browser at \/nonexistent\/chrome \(hint: [^\n]*\)\n$/)
    expect(result.stderr).not.toContain('showtell.yaml')
    expectUntouched(dir)
  })

  it('audit --no-screenshots starts no browser, so a bad setting does not stop it', async () => {
    const { dir } = await localWorkspace('path: /nonexistent/chrome')
    const result = await runCli(['audit', '--no-screenshots', '--json'], { cwd: dir })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout).findings.length).toBeGreaterThan(0)
  })

  it('snapshot: a browser.ws that cannot be reached is named by the file, line and field', async () => {
    const port = await closedPort()
    const { dir, line } = await localWorkspace(`ws: ws://127.0.0.1:${port}/devtools/browser/none`)
    const result = await runCli(['snapshot'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^showtell: showtell\\.yaml:${line} browser\\.ws: cannot connect to the browser at .*\\(hint: check browser\\.ws in showtell\\.yaml`, 'm'))
  })

  it('the app: a bad path is exit 2, naming the file, line and field, before the app takes the screen', async () => {
    const pty = createRequire(import.meta.url)('@lydell/node-pty') as typeof import('@lydell/node-pty')
    const { dir, line } = await localWorkspace('path: /nonexistent/chrome')
    // Not CI, whatever runs the tests: under CI, showtell prints text instead of opening the app.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION')) as Record<string, string>
    const child = pty.spawn(process.execPath, [CLI], { cols: 200, rows: 24, cwd: dir, env: { ...env, NO_COLOR: '1' } })
    let screen = ''
    // The app opens by taking the alternate screen: if it does, it would wait for keys, so stop waiting then.
    let opened!: () => void
    const appOpened = new Promise<'opened'>((resolve) => (opened = () => resolve('opened')))
    child.onData((data) => {
      screen += data
      if (screen.includes('\x1b[?1049h')) opened()
    })
    try {
      const code = await Promise.race([new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode))), appOpened])
      expect(code, screen).toBe(2)
      expect(screen).toContain(`showtell: showtell.yaml:${line} browser.path: no executable browser at /nonexistent/chrome (hint: point browser.path in showtell.yaml`)
      // The app never took the screen (the alternate screen it opens first).
      expect(screen).not.toContain('\x1b[?1049h')
    } finally {
      child.kill()
    }
  })
})

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
