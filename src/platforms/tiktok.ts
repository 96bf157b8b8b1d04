// TikTok: the Display API with the account's own token; otherwise the
// profile page's embedded state.
import { handleOf, type PlatformAdapter } from './adapter.js'
import { tiktokDisplayApi } from './tiktok-api.js'

export const tiktok = {
  id: 'tiktok',
  name: 'TikTok',
  words: { followers: 'followers', posts: 'videos', likes: 'likes received' },
  pageUrl: (account, base) => `${base('tiktok')}/@${encodeURIComponent(handleOf(account))}`,
  sources: [tiktokDisplayApi],
  signIn: { key: 'tiktok', path: '/login' },
  handles: { rule: { pattern: /^(?!.*\.$)[a-z0-9._]+$/, min: 2, max: 24 } },
} as const satisfies PlatformAdapter
