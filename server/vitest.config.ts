// Test runner settings: integration tests open real databases, so allow time for
// PGlite's start and PostgreSQL database creation.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/template-databases.ts'],
  },
});
