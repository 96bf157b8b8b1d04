// The JSON Schema that editors use must say what the loader enforces.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonSchemas } from '../../src/workspace/json-schema.js'
import { REPO_ROOT } from '../helpers/cli.js'

type Json = Record<string, any>

describe('schema/showtell.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing it)', async () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const shipped = JSON.parse(await readFile(join(REPO_ROOT, 'schema', name), 'utf8'))
      expect(shipped, name).toEqual(schema)
    }
  })

  it('requires company and meeting, lists the platforms and owners, and bounds the duration', async () => {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schema', 'showtell.schema.json'), 'utf8')) as Json
    expect(schema.required).toEqual(expect.arrayContaining(['company', 'meeting']))
    const account = schema.properties.accounts.items as Json
    expect(account.properties.platform.enum).toEqual([
      'bluesky', 'mastodon', 'youtube', 'linkedin', 'instagram', 'facebook', 'threads', 'tiktok', 'x', 'blog', 'website',
    ])
    expect(account.properties.owner.enum).toEqual(['official', 'executive', 'unofficial'])
    expect(account.additionalProperties).toBe(false)
    const duration = schema.properties.meeting.properties.duration as Json
    expect([duration.minimum, duration.maximum]).toEqual([30, 60])
    expect(schema.properties.meeting.properties.weekday.enum).toContain('tuesday')
  })

  it('is referenced by the example workspace and the built-in topics', async () => {
    expect(await readFile(join(REPO_ROOT, 'showtell.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/showtell\.schema\.json/)
    expect(await readFile(join(REPO_ROOT, 'topics', 'policy.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/topic\.schema\.json/)
  })
})
