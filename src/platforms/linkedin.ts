// LinkedIn: the organization's follower count from the Community Management
// API with an admin's token; otherwise the company page, which logged-out
// visitors mostly see behind a wall (`showtell login linkedin` helps).
import { handleOf, type PlatformAdapter } from './adapter.js'
import { linkedinOrganizationApi } from './linkedin-api.js'

export const linkedin = {
  id: 'linkedin',
  name: 'LinkedIn',
  words: { followers: 'followers', posts: 'posts', likes: 'likes' },
  pageUrl: (account, base) => `${base('linkedin')}/company/${encodeURIComponent(handleOf(account))}`,
  sources: [linkedinOrganizationApi],
  signIn: { key: 'linkedin', path: '/login' },
  handles: {
    rule: { pattern: /^(?!-)(?!.*-$)[a-z0-9-]+$/, min: 3, max: 100 },
    // A company page's name in its address, not an @handle people type.
    shown: (handle: string) => handle,
  },
} as const satisfies PlatformAdapter
