// Two agents sharing one queue, each signed in through the sign-in page in a browser
// context of their own, against the real server and a fresh database: a change made on
// a stale screen is never silently lost (the agent sees the colleague's change and
// re-applies theirs with one click), the ticket's timeline tells who did what, tickets
// are handed over (assign to me, My tickets, reassigning), notes are left for the next
// person, and several tickets are closed in one action.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { chooseInMenu, menuValue } from './support/choice-menu.js';
import { startServer, type Person, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

// The app answers within a second or two even on a loaded CI machine; allow more.
const POLL = { timeout: 15_000, interval: 100 };

let server: RunningServer;
let browser: Browser;
let sessions: BrowserSession[] = [];
let avery: Person;
let bea: Person;
let a: Page;
let b: Page;

interface TicketState {
  title: string;
  status: string;
  priority: string;
  version: number;
  assignee: { displayName: string } | null;
}

async function createTicket(input: Record<string, unknown>): Promise<string> {
  const data = await server.gql<{ createTicket: { ticket: { id: string } } }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }',
    { input: { description: 'A request that the team shares.', category: 'TECHNICAL', ...input } },
  );
  return data.createTicket.ticket.id;
}

async function ticket(id: string): Promise<TicketState> {
  const data = await server.gql<{ ticket: TicketState }>(
    'query($id: ID!) { ticket(id: $id) { title status priority version assignee { displayName } } }',
    { id },
  );
  return data.ticket;
}

/** The timeline's entries on the page, as text. */
async function timeline(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'History' }).getByRole('listitem').allTextContents();
}

function row(page: Page, title: string) {
  return page.locator('.ticket-row', { has: page.getByRole('link', { name: title, exact: true }) });
}

beforeAll(async () => {
  server = await startServer();
  avery = await server.createAgent({ displayName: 'Avery Agent' });
  bea = await server.createAgent({ displayName: 'Bea Colleague' });
  browser = await launchBrowser();
  sessions = [await openBrowser(server.url, { browser }), await openBrowser(server.url, { browser })];
  a = sessions[0]!.page;
  b = sessions[1]!.page;
  await signIn(a, avery);
  await signIn(b, bea);
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await browser?.close();
  await server?.stop();
});

