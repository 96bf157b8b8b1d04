// The audit's manners (src/audit/polite.ts), used by its probes and by the
// evidence requests: one host's requests wait for its limit and for the pause
// after the one before; another host's do not wait for them.
import { describe, expect, it } from 'vitest'
import { politeQueue } from '../../src/audit/polite.js'

describe('politeQueue', () => {
  it('runs one host’s requests one at a time (limit 1), each after the pause that follows the one before', async () => {
    const polite = politeQueue(1, 40)
    const events: string[] = []
    const at: Record<string, number> = {}
    const work = (name: string) => async () => {
      events.push(`start ${name}`)
      at[`start ${name}`] = performance.now()
      await new Promise((resolve) => setTimeout(resolve, 5))
      events.push(`end ${name}`)
      at[`end ${name}`] = performance.now()
      return name
    }
    const results = await Promise.all([polite('https://a.example/1', work('a1')), polite('https://a.example/2', work('a2'))])
    expect(results).toEqual(['a1', 'a2'])
    expect(events).toEqual(['start a1', 'end a1', 'start a2', 'end a2'])
    // The pause is a lower bound (a timer never fires early by more than a rounding).
    expect(at['start a2']! - at['end a1']!).toBeGreaterThanOrEqual(38)
  })

  it('lets another host go at once, and still pauses after a request that failed', async () => {
    const polite = politeQueue(1, 40)
    const events: string[] = []
    let endA = 0
    const slow = polite('https://a.example/', async () => {
      events.push('start a')
      await new Promise((resolve) => setTimeout(resolve, 20))
      events.push('end a')
      endA = performance.now()
      throw new Error('refused')
    })
    const other = polite('https://b.example/', async () => {
      events.push('start b')
      return 'b'
    })
    // Queued behind the failed one on the same host: it starts only after the pause.
    const again = polite('https://a.example/again', async () => performance.now())
    await expect(slow).rejects.toThrow('refused')
    await expect(other).resolves.toBe('b')
    // b did not wait for a.
    expect(events.indexOf('start b')).toBeLessThan(events.indexOf('end a'))
    expect((await again) - endA).toBeGreaterThanOrEqual(38)
  })
})
