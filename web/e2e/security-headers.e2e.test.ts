// Each kind of page under the Content-Security-Policy the server sends it, in a real
// browser: the sign-in page, the app (the administrators' screens included), the
// GraphQL playground (Monaco and its workers) and Swagger UI render with no violation
// reported. Kept apart from the app's flows. Sign-in guards all but the first (issue
// 12): the browser signs in through the sign-in page first, as the first admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

interface PageUnderTest {
  path: string;
  /** What shows that it rendered. */
  ready: string;
}

const PUBLIC_PAGES: PageUnderTest[] = [{ path: '/signin', ready: 'form[aria-label="Sign in"]' }];

const SIGNED_IN_PAGES: PageUnderTest[] = [
  { path: '/tickets', ready: '.tickets__count' },
  { path: '/dashboard', ready: '[data-kpi="total"]' },
  { path: '/account', ready: 'main form' },
  { path: '/admin/users', ready: '.data-table tbody tr' },
  { path: '/admin/tokens', ready: '.admin-list .empty, .admin-list .data-table' },
  { path: '/graphiql', ready: '.graphiql-container .monaco-editor' },
  { path: '/graphql', ready: '.graphiql-container .monaco-editor' },
  { path: '/api/docs/', ready: '.opblock' },
];

let server: RunningServer;
let session: BrowserSession;

beforeAll(async () => {
  server = await startServer();
  session = await openBrowser(server.url);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

async function rendersWithoutViolation({ path, ready }: PageUnderTest) {
  const { page } = session;
  session.cspViolations.length = 0;
  const response = await page.goto(path);
  // The page itself, not a redirect to sign in.
  expect(new URL(page.url()).pathname).toBe(path);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.locator(ready).first().waitFor();
  // Monaco starts its workers and Swagger UI fetches the document after the first paint.
  await page.waitForLoadState('networkidle');
  expect(session.cspViolations).toEqual([]);
}

describe('pages under their Content-Security-Policy', () => {
  it.each(PUBLIC_PAGES)('renders $path with no violation, signed out', rendersWithoutViolation);

  describe('signed in', () => {
    beforeAll(async () => {
      session.cspViolations.length = 0;
      await signIn(session.page, ADMIN);
      expect(session.cspViolations).toEqual([]);
    });

    it.each(SIGNED_IN_PAGES)('renders $path with no violation', rendersWithoutViolation);

    it('raised no page errors', () => {
      expect(session.pageErrors).toEqual([]);
    });
  });
});
