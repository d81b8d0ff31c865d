import { defineConfig } from 'vitest/config';

// Browser journeys: playwright-core drives Debian's Chromium against the real platform (embedded
// default) serving the built site. Run by `npm run test:e2e`, which builds the site first if stale.
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['apps/admin/e2e/**/*.e2e.spec.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    setupFiles: ['./tools/test-setup/src/setup.ts'],
    reporters: ['default'],
  },
});
