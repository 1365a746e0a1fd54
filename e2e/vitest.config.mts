import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core driving Debian's chromium against the built site on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
