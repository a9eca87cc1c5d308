// Builds the agents' app (index.html) and the GraphQL playground (graphiql/index.html)
// into web/dist, which the server serves. In development, /graphql and /api are proxied
// to the server on :8000 so the app talks to one origin, as in production.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:8000';
// The browser's Host (localhost:5173) is passed on unchanged: the server checks it
// against ALLOWED_HOSTS (ports aside), sees the page's Origin as its own so writes
// pass its cross-site check, and builds REST Link URLs that go through this proxy.
const proxied = { target: apiTarget, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // `ws`: subscriptions upgrade the same path to a WebSocket.
      '/graphql': { ...proxied, ws: true },
      '/api': proxied,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The playground bundles Monaco; it is loaded only on /graphiql.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // GraphiQL's modules carry React Compiler directives that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql/index.html'),
      },
    },
  },
  worker: { format: 'es' },
});
