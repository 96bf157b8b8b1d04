import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Many tests run the built CLI: rebuild dist/ first when src/ or templates/ changed since
    // the last build, so `npx vitest run FILE` never tests old code.
    globalSetup: ['test/helpers/fresh-dist.ts'],
    // Browser tests start real Chromium; give them room on a shared 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 2,
    // The built CLI remembers validated files (src/workspace/validated-cache.ts); keep the
    // tests' entries out of the user's ~/.cache.
    env: { SHOWTELL_CACHE_DIR: join(tmpdir(), `showtell-test-cache-${process.pid}`) },
  },
})
