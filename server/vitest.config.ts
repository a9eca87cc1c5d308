// Test runner settings: integration tests open real databases, so allow time for
// PGlite's start and PostgreSQL database creation.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql-js, as in production: Node loads its CommonJS build for every
    // importer (type-graphql, Apollo, our code), while Vite would give our code the
    // ESM build, a second copy whose instanceof checks refuse the other's schema
    // and errors.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
