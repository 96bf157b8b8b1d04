// The latest audit on disk: written atomically to history/audit.json, read
// back as it was written, undefined before the first audit, and a broken or
// hand-edited file is a UserError that names the file and the field.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLatestAudit, removeStaleScreenshots, writeLatestAudit, type StoredAudit } from '../../src/audit/store.js'
import { UserError } from '../../src/errors.js'
import { workspacePaths } from '../../src/workspace/paths.js'
import { listTree, makeWorkspace } from '../helpers/workspace.js'

const REPORT: StoredAudit = {
  ranAt: '2026-11-21T14:02:11.512Z',
  generated: 93,
  candidates: 340,
  checked: 330,
  platforms: ['instagram', 'bluesky', 'x'],
  budget: 400,
  findings: [
    {
      platform: 'instagram',
      handle: 'nordlys.official',
      result: 'exists-unlisted',
      url: 'http://127.0.0.1:4321/instagram/nordlys.official/',
      displayName: 'Nordlys Official Fans',
      bio: 'Unofficial fan page.',
      followers: 1020,
      screenshot: 'history/audit/instagram-nordlys-official.png',
      capturedAt: '2026-11-21T14:02:40.000Z',
    },
    { platform: 'x', handle: 'nordlys', result: 'unknown', url: 'http://127.0.0.1:4321/x-web/nordlys', reason: 'login wall' },
    { platform: 'instagram', handle: 'nordlysoutdoor', result: 'official', account: 'nordlys-instagram' },
    { platform: 'bluesky', handle: 'nordlys-hq.bsky.social', result: 'absent', reason: 'answered 400' },
  ],
}

async function workspaceWith(auditJson?: string) {
  const dir = await makeWorkspace(auditJson === undefined ? {} : { 'history/audit.json': auditJson })
  return workspacePaths(dir)
}

async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(UserError)
  return error as UserError
}

describe('readLatestAudit', () => {
  it('is undefined before the first audit', async () => {
    expect(await readLatestAudit(await workspaceWith())).toBeUndefined()
  })

  it('reads a report that holds secrets (written before the redactor, or by hand) with them redacted', async () => {
    const leaky = {
      ...REPORT,
      findings: [
        { ...REPORT.findings[0]!, url: 'http://probe:hunter2@127.0.0.1:4321/instagram/nordlys.official/?access_token=abc123leak' },
        { platform: 'x', handle: 'nordlys', result: 'unknown', reason: 'no answer (Authorization: Bearer xyz789leak refused)' },
      ],
    }
    const report = await readLatestAudit(await workspaceWith(JSON.stringify(leaky)))
    expect(report!.findings[0]!.url).toBe('http://[redacted]@127.0.0.1:4321/instagram/nordlys.official/?access_token=[redacted]')
    const text = JSON.stringify(report)
    for (const secret of ['hunter2', 'abc123leak', 'xyz789leak']) expect(text).not.toContain(secret)
  })

  it('reads back what writeLatestAudit wrote, and the write leaves no temporary file', async () => {
    const paths = await workspaceWith()
    await writeLatestAudit(paths, REPORT)
    expect(await readLatestAudit(paths)).toEqual(REPORT)
    expect((await listTree(paths.root)).filter((f) => f.startsWith('history/'))).toEqual(['history/audit.json'])
    // Plain, diff-friendly JSON a team can commit.
    expect(await readFile(join(paths.root, 'history', 'audit.json'), 'utf8')).toMatch(/^\{\n {2}"ranAt": "2026-11-21T14:02:11.512Z",\n/)
  })

  it('replaces the previous report', async () => {
    const paths = await workspaceWith(JSON.stringify(REPORT))
    await writeLatestAudit(paths, { ...REPORT, ranAt: '2026-11-28T09:00:00.000Z', findings: [] })
    expect(await readLatestAudit(paths)).toMatchObject({ ranAt: '2026-11-28T09:00:00.000Z', findings: [] })
  })

  it('a file that is not JSON names the file', async () => {
    const error = await errorOf(readLatestAudit(await workspaceWith('{ "ranAt": "2026-11-21T14:02:11.512Z", ')))
    expect(error.format()).toMatch(/^history\/audit\.json: not valid JSON \(.+\) \(hint: run `showtell audit` again to replace it\)$/)
    expect(error.exitCode).toBe(2)
  })

  it('a wrong field names the file and the field', async () => {
    const broken = { ...REPORT, findings: [REPORT.findings[0], { ...REPORT.findings[1], result: 'gone' }] }
    const error = await errorOf(readLatestAudit(await workspaceWith(JSON.stringify(broken))))
    expect(error.format()).toMatch(/^history\/audit\.json findings\[1\]\.result: .*"official".*"exists-unlisted"/)
  })

  it('a missing time names ranAt', async () => {
    const { ranAt: _dropped, ...rest } = REPORT
    const error = await errorOf(readLatestAudit(await workspaceWith(JSON.stringify(rest))))
    expect(error.format()).toMatch(/^history\/audit\.json ranAt: /)
  })

  it('a screenshot path outside history/audit/ is refused, so a hand edit cannot make the deck read another file', async () => {
    for (const screenshot of ['../../etc/passwd.png', 'history/audit/../x.png', '/tmp/a.png', 'history/audit/Shot.png']) {
      const broken = { ...REPORT, findings: [{ ...REPORT.findings[0], screenshot }] }
      const error = await errorOf(readLatestAudit(await workspaceWith(JSON.stringify(broken))))
      expect(error.format(), screenshot).toMatch(/^history\/audit\.json findings\[0\]\.screenshot: must be a file in history\/audit\//)
    }
  })
})

describe('removeStaleScreenshots', () => {
  it('keeps the screenshots the report names and removes the others', async () => {
    const paths = await workspaceWith()
    await mkdir(join(paths.history, 'audit'), { recursive: true })
    for (const name of ['instagram-nordlys-official.png', 'facebook-nordlys.png', 'notes.txt']) await writeFile(join(paths.history, 'audit', name), 'x')
    await removeStaleScreenshots(paths, REPORT)
    expect((await listTree(paths.root)).filter((f) => f.startsWith('history/'))).toEqual(['history/audit/instagram-nordlys-official.png', 'history/audit/notes.txt'])
  })
})
