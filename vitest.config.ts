import { defineConfig } from 'vitest/config';

// One run for the whole workspace. Suites that need PostgreSQL or RabbitMQ create their own
// database / vhost-free names per run and clean up; under CI=true a missing server fails them.
export default defineConfig({
  test: {
    include: ['{packages,adapters,apps,tools}/*/src/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.e2e.spec.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['./tools/test-setup/src/setup.ts'],
    reporters: ['default'],
  },
});
