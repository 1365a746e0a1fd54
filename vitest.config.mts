import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tsconfig says jsx: preserve (Docusaurus compiles JSX itself); tests of components need it compiled
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'sandbox/**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**', 'e2e/**'],
    globalSetup: ['src/plugins/kernel-source/vitest-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
