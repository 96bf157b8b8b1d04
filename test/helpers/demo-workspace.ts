// Workspaces whose accounts point at the local demo site (127.0.0.1, free
// port), for the snapshot tests: the same config as a parsed object (for
// `snapshotAccounts`) or as a showtell.yaml (for the built CLI), and a PNG
// reader that checks what a screenshot really is.
import { open } from 'node:fs/promises'
import { stringify } from 'yaml'
import { workspaceConfigSchema, type WorkspaceConfig } from '../../src/workspace/schema.js'
import { makeWorkspace } from './workspace.js'

/** An account as written in showtell.yaml. */
export interface DemoAccount {
  readonly id: string
  readonly platform: string
  readonly url?: string
  readonly handle?: string
  readonly label?: string
  readonly hideSelectors?: readonly string[]
  readonly waitFor?: string
}

export interface DemoSnapshotSettings {
  /** Seconds per page. @default 8 */
  readonly timeout?: number
  /** @default 4 */
  readonly concurrency?: number
  readonly deadline?: number
  /** @default true */
  readonly allowPrivateNetwork?: boolean
  /** Replaces single endpoint keys (e.g. `mastodon` for the private server). */
  readonly endpoints?: Readonly<Record<string, string>>
}

/** The `snapshot.endpoints` that send every handle-built URL and API call to the demo site. */
export function demoEndpoints(siteUrl: string): Record<string, string> {
  return {
    bluesky: `${siteUrl}/bsky`,
    'bluesky-web': `${siteUrl}/bsky-web`,
    mastodon: `${siteUrl}/mastodon`,
    x: `${siteUrl}/x`,
    'x-web': `${siteUrl}/x-web`,
    // The owners' official APIs (demo-site/apis/); used only when a credential is set.
    'youtube-api': `${siteUrl}/youtube-api`,
    graph: `${siteUrl}/graph`,
    'threads-api': `${siteUrl}/threads-api`,
    'linkedin-api': `${siteUrl}/linkedin-api`,
    'tiktok-api': `${siteUrl}/tiktok-api`,
  }
}

/** The raw (unparsed) showtell.yaml content, as an object. */
export function demoConfigObject(siteUrl: string, accounts: readonly DemoAccount[], settings: DemoSnapshotSettings = {}): Record<string, unknown> {
  return {
    company: { name: 'Nordlys Outdoor', aliases: ['Nordlys'] },
    accounts: accounts.map((account) => ({ ...account })),
    meeting: { weekday: 'tuesday', time: '09:00', timezone: 'UTC', duration: 45, start: '2026-11-24' },
    snapshot: {
      concurrency: settings.concurrency ?? 4,
      timeout: settings.timeout ?? 8,
      ...(settings.deadline !== undefined ? { deadline: settings.deadline } : {}),
      endpoints: { ...demoEndpoints(siteUrl), ...settings.endpoints },
      allowPrivateNetwork: settings.allowPrivateNetwork ?? true,
    },
    deck: { presenter: 'Test team', footer: 'Nordlys test briefing' },
  }
}

/** The workspace config, validated exactly as the loader validates showtell.yaml. */
export function demoConfig(siteUrl: string, accounts: readonly DemoAccount[], settings: DemoSnapshotSettings = {}): WorkspaceConfig {
  return workspaceConfigSchema.parse(demoConfigObject(siteUrl, accounts, settings))
}

/** A temp workspace folder whose showtell.yaml points at the demo site. */
export async function makeDemoWorkspace(siteUrl: string, accounts: readonly DemoAccount[], settings: DemoSnapshotSettings = {}): Promise<string> {
  return makeWorkspace({ 'showtell.yaml': stringify(demoConfigObject(siteUrl, accounts, settings)) })
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Reads a PNG's size from its IHDR chunk, after checking the 8-byte signature.
 * Throws when the file is not a PNG.
 */
export async function readPngSize(path: string): Promise<{ width: number; height: number }> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(24)
    const { bytesRead } = await handle.read(head, 0, 24, 0)
    if (bytesRead < 24) throw new Error(`${path}: too short for a PNG (${bytesRead} bytes)`)
    PNG_SIGNATURE.forEach((byte, i) => {
      if (head[i] !== byte) throw new Error(`${path}: not a PNG (byte ${i} is ${head[i]}, want ${byte})`)
    })
    // The first chunk must be IHDR: length (4), type (4), then width and height (big-endian).
    if (head.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${path}: the first chunk is not IHDR`)
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) }
  } finally {
    await handle.close()
  }
}