describe('two agents on one queue', () => {
  it("shows A the change B saved meanwhile, re-applies A's change with one click, and the timeline tells both with authors", async () => {
    const id = await createTicket({ title: 'Printer on fire', priority: 'LOW', status: 'OPEN' });

    // A opens the ticket to edit it: their screen is at version 1.
    await a.goto(`/tickets/${id}`);
    await a.getByRole('button', { name: 'Edit' }).click();
    await a.getByLabel('Priority').selectOption('HIGH');

    // Meanwhile B, in the list, takes it and escalates it.
    await b.goto('/tickets');
    const bRow = row(b, 'Printer on fire');
    await chooseInMenu(bRow, 'Status of “Printer on fire”', 'In progress');
    await expect.poll(async () => (await ticket(id)).status, POLL).toBe('IN_PROGRESS');
    await chooseInMenu(bRow, 'Priority of “Printer on fire”', 'Critical');
    await expect.poll(async () => (await ticket(id)).priority, POLL).toBe('CRITICAL');

    // A saves from the stale screen: nothing of B's is overwritten, A sees what B changed.
    await a.getByRole('button', { name: 'Save changes' }).click();
    const notice = a.getByRole('alert', { name: 'Changed meanwhile by someone else' });
    const theirs = notice.getByRole('list', { name: 'Their changes' });
    await theirs.waitFor();
    expect(await theirs.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Status: Open → In progress\s*Bea Colleague · /),
      expect.stringMatching(/^Priority: Low → Critical\s*Bea Colleague · /),
    ]);
    expect(await notice.getByTestId('conflict-mine').textContent()).toBe('Priority → High');
    expect(await ticket(id)).toMatchObject({ status: 'IN_PROGRESS', priority: 'CRITICAL', version: 3 });
    await sessions[0]!.screenshot('team-conflict');

    await notice.getByRole('button', { name: 'Re-apply my change' }).click();
    await expect.poll(async () => ticket(id), POLL).toMatchObject({ status: 'IN_PROGRESS', priority: 'HIGH', version: 4 });
    await a.getByRole('button', { name: 'Edit' }).waitFor();

    // The timeline: the creation, B's two changes and A's, each with its author.
    await expect.poll(async () => (await timeline(a)).length, POLL).toBe(4);
    expect(await timeline(a)).toEqual([
      expect.stringMatching(/^Created · no AI suggestion shown\s*API token e2e arrangements · /),
      expect.stringMatching(/^Status: Open → In progress\s*Bea Colleague · /),
      expect.stringMatching(/^Priority: Low → Critical\s*Bea Colleague · /),
      expect.stringMatching(/^Priority: Critical → High\s*Avery Agent · /),
    ]);
    await sessions[0]!.screenshot('team-timeline');
  });

  it('hands a ticket over: assign to me puts it in My tickets, a colleague takes it over, the timeline tells both', async () => {
    const id = await createTicket({ title: 'Router blinking red', priority: 'HIGH' });
    await a.goto('/tickets');
    const aRow = row(a, 'Router blinking red');
    expect(await aRow.getByTestId('assignee').textContent()).toBe('Unassigned');
    await aRow.getByRole('button', { name: 'Assign to me: “Router blinking red”' }).click();
    await expect.poll(async () => (await ticket(id)).assignee?.displayName, POLL).toBe('Avery Agent');
    expect(await aRow.getByTestId('assignee').textContent()).toBe('Avery Agent');

    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
    await a.waitForURL('**/tickets?assignee=me');
    await a.getByRole('heading', { name: 'My tickets' }).waitFor();
    await row(a, 'Router blinking red').waitFor();
    expect(await a.locator('.ticket-row').count()).toBe(1);

    // B's Unassigned view no longer has it; B takes it over on its page.
    await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Unassigned' }).click();
    await b.waitForURL('**/tickets?assignee=none');
    await b.getByRole('heading', { name: 'Unassigned tickets' }).waitFor();
    await b.locator('.tickets__count').waitFor();
    expect(await row(b, 'Router blinking red').count()).toBe(0);
    await b.goto(`/tickets/${id}`);
    expect(await menuValue(b, 'Assignee')).toBe('Avery Agent');
    await b.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(async () => (await ticket(id)).assignee?.displayName, POLL).toBe('Bea Colleague');
    await expect
      .poll(async () => (await timeline(b)).at(-1), POLL)
      .toMatch(/^Assigned to Bea Colleague \(from Avery Agent\)\s*Bea Colleague · /);
    expect((await timeline(b)).at(-2)).toMatch(/^Assigned to Avery Agent\s*Avery Agent · /);
    await sessions[1]!.screenshot('team-assigned');
  });

  it('shows a note added by one agent to the other, in the notes and in the timeline', async () => {
    const id = await createTicket({ title: 'Invoice address wrong' });
    await a.goto(`/tickets/${id}`);
    const form = a.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('New note').fill('Customer sent the corrected address by phone.');
    expect(await form.getByText('45 / 10,000').count()).toBe(1);
    await form.getByRole('button', { name: 'Add note' }).click();
    const notes = a.getByRole('list', { name: 'Internal notes' });
    await notes.getByRole('listitem').first().waitFor();
    expect(await notes.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Avery Agent · .*Customer sent the corrected address by phone\.$/),
    ]);
    await expect
      .poll(async () => (await timeline(a)).at(-1), POLL)
      .toMatch(/^Note added: “Customer sent the corrected address by phone\.”\s*Avery Agent · /);

    await b.goto(`/tickets/${id}`);
    await b.getByRole('list', { name: 'Internal notes' }).getByText('Customer sent the corrected address by phone.').waitFor();
    await sessions[0]!.screenshot('team-note');
  });

  it('closes three tickets selected with a shift-click in one action', async () => {
    const ids = [];
    for (const title of ['Duplicate one', 'Duplicate two', 'Duplicate three']) ids.push(await createTicket({ title }));
    await a.goto('/tickets');
    // Newest first: three, two, one.
    await row(a, 'Duplicate three').getByRole('checkbox', { name: 'Select “Duplicate three”' }).click();
    await row(a, 'Duplicate one')
      .getByRole('checkbox', { name: 'Select “Duplicate one”' })
      .click({ modifiers: ['Shift'] });
    const bar = a.getByRole('form', { name: 'Change selected tickets' });
    await bar.getByText('3 selected').waitFor();
    expect(await row(a, 'Duplicate two').getByRole('checkbox').isChecked()).toBe(true);
    await bar.getByLabel('Status').selectOption('CLOSED');
    await bar.getByRole('button', { name: 'Apply to 3 tickets' }).click();
    await a.getByText('3 tickets changed.').waitFor();
    for (const id of ids) expect((await ticket(id)).status).toBe('CLOSED');
    expect(await menuValue(row(a, 'Duplicate two'), 'Status of “Duplicate two”')).toBe('Closed');
    await sessions[0]!.screenshot('team-bulk');
  });

  it('never shows a page error or a blocked request', () => {
    for (const session of sessions) {
      expect(session.pageErrors).toEqual([]);
      expect(session.cspViolations).toEqual([]);
      expect(session.externalRequests).toEqual([]);
    }
  });
});
