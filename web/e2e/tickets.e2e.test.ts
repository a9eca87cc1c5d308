// The agents' app in a real browser against the real server and a fresh database,
// signed in once as an agent through the sign-in page: creating tickets with and
// without the AI suggestion, filtering, searching, paging, in-place changes (kept, and
// refused by the server), the detail page, the dashboard following along, the
// playground and the API docs running as the signed-in agent, and the server going away.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { chooseInMenu, menuValue } from './support/choice-menu.js';
import { startServer, type Person, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const CATEGORIES = ['ACCOUNT', 'BILLING', 'GENERAL', 'TECHNICAL'] as const;
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const SEED_COUNT = 30;
const PAGE_SIZE = 25;
// The app answers within a second or two even on a loaded CI machine; allow more.
const POLL = { timeout: 15_000, interval: 100 };

interface Stats {
  totalTickets: number;
  openTickets: number;
  categoryBreakdown: { category: string; count: number }[];
  suggestionAcceptance: { acceptanceRate: number | null; suggested: number; accepted: number };
}

let server: RunningServer;
let session: BrowserSession;
let page: Page;
let agent: Person;

async function stats(): Promise<Stats> {
  const data = await server.gql<{ stats: Stats }>(
    '{ stats { totalTickets openTickets categoryBreakdown { category count } suggestionAcceptance { acceptanceRate suggested accepted } } }',
  );
  return data.stats;
}

async function ticket(id: string) {
  const data = await server.gql<{
    ticket: { title: string; status: string; category: string; priority: string; suggestion: { source: string; accepted: boolean } | null };
  }>('query($id: ID!) { ticket(id: $id) { title status category priority suggestion { source accepted } } }', { id });
  return data.ticket;
}

async function kpi(name: string): Promise<string> {
  return (await page.locator(`[data-kpi="${name}"] dd, p[data-kpi="${name}"]`).first().textContent())?.trim() ?? '';
}

async function waitForCount(text: string) {
  await page.locator('.tickets__count', { hasText: text }).waitFor();
}

/** The playground's response pane as plain text (Monaco renders spaces as U+00A0). */
async function playgroundResult(): Promise<string> {
  return ((await page.locator('.result-window').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** The session's CSRF token, as the sign-in answer set it in the browser. */
async function csrfCookie(): Promise<string> {
  const cookie = (await session.context.cookies()).find((c) => c.name === 'csrftoken');
  expect(cookie?.value).toBeTruthy();
  return cookie!.value;
}

/** Whether a request went as the signed-in browser: its session cookie and the CSRF header, and no token. */
async function sentWithSession(
  request: Request,
): Promise<{ session: boolean; csrf: string | undefined; authorization: string | undefined }> {
  const headers = await request.allHeaders();
  return { session: /(?:^|;\s*)sessionid=/.test(headers.cookie ?? ''), csrf: headers['x-csrftoken'], authorization: headers.authorization };
}

async function rowIds(): Promise<string[]> {
  return page.locator('.ticket-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id') ?? ''));
}

beforeAll(async () => {
  server = await startServer();
  // Seed tickets through the API, as an integrator would: varied fields, a few
  // mentioning "invoice" for the search.
  for (let i = 0; i < SEED_COUNT; i += 1) {
    const res = await server.gql(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }`,
      {
        input: {
          title: `Seeded request ${i + 1}`,
          description: i % 7 === 0 ? `Question about invoice number ${1000 + i}.` : `Something about case ${i + 1} needs a look.`,
          category: CATEGORIES[i % 4],
          priority: PRIORITIES[(i >> 2) % 4],
          status: i % 5 === 0 ? 'RESOLVED' : 'OPEN',
        },
      },
    );
    expect(res.createTicket.userErrors).toEqual([]);
  }
  agent = await server.createAgent({ displayName: 'Avery Agent' });
  session = await openBrowser(server.url);
  page = session.page;
  await signIn(page, agent);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('support agents web app', () => {
  let acceptedId = '';
  let overriddenId = '';

  it('shows the dashboard figures of the seeded tickets', async () => {
    await page.goto('/dashboard');
    await page.locator('[data-kpi="total"]').waitFor();
    const expected = await stats();
    expect(await kpi('total')).toBe(String(expected.totalTickets));
    expect(await kpi('open')).toBe(String(expected.openTickets));
    expect(await kpi('acceptance')).toBe('—');
    await page.locator('[data-chart="per-day"] svg').first().waitFor();
    await session.screenshot('dashboard-before');
  });

  it('creates a ticket accepting the AI suggestion', async () => {
    await page.getByRole('link', { name: 'New ticket' }).first().click();
    await page.waitForURL('**/tickets/new');
    await page.getByLabel('Title').fill('Charged twice this month');
    await page.getByLabel('Description').fill('I was charged twice for my subscription and need a refund of the duplicate payment.');
    const notes = page.locator('.suggestion-note[data-origin="suggested"]');
    await expect.poll(() => notes.count(), POLL).toBe(2);
    expect(await notes.first().textContent()).toMatch(/^Suggested by offline classifier · \d+% sure$/);
    const suggestedCategory = await page.getByLabel('Category').inputValue();
    const suggestedPriority = await page.getByLabel('Priority').inputValue();
    expect(suggestedCategory).toBe('BILLING');
    await session.screenshot('new-ticket-suggested');

    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    acceptedId = page.url().split('/').pop()!;
    await page.getByText('Ticket created.').waitFor();
    expect(await page.getByTestId('suggestion-summary').textContent()).toMatch(/accepted$/);
    expect(await ticket(acceptedId)).toMatchObject({
      category: suggestedCategory,
      priority: suggestedPriority,
      suggestion: { source: 'LOCAL', accepted: true },
    });
    await session.screenshot('ticket-detail-created');
  });

  it('creates a ticket overriding the suggested priority', async () => {
    await page.getByRole('link', { name: 'New ticket' }).first().click();
    await page.getByLabel('Title').fill('Upload crashes');
    await page.getByLabel('Description').fill('The app crashes with an error every time I upload a file.');
    await expect.poll(() => page.locator('.suggestion-note[data-origin="suggested"]').count(), POLL).toBe(2);
    const suggestedPriority = await page.getByLabel('Priority').inputValue();
    const chosen = suggestedPriority === 'LOW' ? 'HIGH' : 'LOW';
    await page.getByLabel('Priority').selectOption(chosen);
    await page.locator('.suggestion-note[data-origin="agent"]', { hasText: 'Your choice (suggested:' }).waitFor();
    await session.screenshot('new-ticket-overridden');

    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.waitForURL(/\/tickets\/\d+$/);
    overriddenId = page.url().split('/').pop()!;
    expect(await page.getByTestId('suggestion-summary').textContent()).toMatch(/overridden$/);
    expect(await ticket(overriddenId)).toMatchObject({ priority: chosen, suggestion: { source: 'LOCAL', accepted: false } });
  });

  it('shows the new tickets on the dashboard without a reload', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => kpi('total'), POLL).toBe(String(SEED_COUNT + 2));
    const expected = await stats();
    expect(expected.suggestionAcceptance).toMatchObject({ suggested: 2, accepted: 1 });
    await expect.poll(() => kpi('acceptance'), POLL).toBe('50%');
    expect(await kpi('open')).toBe(String(expected.openTickets));
    await session.screenshot('dashboard-after');
  });

  it('filters by category, and the filtered URL survives a reload', async () => {
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.waitForURL('**/tickets');
    await waitForCount(`of ${SEED_COUNT + 2} tickets`);
    await page.getByRole('group', { name: 'Category' }).getByLabel('Billing').check();
    await page.waitForURL(/category=BILLING/);
    const billing = (await stats()).categoryBreakdown.find((c) => c.category === 'BILLING')!.count;
    await waitForCount(`Showing ${billing} of ${billing} tickets`);
    const badges = await page.locator('.ticket-row .badge--category').allTextContents();
    expect(badges).toHaveLength(billing);
    expect(new Set(badges)).toEqual(new Set(['Billing']));
    await session.screenshot('tickets-filtered');

    const before = await rowIds();
    await page.reload();
    await waitForCount(`Showing ${billing} of ${billing} tickets`);
    expect(await page.getByRole('group', { name: 'Category' }).getByLabel('Billing').isChecked()).toBe(true);
    expect(await rowIds()).toEqual(before);
  });

  it('searches as the agent types', async () => {
    await page.getByRole('button', { name: 'Clear filters and search' }).first().click();
    await page.getByLabel('Search').fill('invoice');
    await page.waitForURL(/q=invoice/);
    const seededInvoices = Array.from({ length: SEED_COUNT }, (_, i) => i).filter((i) => i % 7 === 0).length;
    await waitForCount(`Showing ${seededInvoices} of ${seededInvoices} tickets`);
    const titles = await page.locator('.ticket-row__title').allTextContents();
    expect(titles.every((t) => t.startsWith('Seeded request'))).toBe(true);
    await session.screenshot('tickets-search');
  });

  it('pages through every ticket, newest first, with "Load more"', async () => {
    await page.getByRole('button', { name: 'Clear filters and search' }).first().click();
    const total = SEED_COUNT + 2;
    await waitForCount(`Showing ${PAGE_SIZE} of ${total} tickets`);
    expect((await rowIds())[0]).toBe(overriddenId);
    await page.getByRole('button', { name: /Load more/ }).click();
    await waitForCount(`Showing ${total} of ${total} tickets`);
    const ids = await rowIds();
    expect(new Set(ids).size).toBe(total);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
    expect(await page.getByRole('button', { name: /Load more/ }).count()).toBe(0);
  });

  it('changes a status in place and the server keeps it', async () => {
    const openBefore = (await stats()).openTickets;
    const status = 'Status of “Charged twice this month”';
    expect(await menuValue(page, status)).toBe('Open');
    await chooseInMenu(page, status, 'Resolved');
    await expect.poll(async () => (await ticket(acceptedId)).status, POLL).toBe('RESOLVED');
    expect(await menuValue(page, status)).toBe('Resolved');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => kpi('open'), POLL).toBe(String(openBefore - 1));
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  });

  it('rolls an in-place change back, with a message, when the server refuses it', async () => {
    // The real server refuses: the change is sent for a ticket that does not exist
    // (as if another agent's tool had removed it), and the server answers NOT_FOUND.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
      if (body?.operationName !== 'UpdateTicket') return route.fallback();
      return route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, id: '2147483647' } }) });
    });
    const row = page.locator('.ticket-row', { has: page.getByRole('link', { name: 'Upload crashes' }) });
    await chooseInMenu(row, 'Status of “Upload crashes”', 'Closed');
    await row.getByRole('alert').waitFor();
    expect(await row.getByRole('alert').textContent()).toBe('Status not changed: Not found.');
    expect(await menuValue(row, 'Status of “Upload crashes”')).toBe('Open');
    expect((await ticket(overriddenId)).status).toBe('OPEN');
    await session.screenshot('tickets-refused-change');
    await page.unroute('**/graphql');
  });

  it('opens a ticket, edits it and changes its status on its own page', async () => {
    await page.getByRole('link', { name: 'Upload crashes' }).click();
    await page.waitForURL(`**/tickets/${overriddenId}`);
    await page.getByRole('heading', { name: 'Upload crashes' }).waitFor();
    for (const term of ['Category', 'Priority', 'Created', 'Last changed', 'Resolved', 'AI suggestion']) {
      await page.locator('dt', { hasText: term }).first().waitFor();
    }
    expect(await page.getByText('The app crashes with an error every time I upload a file.').count()).toBe(1);
    await session.screenshot('ticket-detail');

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Upload crashes on large files');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Upload crashes on large files' }).waitFor();
    expect((await ticket(overriddenId)).title).toBe('Upload crashes on large files');

    await chooseInMenu(page, 'Status', 'In progress');
    await expect.poll(async () => (await ticket(overriddenId)).status, POLL).toBe('IN_PROGRESS');

    // A direct visit to the URL (a shared link) shows the same ticket.
    await page.goto(`/tickets/${overriddenId}`);
    await page.getByRole('heading', { name: 'Upload crashes on large files' }).waitFor();
    expect(await menuValue(page, 'Status')).toBe('In progress');
  });

  it('looks right on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tickets?status=OPEN');
    await page.locator('.ticket-row').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot('tickets-phone');
    await page.goto('/tickets/new');
    await session.screenshot('new-ticket-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('serves the GraphQL playground, offline, at /graphiql and on GET /graphql, running as the signed-in agent', async () => {
    // Every operation the playground sends goes with the session cookie and its CSRF
    // header (the server refuses a cookie-authenticated POST without it).
    const sent: Request[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sent.push(request);
    };
    page.on('request', record);
    await page.goto('/graphiql');
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-tab', { hasText: 'ExampleListTickets' }).first().waitFor();
    // The first example runs with its variables: open and in-progress tickets only.
    await page.locator('.graphiql-editor-tool', { hasText: 'IN_PROGRESS' }).waitFor();
    const { openTickets } = await stats();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(playgroundResult, POLL).toContain(`"totalCount": ${openTickets}`);
    await session.screenshot('graphiql');

    await page.locator('.graphiql-tab', { hasText: 'ExampleClassify' }).click();
    await page.locator('.graphiql-query-editor', { hasText: 'classifyDescription' }).waitFor();
    // GraphiQL re-reads the operation name 100 ms (debounced) after the editor changes:
    // a run started sooner sends the previous tab's name. Run again until it has.
    await expect
      .poll(
        async () => {
          await page.locator('.graphiql-execute-button').click();
          await page.locator('.graphiql-spinner').waitFor({ state: 'detached' });
          return playgroundResult();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toContain('"source": "LOCAL"');
    expect(await playgroundResult()).toContain('"category": "BILLING"');
    page.off('request', record);

    const ran = sent.map((request) => (request.postDataJSON() as { operationName?: string } | null)?.operationName);
    expect(ran).toEqual(expect.arrayContaining(['ExampleListTickets', 'ExampleClassify']));
    const csrf = await csrfCookie();
    for (const request of sent) {
      expect(await sentWithSession(request)).toEqual({ session: true, csrf, authorization: undefined });
    }

    await page.goto('/graphql');
    await page.locator('.graphiql-container').waitFor();
  });

  it('serves the REST API docs, whose "Try it out" runs as the signed-in agent', async () => {
    await page.goto('/api/docs/');
    const create = page.locator('#operations-tickets-post_api_tickets_');
    await create.locator('.opblock-summary').click();
    await create.getByRole('button', { name: 'Try it out' }).click();
    const body = { title: 'Filed from the API docs', description: 'Sent with the Try it out button of Swagger UI.' };
    await create.locator('textarea.body-param__text').fill(JSON.stringify(body));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/tickets/'),
      create.getByRole('button', { name: 'Execute' }).click(),
    ]);
    // A POST: Swagger UI's request interceptor must have sent the CSRF header.
    expect(await sentWithSession(response.request())).toEqual({ session: true, csrf: await csrfCookie(), authorization: undefined });
    expect(response.status()).toBe(201);
    await create.locator('.live-responses-table .response-col_status', { hasText: '201' }).waitFor();
    const { id } = (await response.json()) as { id: number };
    const data = await server.gql<{ ticket: { title: string; createdBy: { displayName?: string } | null } }>(
      'query($id: ID!) { ticket(id: $id) { title createdBy { ... on User { displayName } } } }',
      { id: String(id) },
    );
    expect(data.ticket).toEqual({ title: body.title, createdBy: { displayName: agent.displayName } });
    await session.screenshot('api-docs-try-it-out');
  });

  it('loaded nothing from outside the server, and raised no page errors and no CSP violations', () => {
    expect(session.externalRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
  });

  it('says the server is unreachable when it goes away', async () => {
    await page.goto('/tickets');
    await page.locator('.ticket-row').first().waitFor();
    await server.stop();
    await page.getByLabel('Search').fill('anything new');
    await page.getByRole('alert').filter({ hasText: 'Cannot reach the server' }).first().waitFor();
    await session.screenshot('server-down');
  });
});
