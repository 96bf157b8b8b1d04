// The app's status line (where every screen shows an error) passes the
// redactor: an error that quotes a URL with a key shows it without the key.
import { render } from 'ink-testing-library'
import { describe, expect, it } from 'vitest'
import Frame from '../../src/ui/components/Frame.js'

describe('<Frame> status line', () => {
  it('shows an error without the password and the key of the URL it quotes', () => {
    const { lastFrame, unmount } = render(
      <Frame screen="accounts" title="accounts" company="Nordlys" status={{ text: 'Could not open https://me:pw-9f8e7d6c@h.test/?token=tk-1a2b3c4d', error: true }}>
        {null}
      </Frame>,
    )
    const frame = lastFrame() ?? ''
    unmount()
    expect(frame).toContain('Could not open https://[redacted]@h.test/?token=[redacted]')
    expect(frame).not.toContain('pw-9f8e7d6c')
    expect(frame).not.toContain('tk-1a2b3c4d')
  })
})
