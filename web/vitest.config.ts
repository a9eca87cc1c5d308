// Component tests: React components against a real GraphQL schema in jsdom.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 15_000,
    // Vitest's default is one worker fewer than the cores: a single one on 2 cores.
    // jsdom files are CPU-bound, so one per core.
    maxWorkers: '100%',
    // graphql ships CJS for Node and ESM for bundlers; Apollo Client is bundled by
    // Vite here so it shares the one graphql instance the tests and schema use.
    server: { deps: { inline: [/@apollo\/client/] } },
  },
});
