// Identity and access in a real browser against the real server (issue 12): signing in
// through the sign-in page and coming back to where one was going, a wrong password,
// who is signed in, the tickets remembering who wrote them, signing out for good, what
// an agent and an administrator may open, the first administrator's setup link, and
// the server's own pages (the playground, the API docs) behind sign-in. Each flow runs
// in a browser context of its own (its own cookies), and none may raise a page error,
// a Content-Security-Policy violation or a request off this machine.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { chooseInMenu, menuValue } from './support/choice-menu.js';
import { ADMIN, startServer, type Person, type RunningServer } from './support/server.js';
import { signIn, submitSignIn } from './support/sign-in.js';

const POLL = { timeout: 15_000, interval: 100 };
const SEEDED_TITLE = 'Printer reports paper jam with no paper inside';

let server: RunningServer;
let browser: Browser;
let agent: Person;
let seededId = '';
const sessions: BrowserSession[] = [];

/** A new browser context (signed out) on `baseURL`, closed after the file. */
async function newSession(baseURL = server.url): Promise<BrowserSession> {
  const session = await openBrowser(baseURL, { browser });
  sessions.push(session);
  return session;
}

/** What no flow may cause. */
function expectNothingWentWrong(session: BrowserSession) {
  expect(session.pageErrors).toEqual([]);
  expect(session.cspViolations).toEqual([]);
  expect(session.externalRequests).toEqual([]);
}

function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/** The sign-in page, and (once the app has asked the server who is signed in) nothing of the signed-in app. */
async function expectSignInPage(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const header = page.getByRole('banner');
  // Signing out leaves for this page first, then asks again who is signed in.
  await expect.poll(() => header.getByRole('button', { name: 'Sign out' }).count(), POLL).toBe(0);
  expect(await header.getByRole('navigation').count()).toBe(0);
  expect(await page.locator('.ticket-row').count()).toBe(0);
}

