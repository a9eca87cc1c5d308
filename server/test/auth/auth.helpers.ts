// What the identity suites share: GraphQL requests whose raw HTTP answer (status,
// headers, Set-Cookie) is kept, and signing in as a browser does, then sending its
// cookies back with the CSRF header.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { FACTORY_PASSWORD } from '../support/factories.js';
import type { TestContext } from '../support/harness.js';

export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { user { id email role } userErrors { field code } }
}`;
export const SIGN_OUT = 'mutation { signOut { signedOut } }';
export const ME = '{ me { id email displayName role } }';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The client's address, as the socket gives it. */
  remoteAddress?: string;
}

/** A GraphQL POST with exactly these headers (and a JSON content type). */
export function postGraphQL(
  ctx: TestContext,
  { query, variables, headers = {}, remoteAddress }: GraphQLRequest,
): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: { query, variables },
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  });
}

/** What a browser keeps after signing in. */
export interface BrowserSession {
  sessionid: string;
  csrftoken: string;
}

export function sessionOf(res: LightMyRequestResponse): BrowserSession {
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  expect(jar.sessionid, 'a sessionid cookie').toEqual(expect.any(String));
  expect(jar.csrftoken, 'a csrftoken cookie').toEqual(expect.any(String));
  return { sessionid: jar.sessionid!, csrftoken: jar.csrftoken! };
}

export function signInRequest(ctx: TestContext, email: string, password: string, remoteAddress?: string): Promise<LightMyRequestResponse> {
  return postGraphQL(ctx, { query: SIGN_IN, variables: { input: { email, password } }, remoteAddress });
}

/** Signs in (it must succeed) and answers the browser's cookies. */
export async function signIn(ctx: TestContext, email: string, password = FACTORY_PASSWORD): Promise<BrowserSession> {
  const res = await signInRequest(ctx, email, password);
  expect(res.json().data.signIn.userErrors).toEqual([]);
  return sessionOf(res);
}

/** The headers a browser sends: both cookies, and the CSRF header unless `csrf` says otherwise. */
export function browserHeaders(session: BrowserSession, csrf: string | null = session.csrftoken): Record<string, string> {
  return {
    cookie: `sessionid=${session.sessionid}; csrftoken=${session.csrftoken}`,
    ...(csrf === null ? {} : { 'x-csrftoken': csrf }),
  };
}

/** Who `headers` identify, per GraphQL `me` (null: nobody). */
export async function whoIs(
  ctx: TestContext,
  headers: Record<string, string>,
): Promise<{ id: string; email: string; displayName: string } | null> {
  const res = await postGraphQL(ctx, { query: ME, headers });
  expect(res.statusCode).toBe(200);
  return res.json().data.me;
}

/**
 * Polls `stillWorks` every 50 ms until it answers false: the milliseconds from `since`
 * (the moment the change was asked for) until then; Infinity past `limitMs`.
 */
export async function msUntilRefused(stillWorks: () => Promise<boolean>, since = performance.now(), limitMs = 2_000): Promise<number> {
  const started = since;
  while (performance.now() - started < limitMs) {
    if (!(await stillWorks())) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Number.POSITIVE_INFINITY;
}
