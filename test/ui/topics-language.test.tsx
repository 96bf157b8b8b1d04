// The app's Topics screen in a workspace whose deck.language is nb: the
// library it lists and previews is the Norwegian built-in one (topics/nb/),
// the same the subcommands load, not the English one.
import { afterEach, describe, expect, it } from 'vitest'
import { START } from '../../src/ui/state.js'
import { MINIMAL_CONFIG } from '../helpers/workspace.js'
import { renderApp, type AppHarness } from './harness.js'
import { makeAppWorkspace } from './fixtures.js'

let app: AppHarness | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('Topics in an nb workspace', () => {
  it('lists the Norwegian titles of the built-in topics', async () => {
    const dir = await makeAppWorkspace({ 'showtell.yaml': `${MINIMAL_CONFIG}  language: nb\n` })
    app = await renderApp(dir, { initial: { ...START, stack: [...START.stack, { name: 'topics' }] } })
    const frame = await app.waitFor('Agenda for')
    // Written out from topics/nb/crisis.yaml and topics/nb/account-security.yaml.
    expect(frame).toContain('Krise og verste tilfeller')
    expect(frame).toContain('Kontosikkerhet')
    expect(frame).not.toContain('Crisis and worst cases')
    expect(frame).not.toContain('Account security')
  })
})
