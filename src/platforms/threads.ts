// Threads: the Threads API with the account's own token; otherwise the profile page.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { threadsApi } from './threads-api.js'

export const threads = {
  id: 'threads',
  name: 'Threads',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${base('threads')}/@${encodeURIComponent(handleOf(account))}`,
  sources: [threadsApi],
  signIn: { key: 'threads', path: '/login' },
  // A Threads profile is its Instagram account's handle.
  handles: { rule: { pattern: /^(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]+$/, min: 1, max: 30 } },
} as const satisfies PlatformAdapter
