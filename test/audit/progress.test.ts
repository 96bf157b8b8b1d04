// The audit's progress in a terminal: one line that updates in place, and each
// account found printed on a line of its own the moment it is found.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { AuditFinding } from '../../src/audit/run.js'
import { AuditProgress } from '../../src/commands/audit.js'

function terminal(isTTY: boolean) {
  let text = ''
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk)
        done()
      },
    }),
    { isTTY },
  )
  return { stream, text: () => text }
}

const absent: AuditFinding = { platform: 'instagram', handle: 'nordlys.hq', result: 'absent' }
const found: AuditFinding = { platform: 'instagram', handle: 'nordlys.official', result: 'exists-unlisted', displayName: 'Nordlys Official Fans' }

describe('AuditProgress', () => {
  it('in a terminal, rewrites one line and keeps each find on its own line', () => {
    const out = terminal(true)
    const progress = new AuditProgress(out.stream)
    progress.checked(absent, 1, 3)
    progress.checked(found, 2, 3)
    progress.checked(absent, 3, 3)
    progress.end()
    expect(out.text()).toBe(
      '\r\x1b[K  checked 1 of 3 candidates · 0 found' +
        '\r\x1b[K  found instagram nordlys.official (Nordlys Official Fans)\n' +
        '\r\x1b[K  checked 2 of 3 candidates · 1 found' +
        '\r\x1b[K  checked 3 of 3 candidates · 1 found\n',
    )
  })

  it('in a log, writes a line every 25 candidates and at the end, never a carriage return', () => {
    const out = terminal(false)
    const progress = new AuditProgress(out.stream)
    for (let done = 1; done <= 60; done++) progress.checked(done === 30 ? found : absent, done, 60)
    progress.end()
    expect(out.text()).toBe(
      '  checked 25 of 60 candidates · 0 found\n' +
        '  found instagram nordlys.official (Nordlys Official Fans)\n' +
        '  checked 50 of 60 candidates · 1 found\n' +
        '  checked 60 of 60 candidates · 1 found\n',
    )
  })
})
