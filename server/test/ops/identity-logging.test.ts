// What the logs of a real server process hold about identity: never a password (the
// bootstrap admin's, one typed wrong, one set through the setup link), an API token
// (obtained, created, or forged), a session id or CSRF token, nor their stored digests
// or password hashes, whichever way a client sent them (headers, cookies, bodies,
// query strings). The one exception is the setup link, which exists to be read from
// the log: it is one line, and its token appears nowhere else, not even when the
// link is opened.
import { afterAll, describe, expect, it } from 'vitest';
import { digestSecret, newApiTokenSecret } from '../../src/auth/secrets.js';
import { killAllServers, startAuthenticatedServer, startServer, stopServer, type ServerProcess } from './support/server-process.js';
import { TEST_ADMIN } from './support/test-admin.js';

afterAll(killAllServers);

const WRONG_PASSWORD = 'ops-Wrong-pelican-5309';
const SETUP_PASSWORD = 'ops-Setup-lantern-6621';
const PUBLIC_URL = 'https://tickets.example.test';

/** Everything the process wrote, stdout and stderr. */
const output = (server: ServerProcess) => server.stdout() + server.stderr();

/** Each named secret is absent from the process's output. */
function expectAbsent(server: ServerProcess, secrets: Record<string, string>): void {
  const text = output(server);
  const found = Object.entries(secrets)
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
  expect(found).toEqual([]);
}

/** Every line is JSON, and the requests made were logged (nothing logged at all would pass every absence check). */
function expectParsedLines(server: ServerProcess, requests: number): void {
  expect(server.logs.filter((l) => 'unparsed' in l)).toEqual([]);
  expect(server.logs.filter((l) => l.msg === 'request completed').length).toBeGreaterThanOrEqual(requests);
}

