// Serves the built web app (web/dist) from the API server, so the product is one
// origin: the agents' app at / with its client routes (a reload of /tickets/42 gets
// index.html), hashed assets cached for good, and the GraphQL playground at /graphiql
// and on a browser's GET /graphql. Registered last: API routes always win.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decideAccess } from '../auth/actor.js';
import { defaultAccess, signInLocation } from '../auth/access-control.js';
import { prefersHtml } from './accepts-html.js';

export interface WebAppOptions {
  /** The Vite build output; defaults to web/dist in the repository. */
  distDir?: string;
}

const DEFAULT_WEB_DIST_DIR = resolve(fileURLToPath(new URL('../../../web/dist', import.meta.url)));

// Paths owned by the API: an unknown path below them is a JSON 404, never the app.
const API_PREFIXES = ['/graphql', '/api', '/healthz', '/readyz', '/assets/'];

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // Never kept: the page names the current build's hashed assets, so it is fetched
  // every time; and a page kept in the browser's back-forward cache would come back on
  // Back after signing out, still showing what the signed-in person saw (tickets).
  // Browsers keep no no-store page there, or evict it once cookies change.
  'cache-control': 'no-store',
  // Security headers (nosniff, referrer policy, CSP) come from http/security-headers.ts.
};

function notBuiltPage(distDir: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Web app not built</title></head>
<body>
<h1>The web app is not built</h1>
<p>The API is running (<a href="/healthz">/healthz</a>), but <code>${distDir.replace(/[<>&]/g, '')}</code> has no build.</p>
<p>Run <code>npm run build -w web</code>, or start the product with <code>npm start</code>, which builds it when missing.</p>
</body></html>`;
}

export async function registerWebApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const distDir = options.distDir ?? DEFAULT_WEB_DIST_DIR;
  const appHtml = join(distDir, 'index.html');
  const playgroundHtml = join(distDir, 'graphiql', 'index.html');

  // Read per request (a few KB): a rebuild while the server runs is served at once.
  const sendHtml = async (reply: FastifyReply, file: string) => {
    try {
      const html = await readFile(file, 'utf8');
      return reply.code(200).headers(HTML_HEADERS).send(html);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return reply.code(503).headers(HTML_HEADERS).send(notBuiltPage(distDir));
    }
  };

  const assetsDir = join(distDir, 'assets');
  const assetsExist = await stat(assetsDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (assetsExist) {
    // The app's shell is public: it holds no data, and shows the sign-in page.
    await app.register(async (scope) => {
      defaultAccess(scope, 'public');
      await scope.register(fastifyStatic, {
        root: assetsDir,
        prefix: '/assets/',
        // File names carry a content hash: a given URL never changes.
        immutable: true,
        maxAge: '365d',
        index: false,
        decorateReply: false,
      });
    });
  } else {
    app.log.warn({ distDir }, 'web app not built: / and /graphiql explain how to build it');
  }

  const publicPage = { config: { access: 'public' as const } };
  const apiPage = { config: { access: 'page' as const } };
  app.get('/', publicPage, (_req, reply) => sendHtml(reply, appHtml));
  app.get('/graphiql', apiPage, (_req, reply) => sendHtml(reply, playgroundHtml));
  app.get('/graphiql/', apiPage, (_req, reply) => sendHtml(reply, playgroundHtml));
  app.get('/favicon.svg', publicPage, async (_req, reply) => {
    try {
      const svg = await readFile(join(distDir, 'favicon.svg'));
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    } catch {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Route GET:/favicon.svg not found' });
    }
  });

  // A browser opening /graphql gets the playground; a GET carrying a query (or asking
  // for JSON) goes on to Apollo and executes.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET') return;
    const [path, search = ''] = req.url.split('?', 2) as [string, string?];
    if (path !== '/graphql' || new URLSearchParams(search).has('query') || !prefersHtml(req.headers.accept)) return;
    // The same rule as /graphiql's: the playground is for whoever may read the API.
    if (decideAccess(req.actor, 'page') !== 'allowed') return reply.redirect(signInLocation(req), 302);
    return sendHtml(reply, playgroundHtml);
  });

  // Client-side routes (/tickets, /tickets/42, /dashboard…) are pages of the app.
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?', 1)[0] ?? '/';
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      prefersHtml(req.headers.accept) &&
      !API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) &&
      !/\.[a-z0-9]+$/i.test(path);
    if (isPage) return sendHtml(reply, appHtml);
    return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Route ${req.method}:${path} not found` });
  });
}
