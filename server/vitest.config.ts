// Test runner settings. Two projects share one pool of workers: `server` (unit and
// in-process integration tests) and `processes` (tests that spawn real server or
// benchmark processes and wait on them). The root's global setup migrates one
// template database per run (test/support/template-databases.ts), which every
// integration suite clones; the projects inherit what it provides.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const PROCESS_TESTS = ['test/ops/**/*.test.ts', 'test/processes/**/*.test.ts', 'test/scale/bench.test.ts', 'test/scale/seed.test.ts'];

const shared: TestProjectInlineConfiguration['test'] = {
  // Integration tests open real databases: allow time for PostgreSQL database
  // creation and for a loaded machine.
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // PGlite's 9 MB of WebAssembly: V8's optimising tier-up costs each worker more CPU
  // than the short test queries win back. Spawned servers do not inherit this.
  execArgv: ['--liftoff-only'],
};

// One graphql-js, as in production: Node loads its CommonJS build for every importer
// (type-graphql, Apollo, our code), while Vite would give our code the ESM build, a
// second copy whose instanceof checks refuse the other's schema and errors.
const resolve = {
  alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
};

export default defineConfig({
  resolve,
  test: {
    globalSetup: ['test/support/template-databases.ts'],
    // Vitest's default is one worker fewer than the cores: a single one on 2 cores,
    // which ran the files one after another while process tests mostly wait on
    // their child processes.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      {
        // Inline projects do not inherit the root's `resolve`: each names it.
        resolve,
        test: {
          ...shared,
          name: 'server',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...PROCESS_TESTS],
          // These files share no global state, so a worker keeps its loaded modules
          // (app, GraphQL schema, drivers) from one file to the next.
          isolate: false,
        },
      },
      {
        // Each file keeps its own process: these register exit handlers and own children.
        resolve,
        test: { ...shared, name: 'processes', include: PROCESS_TESTS },
      },
    ],
  },
});