async function gql(baseUrl: string, headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(baseUrl + '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, cookies: cookiesOf(res), body: (await res.json()) as { data?: any; errors?: any[] } };
}

/** name → value of the response's Set-Cookie headers. */
function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(
    res.headers.getSetCookie().map((line) => {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }';
const CREATE_TICKET = 'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }';
const TICKET_INPUT = { input: { title: 'Printer offline', description: 'The printer on floor 2 does not answer.' } };

describe('identity secrets in the logs of the server process', () => {
  it('are never logged: bootstrap admin, tokens obtained and forged, failed sign-ins, sessions', async () => {
    const server = await startAuthenticatedServer({ LOG_LEVEL: 'trace' });
    const { url } = server;
    expect(server.logs.some((l) => typeof l.msg === 'string' && l.msg.startsWith('created the first admin'))).toBe(true);
    // An admin exists: no setup link is issued.
    expect(output(server)).not.toContain('/setup?token=');

    // The obtained token, in both schemes, and also where it does not belong (a query string).
    expect(
      (await gql(url, { authorization: server.authorization }, CREATE_TICKET, TICKET_INPUT)).body.data.createTicket.userErrors,
    ).toEqual([]);
    expect((await fetch(`${url}/api/tickets/`, { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(200);
    const inQuery = await fetch(`${url}/api/tickets/?page_size=5&access_token=${server.token}`, {
      headers: { authorization: server.authorization },
    });
    expect(inQuery.status).toBe(200);

    // A forged token, and failed sign-ins through both doors.
    const forged = newApiTokenSecret();
    expect((await fetch(`${url}/api/tickets/`, { headers: { authorization: `Token ${forged}` } })).status).toBe(401);
    const refused = await fetch(`${url}/api/auth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: WRONG_PASSWORD }),
    });
    expect(refused.status).toBe(400);
    const wrongSignIn = await gql(url, {}, SIGN_IN, { input: { email: TEST_ADMIN.email, password: WRONG_PASSWORD } });
    expect(wrongSignIn.body).toEqual({ data: { signIn: { user: null } } });
    expect(wrongSignIn.cookies).toEqual({});

    // A browser session: signed in, a write with its CSRF token, one without, signed out.
    const signIn = await gql(url, {}, SIGN_IN, { input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password } });
    expect(signIn.body.data.signIn.user).not.toBeNull();
    const { sessionid, csrftoken } = signIn.cookies;
    expect(sessionid).toBeTruthy();
    expect(csrftoken).toBeTruthy();
    const cookie = `sessionid=${sessionid}; csrftoken=${csrftoken}`;
    const write = await gql(url, { cookie, 'x-csrftoken': csrftoken! }, CREATE_TICKET, TICKET_INPUT);
    expect(write.body.data.createTicket.userErrors).toEqual([]);
    const noCsrf = await gql(url, { cookie }, CREATE_TICKET, TICKET_INPUT);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.errors?.map((e) => e.extensions.code)).toEqual(['CSRF_FAILED']);
    const signOut = await gql(url, { cookie, 'x-csrftoken': csrftoken! }, 'mutation { signOut { signedOut } }');
    expect(signOut.body.data).toEqual({ signOut: { signedOut: true } });

    // A second token, named and narrowed to reading, used.
    const second = await fetch(`${url}/api/auth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password, name: 'ops log check', scopes: ['tickets:read'] }),
    });
    expect(second.status).toBe(201);
    const createdToken = ((await second.json()) as { token: string }).token;
    const asCreated = await gql(url, { authorization: `Token ${createdToken}` }, '{ tickets { totalCount } }');
    expect(asCreated.body).toEqual({ data: { tickets: { totalCount: 2 } } });

    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expectParsedLines(server, 13);
    expectAbsent(server, {
      ADMIN_PASSWORD: TEST_ADMIN.password,
      'the wrong password': WRONG_PASSWORD,
      'the obtained token': server.token,
      "the obtained token's digest": digestSecret(server.token),
      'the second token': createdToken,
      "the second token's digest": digestSecret(createdToken),
      'the forged token': forged,
      'the session id': sessionid!,
      "the session id's digest": digestSecret(sessionid!),
      'the CSRF token': csrftoken!,
      'a password hash': '$argon2',
    });
  }, 120_000);

  it('logs the setup link once, on one line; its token appears nowhere else, even when the link is used', async () => {
    // A fresh (migrated) data directory, no ADMIN_EMAIL/ADMIN_PASSWORD: nobody can sign in yet.
    const server = await startServer({ LOG_LEVEL: 'trace', PUBLIC_URL });
    const line = await server.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('/setup?token='), 'the setup link');
    expect(line.level).toBe(40);
    const match = new RegExp(`${PUBLIC_URL.replaceAll('.', '\\.')}/setup\\?token=([A-Za-z0-9_-]+)`).exec(String(line.msg));
    expect(match, String(line.msg)).not.toBeNull();
    const setupToken = match![1]!;
    expect(setupToken.length).toBeGreaterThanOrEqual(32);

    // The person opens the link (the web app's page), then creates the first admin with it.
    const page = await fetch(`${server.url}/setup?token=${setupToken}`, { headers: { accept: 'text/html' } });
    // Answered by the web app's page (503 while it is not built): either way, the request is logged.
    expect(page.status).not.toBe(404);
    expect(server.logs.some((l) => (l.req as { url?: string } | undefined)?.url?.startsWith('/setup?'))).toBe(true);
    const COMPLETE = 'mutation ($input: CompleteSetupInput!) { completeSetup(input: $input) { user { id role } } }';
    const input = { token: setupToken, email: 'first-admin@example.com', displayName: 'First Admin', password: SETUP_PASSWORD };
    const done = await gql(server.url, {}, COMPLETE, { input });
    expect(done.body.data.completeSetup.user).toMatchObject({ role: 'ADMIN' });
    const { sessionid, csrftoken } = done.cookies;
    expect(sessionid).toBeTruthy();
    const session = { cookie: `sessionid=${sessionid}; csrftoken=${csrftoken}`, 'x-csrftoken': csrftoken! };
    const me = await gql(server.url, session, '{ me { id } }');
    expect(me.body).toEqual({ data: { me: { id: done.body.data.completeSetup.user.id } } });
    // The link is used up.
    const again = await gql(server.url, {}, COMPLETE, { input: { ...input, email: 'second@example.com' } });
    expect(again.body).toEqual({ data: { completeSetup: { user: null } } });

    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expectParsedLines(server, 4);
    // Exactly one line names the token: the setup link's.
    const naming = server
      .stdout()
      .split('\n')
      .filter((text) => text.includes(setupToken));
    expect(naming).toHaveLength(1);
    expect(naming[0]!.split(setupToken)).toHaveLength(2);
    expect(JSON.parse(naming[0]!)).toEqual(line);
    expect(server.stderr()).not.toContain(setupToken);
    expectAbsent(server, {
      "the setup link's digest": digestSecret(setupToken),
      'the password set through it': SETUP_PASSWORD,
      'the session id': sessionid!,
      'the CSRF token': csrftoken!,
      'a password hash': '$argon2',
    });
  }, 120_000);
});
