// `showtell present`: serves one built deck from its folder, read-only, on
// 127.0.0.1 (or, with --lan, on this machine's private addresses behind a
// random token), prints the address and opens it in the browser. The session
// (src/present/session.ts) carries the live link, the phone remote and the
// end of the talk into the meeting log; --refresh takes fresh snapshots once
// the deck is up and swaps them in. It runs until Ctrl+C or SIGTERM, then
// closes the server and exits 0: stopping is how a presentation ends, not a
// failure.
import { isAbsolute, relative } from 'node:path'
import { renderUnicodeCompact } from 'uqr'
import { EXIT, UserError } from '../errors.js'
import { privateIPv4Addresses } from '../present/lan.js'
import { openInBrowser } from '../present/open.js'
import { deckFolderFor, deckFolderFromArgument, type DeckChoice } from '../present/pick.js'
import type { LiveSlides } from '../present/live.js'
import type { PresentServer } from '../present/server.js'
import { startPresenting, type PresentingSession } from '../present/session.js'
import { newToken } from '../present/token.js'
import { workspaceOfDeck } from '../present/record.js'
import { registerSecret, redact } from '../secrets/redact.js'
import { interruptSignal, stopEndsCleanly } from '../process/signals.js'
import { loadWorkspace } from '../workspace/load.js'
import { workspaceDir, type CommandContext } from './context.js'

/** What the command reaches outside itself; tests replace each. */
export interface PresentDeps {
  /** Opens a URL in the browser; resolves to why it failed, or undefined. @default the platform's opener */
  readonly open?: (url: string) => Promise<string | undefined>
  /** The addresses --lan may listen on. @default this machine's private IPv4 addresses */
  readonly lanAddresses?: () => string[]
  /** Aborted to stop serving. @default SIGINT/SIGTERM */
  readonly signal?: AbortSignal
  /** Whether a person is at a terminal (a browser may open). @default stdout is a TTY and CI is unset */
  readonly interactive?: boolean
  /** Called once the server listens (tests read its port). */
  readonly onListening?: (server: PresentServer, session: PresentingSession) => void
  /** Takes fresh snapshots for --refresh and makes the slides to swap in; `signal` aborts when presenting stops. @default src/present/refresh.ts */
  readonly refresh?: (choice: DeckChoice, signal: AbortSignal) => Promise<LiveSlides>
}

/**
 * --refresh: fresh snapshots of the workspace the deck was built in (the
 * folder above its out/), composed as the build composed it
 * (src/present/refresh.ts). Only the payload the pages need is sent on.
 */
async function refreshBuiltDeck(choice: DeckChoice, signal: AbortSignal): Promise<LiveSlides> {
  const root = await workspaceOfDeck(choice.folder)
  if (root === undefined) throw new UserError('this deck is not in a workspace\'s out/ folder, so there is no account list to refresh from', { hint: 'present it without --refresh, or from its workspace' })
  const [{ refreshDeck, slidesPayload }, workspace] = await Promise.all([import('../present/refresh.js'), loadWorkspace(root)])
  return slidesPayload(await refreshDeck({ workspace, folder: choice.folder, signal }))
}

export async function runPresent(ctx: CommandContext, deps: PresentDeps = {}): Promise<number> {
  const { values, positionals } = ctx
  if (positionals.length > 1) throw new UserError(`unexpected argument "${positionals[1]}"`, { hint: 'see showtell present --help' })
  const folderArg = positionals[0]
  const date = typeof values.date === 'string' ? values.date : undefined
  if (folderArg !== undefined && date !== undefined) {
    throw new UserError('use either FOLDER or --date, not both', { location: { field: '--date' } })
  }
  const port = parsePort(values.port)
  const lan = values.lan === true
  const hosts = lan ? (deps.lanAddresses ?? privateIPv4Addresses)() : ['127.0.0.1']
  if (hosts.length === 0) {
    throw new UserError('this machine has no private network address to serve on', {
      location: { field: '--lan' },
      hint: 'join the Wi-Fi or network the phone is on (a 10.x, 172.16–31.x or 192.168.x address), or present without --lan',
    })
  }
  const choice: DeckChoice = folderArg !== undefined ? await deckFolderFromArgument(folderArg) : await deckFolderFor(await loadWorkspace(workspaceDir(ctx)), { date })

  const signal = deps.signal ?? interruptSignal
  const token = lan ? newToken() : undefined
  // Printed once below, as the key; anything else that passes the redactor (an error line, a warning) loses it.
  registerSecret(token)
  const refresh = values.refresh === true ? (deps.refresh ?? refreshBuiltDeck) : undefined
  let session: PresentingSession
  try {
    session = await startPresenting({ folder: choice.folder, hosts, port, token, ...(refresh ? { refresh: (stop: AbortSignal) => refresh(choice, stop) } : {}) })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new UserError(`cannot listen on port ${port} (${code})`, { location: { field: '--port' }, hint: 'pick another port, or leave --port out for a free one' })
    }
    throw error
  }
  if (deps.signal === undefined) stopEndsCleanly()
  const server = session.server
  // The session's lines (the minutes recorded, the refresh) come after the address block.
  const onLine = (line: string) => ctx.io.stdout.write(`${redact(line)}\n`)
  try {
    deps.onListening?.(server, session)
    const deckUrl = server.baseUrls[0]!
    // A folder outside the current one reads better whole than as ../../…
    const near = relative(process.cwd(), choice.folder)
    const shownFolder = near === '' ? '.' : near.startsWith('..') || isAbsolute(near) ? choice.folder : near
    const lines = [`Presenting ${shownFolder}/ (${choice.reason})`, ...server.baseUrls.map((url) => `  Deck:    ${url}`)]
    const remote = session.remoteUrl
    lines.push(`  Remote:  ${remote}`)
    if (lan) {
      lines.push('', renderUnicodeCompact(remote), '', 'The address is the key: anyone on this network who has it sees the deck and its notes.')
    }
    lines.push('Press Ctrl+C to stop.', '')
    ctx.io.stdout.write(lines.join('\n'))
    session.events.on('line', onLine)

    const interactive = deps.interactive ?? (ctx.io.stdout.isTTY === true && !process.env.CI)
    if (interactive && values['no-open'] !== true) {
      const failure = await (deps.open ?? openInBrowser)(deckUrl)
      if (failure !== undefined) ctx.io.stderr.write(redact(`  ! could not open the browser (${failure}); open the address above by hand\n`))
    }
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve()
      else signal.addEventListener('abort', () => resolve(), { once: true })
    })
  } finally {
    session.events.off('line', onLine)
    await session.close()
  }
  ctx.io.stdout.write('Stopped.\n')
  return EXIT.ok
}

function parsePort(value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UserError(`not a port number: "${String(value)}"`, { location: { field: '--port' }, hint: 'use a number from 1 to 65535, or leave --port out for a free one' })
  }
  return Number(value)
}
