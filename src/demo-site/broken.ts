// Owns the demo site's platform whose audit rule is broken on purpose: Threads
// "after a redesign" (/threads-redesign). Every @handle, real or not, gets the
// same app shell with the handle in its title and its text, so the shipped
// Threads rule ("@{handle}" on a 200) says "present" to everything. The
// example workspace audits Threads here; the audit's control (a made-up
// handle that comes back present) marks the rule broken for the run, while
// the company's real Threads page (/threads/@nordlysoutdoor) still snapshots.
import { THEMES, documentPage, type PageContext } from './layout.js'
import { html, type Markup } from './markup.js'

/** The prefix the redesigned Threads answers under. */
export const BROKEN_PLATFORM_PREFIX = 'threads-redesign'

/** The shell every handle gets, whether anyone has it or not. */
export function redesignedThreadsPage(context: PageContext, handle: string): Markup {
  const shown = handle.replace(/^@/, '')
  return documentPage(
    {
      title: `@${shown} • Threads`,
      description: `See the latest conversations with @${shown}.`,
      url: `${context.origin}/${BROKEN_PLATFORM_PREFIX}/@${shown}`,
    },
    THEMES.threads,
    html`<main><h1>@${shown}</h1><p>Conversations with @${shown} appear here. Say more.</p></main>`,
  )
}
