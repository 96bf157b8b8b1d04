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
} as const satisfies PlatformAdapter
