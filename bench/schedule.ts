// Rotation benchmark: plan 520 meetings (ten years) over a 40-topic library
// with a 500-entry log.
import { planSchedule } from '../src/rotation/schedule.js'
import { addDays } from '../src/rotation/calendar.js'
import { workspaceConfigSchema } from '../src/workspace/schema.js'

export function benchSchedule(): void {
  const topics = Array.from({ length: 40 }, (_, i) => `topic-${String(i).padStart(2, '0')}`)
  const config = workspaceConfigSchema.parse({
    company: { name: 'Bench' },
    meeting: { weekday: 'tuesday', time: '09:00', timezone: 'Europe/Oslo', duration: 45, start: '2017-01-03', skip: ['2027-12-28', '2028-12-26'] },
    rotation: { policy: 'least-recent', order: topics.slice(0, 10), pins: { '2027-03-02': 'topic-05', '2028-06-06': 'topic-17' } },
  })
  // 500 past meetings, one a week, before the planned window.
  const log = Array.from({ length: 500 }, (_, i) => ({ date: addDays('2017-01-03', i * 7), topic: topics[(i * 7) % 40]!, source: 'build' as const, recordedAt: '2026-01-01T00:00:00Z' }))
  const run = () => planSchedule({ meeting: config.meeting, rotation: config.rotation, topics, log, from: '2026-11-24', count: 520 })
  for (let i = 0; i < 5; i++) run()
  const times: number[] = []
  let meetings = 0
  for (let i = 0; i < 25; i++) {
    const t = performance.now()
    meetings = run().length
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  console.log(`\nPlan ${meetings} meetings over 40 topics with a 500-entry log, 25 runs:`)
  console.log(`  median ${median.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (target < 50 ms)`)
}
