// Browser tests: Debian's Chromium driven by playwright-core against the real server
// on a fresh embedded database. One file at a time: they share a machine's 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    // The interaction budgets are a benchmark (`npm run bench:interactions -w web`), not a
    // test: collected only when asked for, so the test run holds no skipped suite.
    exclude: process.env.E2E_BENCH === '1' ? [] : ['**/interaction-budgets.e2e.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
