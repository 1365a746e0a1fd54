import { defineConfig } from 'vitest/config';

/**
 * Minimal vitest config for running only the sandbox tests, without the
 * repository-wide globalSetup that fetches a kernel tree:
 *   npx vitest run --config sandbox/vitest.config.mts
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['sandbox/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