/** Who the header says is signed in. */
async function signedInAs(page: Page): Promise<string> {
  const who = page.getByRole('banner').locator('.user-menu__who');
  await who.waitFor();
  return ((await who.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function ticketAuthors(id: string) {
  const data = await server.gql<{
    ticket: {
      status: string;
      createdBy: { displayName?: string; name?: string } | null;
      updatedBy: { displayName?: string; name?: string } | null;
    };
  }>(
    `query($id: ID!) { ticket(id: $id) {
      status
      createdBy { ... on User { displayName } ... on ApiToken { name } }
      updatedBy { ... on User { displayName } ... on ApiToken { name } }
    } }`,
    { id },
  );
  return data.ticket;
}

beforeAll(async () => {
  server = await startServer();
  agent = await server.createAgent({ displayName: 'Robin Agent' });
  const created = await server.gql<{ createTicket: { ticket: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }`,
    { input: { title: SEEDED_TITLE, description: 'The printer on the second floor says it is jammed; it is empty.' } },
  );
  expect(created.createTicket.userErrors).toEqual([]);
  seededId = created.createTicket.ticket!.id;
  // As people's browsers are: Back may show a page kept in memory rather than load it.
  browser = await launchBrowser({ backForwardCache: true });
});

afterAll(async () => {
  for (const session of sessions) await session.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('signing in', () => {
  it('sends an anonymous visit to a ticket to sign in, and back to that ticket after', async () => {
    const session = await newSession();
    const { page } = session;
    await page.goto(`/tickets/${seededId}`);
    await page.waitForURL('**/signin?**');
    expect(pathAndQuery(page)).toBe(`/signin?next=${encodeURIComponent(`/tickets/${seededId}`)}`);
    await expectSignInPage(page);
    expect(await page.getByText(SEEDED_TITLE).count()).toBe(0);
    await session.screenshot('auth-signin-next');

    await submitSignIn(page, agent);
    await page.waitForURL(`**/tickets/${seededId}`);
    await page.getByRole('heading', { level: 1, name: SEEDED_TITLE }).waitFor();
    // Arranged through the admin's API token: the ticket says so.
    expect(await page.getByTestId('created-by').textContent()).toBe('API token e2e arrangements');
    expectNothingWentWrong(session);
  });

  it('refuses a wrong password with a message, signs in with the right one, and shows who is signed in', async () => {
    const session = await newSession();
    const { page } = session;
    await page.goto('/signin');
    await submitSignIn(page, { email: agent.email, password: `${agent.password}!` });
    const refusal = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('The email address or the password is wrong.');
    expect(pathAndQuery(page)).toBe('/signin');
    expect((await session.context.cookies()).map((c) => c.name)).not.toContain('sessionid');
    await expectSignInPage(page);
    await session.screenshot('auth-signin-wrong-password');

    await submitSignIn(page, agent);
    await page.waitForURL('**/tickets');
    expect(await signedInAs(page)).toBe(`Signed in as ${agent.displayName} Agent`);
    await page.locator('.ticket-row').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await session.screenshot('auth-signed-in');
    expectNothingWentWrong(session);
  });
});

describe('working tickets, signed in', () => {
  it('records the agent as the author of a ticket they create and as who last changed a ticket', async () => {
    const session = await newSession();
    const { page } = session;
    await signIn(page, agent);

    await page.getByRole('link', { name: 'New ticket' }).first().click();
    await page.waitForURL('**/tickets/new');
    await page.getByLabel('Title').fill('Cannot log in to the billing portal');
    await page.getByLabel('Description').fill('Since this morning the billing portal rejects my password although it is correct.');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    const id = page.url().split('/').pop()!;
    await page.getByText('Ticket created.').waitFor();
    expect(await page.getByTestId('created-by').textContent()).toBe(agent.displayName);
    expect(await page.getByTestId('updated-by').textContent()).toBe(agent.displayName);

    await chooseInMenu(page, 'Status', 'In progress');
    await expect.poll(async () => (await ticketAuthors(id)).status, POLL).toBe('IN_PROGRESS');
    expect(await ticketAuthors(id)).toEqual({
      status: 'IN_PROGRESS',
      createdBy: { displayName: agent.displayName },
      updatedBy: { displayName: agent.displayName },
    });
    await session.screenshot('auth-ticket-created-by-agent');

    // A ticket another wrote (the admin's token): changing it makes the agent the last to change it, on screen at once.
    await page.goto(`/tickets/${seededId}`);
    await page.getByRole('heading', { level: 1, name: SEEDED_TITLE }).waitFor();
    expect(await page.getByTestId('updated-by').textContent()).toBe('API token e2e arrangements');
    await chooseInMenu(page, 'Status', 'Resolved');
    await expect.poll(() => page.getByTestId('updated-by').textContent(), POLL).toBe(agent.displayName);
    expect(await ticketAuthors(seededId)).toEqual({
      status: 'RESOLVED',
      createdBy: { name: 'e2e arrangements' },
      updatedBy: { displayName: agent.displayName },
    });
    expect(await page.getByTestId('created-by').textContent()).toBe('API token e2e arrangements');
    expectNothingWentWrong(session);
  });
});

describe('signing out', () => {
  /** Whether a page of `session` showed a ticket since `watch()`: on any change, and when a page is shown again from the back-forward cache. */
  async function watchForTickets(session: BrowserSession) {
    let watching = false;
    const shown: string[] = [];
    await session.context.exposeBinding('__e2eTicketsShown', (_source, where: string) => {
      if (watching) shown.push(where);
    });
    await session.context.addInitScript(() => {
      const report = (window as unknown as { __e2eTicketsShown(where: string): void }).__e2eTicketsShown;
      let showing = false;
      const check = (restored: boolean) => {
        // The app's list and detail, and the API docs' answers to "Try it out".
        const now = document.querySelector('.ticket-row, [data-testid="created-by"], .live-responses-table') !== null;
        if (now && (restored || !showing)) report(`${location.pathname}${restored ? ' (restored)' : ''}`);
        showing = now;
      };
      window.addEventListener('pageshow', (event) => check(event.persisted));
      new MutationObserver(() => check(false)).observe(document, { childList: true, subtree: true });
    });
    return {
      shown,
      watch() {
        watching = true;
      },
    };
  }

  /** Signs out with the header's button, and checks the sign-in page and that the session ended on the server too. */
  async function signOut(session: BrowserSession) {
    const { page } = session;
    const cookies = Object.fromEntries((await session.context.cookies()).map((c) => [c.name, c.value]));
    expect(cookies.sessionid).toBeTruthy();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(pathAndQuery(page)).toBe('/signin');
    await expectSignInPage(page);
    expect((await session.context.cookies()).map((c) => c.name)).not.toContain('sessionid');
    // Over on the server, not only forgotten by this browser.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sessionid=${cookies.sessionid}`, 'x-csrftoken': cookies.csrftoken ?? '' },
      body: JSON.stringify({ query: '{ tickets(first: 1) { totalCount } }' }),
    });
    const refused = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }

  /** Back, to `path` of the app: the sign-in page comes instead, leading back there. */
  async function goBackTo(page: Page, path: string) {
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => pathAndQuery(page), POLL).toBe(`/signin?next=${encodeURIComponent(path)}`);
    await expectSignInPage(page);
  }

  it('goes back to sign in and ends the session; Back to the screens before shows no ticket', async () => {
    const session = await newSession();
    const { page } = session;
    const tickets = await watchForTickets(session);
    await signIn(page, agent);
    await page.locator('.ticket-row').first().waitFor();
    await page.getByRole('link', { name: SEEDED_TITLE }).click();
    await page.waitForURL(`**/tickets/${seededId}`);
    await page.getByRole('heading', { level: 1, name: SEEDED_TITLE }).waitFor();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-kpi="total"]').waitFor();

    await signOut(session);
    tickets.watch();
    // Signing out took the dashboard's place in the history: Back goes to the ticket.
    await goBackTo(page, `/tickets/${seededId}`);
    await goBackTo(page, '/tickets');
    expect(tickets.shown).toEqual([]);
    await session.screenshot('auth-signed-out');
    expectNothingWentWrong(session);
  });

  it('shows no ticket on Back to an earlier page load (the back-forward cache), nor on reloading /tickets', async () => {
    const session = await newSession();
    const { page } = session;
    const tickets = await watchForTickets(session);
    await signIn(page, agent);
    await page.locator('.ticket-row').first().waitFor();
    // A page load of its own (a link opened in this tab, an address typed).
    await page.goto(`/tickets/${seededId}`);
    await page.getByRole('heading', { level: 1, name: SEEDED_TITLE }).waitFor();

    await signOut(session);
    tickets.watch();
    await goBackTo(page, '/tickets');
    expect(tickets.shown).toEqual([]);

    await page.goto('/tickets');
    await page.waitForURL('**/signin?next=**');
    await page.reload();
    expect(pathAndQuery(page)).toBe(`/signin?next=${encodeURIComponent('/tickets')}`);
    await expectSignInPage(page);
    expect(tickets.shown).toEqual([]);
    expectNothingWentWrong(session);
  });

  it('shows no ticket on Back to the API docs, where "Try it out" had listed them', async () => {
    const session = await newSession();
    const { page } = session;
    const tickets = await watchForTickets(session);
    await signIn(page, agent);
    await page.goto('/api/docs/');
    const list = page.locator('#operations-tickets-get_api_tickets_');
    await list.locator('.opblock-summary').click();
    await list.getByRole('button', { name: 'Try it out' }).click();
    await list.getByRole('button', { name: 'Execute' }).click();
    await list.locator('.live-responses-table', { hasText: SEEDED_TITLE }).waitFor();
    await page.goto('/tickets');
    await page.locator('.ticket-row').first().waitFor();

    await signOut(session);
    tickets.watch();
    await goBackTo(page, '/api/docs/');
    expect(tickets.shown).toEqual([]);
    expectNothingWentWrong(session);
  });
});

