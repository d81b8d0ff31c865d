import { defineConfig } from 'vitest/config';

// Runs the specs of adapters the scaffold test generates under tools/scaffold/.generated/
// (gitignored, inside the workspace so package resolution finds its node_modules). Use with
// `vitest run <generated dir> --root <workspace> --config tools/scaffold/vitest.generated.config.ts`.
export default defineConfig({
  test: {
    include: ['tools/scaffold/.generated/**/src/**/*.spec.ts'],
    exclude: ['**/node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    setupFiles: ['./tools/test-setup/src/setup.ts'],
  },
});