describe('administration', () => {
  it('shows an agent who opens /admin/users that it is not theirs, with no admin links', async () => {
    const session = await newSession();
    const { page } = session;
    await signIn(page, agent);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'You do not have permission' }).waitFor();
    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Tickets', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    expect(await page.locator('.data-table').count()).toBe(0);
    await session.screenshot('auth-agent-no-permission');
    expectNothingWentWrong(session);
  });

  it('shows an administrator the users, the agent among them', async () => {
    const session = await newSession();
    const { page } = session;
    await signIn(page, ADMIN);
    expect(await signedInAs(page)).toBe(`Signed in as ${ADMIN.displayName} Administrator`);
    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'API tokens' }).waitFor();
    await nav.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const row = page.locator('tr', { has: page.getByRole('cell', { name: agent.email, exact: true }) });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe(agent.displayName);
    expect(await menuValue(row, `Role of ${agent.displayName}`)).toBe('Agent');
    await session.screenshot('auth-admin-users');
    expectNothingWentWrong(session);
  });
});

describe("the server's own pages", () => {
  it('sends an anonymous browser from the playground and the API docs to sign in, and back to the playground after', async () => {
    const session = await newSession();
    const { page } = session;
    for (const path of ['/graphql', '/api/docs/', '/graphiql']) {
      await page.goto(path);
      await page.waitForURL('**/signin?**');
      expect(pathAndQuery(page)).toBe(`/signin?next=${encodeURIComponent(path)}`);
      await expectSignInPage(page);
      expect(await page.locator('.graphiql-container, .swagger-ui').count()).toBe(0);
    }

    await submitSignIn(page, agent);
    await page.waitForURL((url) => url.pathname === '/graphiql');
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-tab', { hasText: 'ExampleListTickets' }).first().waitFor();
    await page.locator('.graphiql-editor-tool', { hasText: 'IN_PROGRESS' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(async () => ((await page.locator('.result-window').textContent()) ?? '').replace(/\u00a0/g, ' '), POLL)
      .toMatch(/"totalCount": \d+/);
    await session.screenshot('auth-graphiql-after-signin');
    expectNothingWentWrong(session);
  });
});

describe('the first administrator', () => {
  let fresh: RunningServer | undefined;

  afterAll(async () => {
    await fresh?.stop();
  });

  it('is created through the setup link the server logs when it has no admin, and is then signed in', async () => {
    fresh = await startServer({ admin: null });
    const [setupUrl] = await fresh.waitForLog(/https?:\/\/\S+\/setup\?token=[\w-]+/);
    const session = await newSession(new URL(setupUrl).origin);
    const { page } = session;

    // Until then, the sign-in page says where the setup link is.
    await page.goto('/signin');
    await page.getByRole('note').filter({ hasText: 'No administrator account exists yet.' }).waitFor();

    await page.goto(setupUrl);
    await page.getByRole('heading', { level: 1, name: 'Create the first administrator' }).waitFor();
    const form = page.getByRole('form', { name: 'First administrator' });
    const admin = { email: 'first.admin@tickets.test', displayName: 'Morgan Admin', password: 'setup link: the first admin of many' };
    await form.getByLabel('Email').fill(admin.email);
    await form.getByLabel('Your name').fill(admin.displayName);
    await form.getByLabel('Password').fill(admin.password);
    await session.screenshot('auth-setup');
    await form.getByRole('button', { name: 'Create administrator' }).click();

    await page.waitForURL((url) => url.pathname === '/tickets');
    expect(await signedInAs(page)).toBe(`Signed in as ${admin.displayName} Administrator`);
    await page.getByRole('banner').getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).waitFor();
    await page.locator('.tickets__count, .empty').first().waitFor();
    expect((await session.context.cookies()).map((c) => c.name).sort()).toEqual(['csrftoken', 'sessionid']);

    // The link is used up.
    await page.goto(setupUrl);
    await page.getByRole('status').filter({ hasText: 'Setup is done: an administrator exists.' }).waitFor();
    expect(await page.getByRole('form', { name: 'First administrator' }).count()).toBe(0);
    expectNothingWentWrong(session);
  });
});
