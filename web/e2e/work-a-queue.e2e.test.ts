// Working a queue in a real browser (issue 15): changes from the list are deliberate
// (a menu, committed with Enter or a click; arrow keys on a row's control never save)
// and can be undone for a few seconds; a row that no longer matches the list's filter
// leaves once that window has passed, and the counts follow; focus lands where the work
// continues after "Load more"; search results mark the terms they matched; the
// keyboard shortcuts; and all of it on a phone without sideways scrolling, with axe
// finding nothing while the menu, the undo note or the shortcuts dialog is open.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type Person, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';
import { chooseInMenu, menuValue } from './support/choice-menu.js';

// The undo window is six seconds; a row leaves after it, so allow that and more.
const POLL = { timeout: 20_000, interval: 100 };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const OPEN_COUNT = 10;

let server: RunningServer;
let session: BrowserSession;
let page: Page;
let agent: Person;
const ids: Record<string, string> = {};

interface ServerTicket {
  status: string;
  priority: string;
  version: number;
  assignee: { id: string } | null;
}

async function createTicket(input: Record<string, unknown>): Promise<string> {
  const res = await server.gql<{ createTicket: { ticket: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }`,
    { input },
  );
  expect(res.createTicket.userErrors).toEqual([]);
  return res.createTicket.ticket!.id;
}

async function serverTicket(id: string): Promise<ServerTicket> {
  const data = await server.gql<{ ticket: ServerTicket }>(
    'query($id: ID!) { ticket(id: $id) { status priority version assignee { id } } }',
    {
      id,
    },
  );
  return data.ticket;
}

async function setStatus(id: string, status: string): Promise<void> {
  const current = await serverTicket(id);
  if (current.status === status) return;
  await server.gql('mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { userErrors { code } } }', {
    id,
    input: { status },
  });
}

function row(id: string): Locator {
  return page.locator(`.ticket-row[data-ticket-id="${id}"]`);
}

/** A row's status control, by the name every version of the list gives it. */
function statusControl(title: string): Locator {
  return page.getByLabel(`Status of “${title}”`);
}

/** What a row's status control shows: a select's value or a button's text. */
function shownStatus(control: Locator): Promise<string> {
  return control.evaluate((el) => (el instanceof HTMLSelectElement ? el.options[el.selectedIndex]!.text : (el.textContent ?? '').trim()));
}

function undoNote(): Locator {
  return page.locator('.undo-toast');
}

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
function horizontalOverflow(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The ticket id of the row holding keyboard focus, or what has focus when no row does. */
function focusedRow(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('.ticket-row')?.getAttribute('data-ticket-id') ?? `${el?.tagName}`;
  });
}

async function openList(url: string) {
  await page.goto(url);
  await page.locator('.ticket-row').first().waitFor();
}

beforeAll(async () => {
  server = await startServer();
  // Oldest first: the list shows the last created on top.
  for (let i = 0; i < 20; i += 1) {
    ids[`filler${i}`] = await createTicket({ title: `Older request ${i}`, description: `Routine question ${i}.`, status: 'RESOLVED' });
  }
  ids.invoice = await createTicket({
    title: 'Invoice sent twice',
    description: `${'We wrote about the order before. '.repeat(12)}Then the INVOICE arrived twice, and 100% of it was charged.`,
    status: 'CLOSED',
  });
  ids.markup = await createTicket({
    title: '<img src=x onerror=alert(1)> in the name field',
    description: 'Odd characters.',
    status: 'CLOSED',
  });
  for (let i = 0; i < OPEN_COUNT; i += 1) {
    ids[`open${i}`] = await createTicket({ title: `Queue item ${i}`, description: `Printer ${i} needs toner.`, status: 'OPEN' });
  }
  agent = await server.createAgent({ displayName: 'Kim Keyboard' });
  session = await openBrowser(server.url);
  page = session.page;
  page.setDefaultTimeout(15_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, agent);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('a deliberate change from the list, with undo (defect 2)', () => {
  beforeEach(async () => {
    await page.setViewportSize(DESKTOP);
    await setStatus(ids.open0!, 'OPEN');
  });

  it('never saves on arrow keys over a focused row control; the menu commits only with Enter', async () => {
    await openList('/tickets');
    const before = await serverTicket(ids.open0!);
    const control = statusControl('Queue item 0');
    await control.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    // Nothing chosen: the row still shows the ticket's status, and focus is back on the control.
    expect(await shownStatus(control)).toBe('Open');
    expect(await control.evaluate((el) => el === document.activeElement)).toBe(true);

    // Open with Enter, one step down, commit with Enter: one save, of that choice.
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Status of “Queue item 0”' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-checked'))).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('In progress');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownStatus(control), POLL).toBe('In progress');
    expect(await menu.isVisible()).toBe(false);
    await expect.poll(async () => (await serverTicket(ids.open0!)).version, POLL).toBe(before.version + 1);
    expect((await serverTicket(ids.open0!)).status).toBe('IN_PROGRESS');
  });

  it('announces the change with Undo, which restores the previous status', async () => {
    await openList('/tickets');
    await statusControl('Queue item 0').click();
    await page.getByRole('menuitemradio', { name: 'Resolved' }).click();
    const note = undoNote();
    await note.getByText('Status of “Queue item 0” changed to Resolved.').waitFor();
    // Polite: said when the reader is free, not interrupting.
    expect(await page.locator('[aria-live="polite"]', { has: note }).count()).toBe(1);
    await expect.poll(async () => (await serverTicket(ids.open0!)).status, POLL).toBe('RESOLVED');
    const changed = await serverTicket(ids.open0!);
    await note.getByRole('button', { name: 'Undo' }).click();
    await note.getByText('Status of “Queue item 0” is Open again.').waitFor();
    expect(await shownStatus(statusControl('Queue item 0'))).toBe('Open');
    const undone = await serverTicket(ids.open0!);
    expect(undone).toMatchObject({ status: 'OPEN', version: changed.version + 1 });
  });

  it('says so when a colleague changed the ticket before Undo, and keeps their change', async () => {
    await openList('/tickets');
    await statusControl('Queue item 0').click();
    await page.getByRole('menuitemradio', { name: 'Resolved' }).click();
    await undoNote().getByRole('button', { name: 'Undo' }).waitFor();
    await expect.poll(async () => (await serverTicket(ids.open0!)).status, POLL).toBe('RESOLVED');
    await server.gql('mutation($id: ID!) { updateTicket(id: $id, input: { priority: CRITICAL }) { userErrors { code } } }', {
      id: ids.open0,
    });
    await undoNote().getByRole('button', { name: 'Undo' }).click();
    await undoNote()
      .getByText(/not undone/i)
      .waitFor();
    // The row shows what the colleague changed, as for any conflict.
    await row(ids.open0!).locator('.ticket-row__conflict').waitFor();
    expect(await serverTicket(ids.open0!)).toMatchObject({ status: 'RESOLVED', priority: 'CRITICAL' });
    await server.gql('mutation($id: ID!) { updateTicket(id: $id, input: { priority: MEDIUM }) { userErrors { code } } }', {
      id: ids.open0,
    });
  });
});

describe('a row that no longer matches the filter (defect 4)', () => {
  beforeAll(async () => {
    for (let i = 0; i < OPEN_COUNT; i += 1) await setStatus(ids[`open${i}`]!, 'OPEN');
  });

  it('leaves after its undo window, and the counts follow; an undone change stays', async () => {
    await page.setViewportSize(DESKTOP);
    await openList('/tickets?status=OPEN');
    await page.locator('.tickets__count', { hasText: `Showing ${OPEN_COUNT} of ${OPEN_COUNT} tickets` }).waitFor();

    await statusControl('Queue item 1').click();
    await page.getByRole('menuitemradio', { name: 'Resolved' }).click();
    await undoNote().getByText('Status of “Queue item 1” changed to Resolved.').waitFor();
    // Still there while it can be undone.
    expect(await row(ids.open1!).count()).toBe(1);
    await row(ids.open1!).waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.tickets__count', { hasText: `Showing ${OPEN_COUNT - 1} of ${OPEN_COUNT - 1} tickets` }).waitFor();

    // Undone within the window: it still matches, and stays once the window has passed.
    await statusControl('Queue item 2').click();
    await page.getByRole('menuitemradio', { name: 'Closed' }).click();
    await undoNote().getByRole('button', { name: 'Undo' }).click();
    await undoNote().getByText('Status of “Queue item 2” is Open again.').waitFor();
    await undoNote().waitFor({ state: 'detached', timeout: 20_000 });
    expect(await row(ids.open2!).count()).toBe(1);
    expect(await page.locator('.tickets__count').textContent()).toContain(`Showing ${OPEN_COUNT - 1} of ${OPEN_COUNT - 1} tickets`);
  });

  it('takes the tickets a bulk change moved out of the filter out of the list after the same window', async () => {
    await openList('/tickets?status=OPEN');
    const count = await page.locator('.ticket-row').count();
    for (const id of [ids.open3!, ids.open4!]) await row(id).getByRole('checkbox').check();
    const bar = page.getByRole('form', { name: 'Change selected tickets' });
    await bar.getByLabel('Status').selectOption('CLOSED');
    await bar.getByRole('button', { name: 'Apply to 2 tickets' }).click();
    await expect.poll(async () => (await serverTicket(ids.open3!)).status, POLL).toBe('CLOSED');
    expect(await row(ids.open3!).count()).toBe(1);
    await row(ids.open3!).waitFor({ state: 'detached', timeout: 20_000 });
    await row(ids.open4!).waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.tickets__count', { hasText: `Showing ${count - 2} of ${count - 2} tickets` }).waitFor();
  });
});

async function setPriority(id: string, priority: string): Promise<void> {
  await server.gql('mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { userErrors { code } } }', {
    id,
    input: { priority },
  });
}

describe('undoing a bulk change', () => {
  beforeEach(async () => {
    await page.setViewportSize(DESKTOP);
    for (const id of [ids.open7!, ids.open8!]) await setStatus(id, 'OPEN');
    await setPriority(ids.open7!, 'LOW');
    await setPriority(ids.open8!, 'HIGH');
  });

  async function changeBoth(field: string, value: string) {
    await openList('/tickets');
    for (const id of [ids.open7!, ids.open8!]) await row(id).getByRole('checkbox').check();
    const bar = page.getByRole('form', { name: 'Change selected tickets' });
    await bar.getByLabel(field).selectOption(value);
    await bar.getByRole('button', { name: 'Apply to 2 tickets' }).click();
    await undoNote().getByText('2 tickets changed.').waitFor();
  }

  it('puts back each ticket’s own value, as a change of one row is undone', async () => {
    await changeBoth('Priority', 'CRITICAL');
    const changed = await Promise.all([ids.open7!, ids.open8!].map(serverTicket));
    expect(changed.map((t) => t.priority)).toEqual(['CRITICAL', 'CRITICAL']);

    await undoNote().getByRole('button', { name: 'Undo' }).click();
    await undoNote().getByText('2 tickets are back as they were.').waitFor();
    const undone = await Promise.all([ids.open7!, ids.open8!].map(serverTicket));
    expect(undone.map((t) => t.priority)).toEqual(['LOW', 'HIGH']);
    expect(undone.map((t) => t.version)).toEqual(changed.map((t) => t.version + 1));
    expect(await menuValue(row(ids.open7!), 'Priority of “Queue item 7”')).toBe('Low');
    expect(await menuValue(row(ids.open8!), 'Priority of “Queue item 8”')).toBe('High');
  });

  it('names a ticket a colleague changed meanwhile, and keeps their change', async () => {
    await changeBoth('Status', 'IN_PROGRESS');
    await expect.poll(async () => (await serverTicket(ids.open8!)).status, POLL).toBe('IN_PROGRESS');
    await setPriority(ids.open8!, 'CRITICAL');

    await undoNote().getByRole('button', { name: 'Undo' }).click();
    await undoNote().getByText('Not undone for 2 of 2 tickets: “Queue item 8” was changed meanwhile by someone else.').waitFor();
    // Both were Open before, so one change puts them back, all or nothing: neither moved.
    expect(await serverTicket(ids.open8!)).toMatchObject({ status: 'IN_PROGRESS', priority: 'CRITICAL' });
    expect((await serverTicket(ids.open7!)).status).toBe('IN_PROGRESS');
    await undoNote().getByRole('button', { name: 'Dismiss' }).click();
  });
});

describe('a row whose order changed', () => {
  beforeAll(async () => {
    for (let i = 0; i < OPEN_COUNT; i += 1) {
      await setStatus(ids[`open${i}`]!, 'OPEN');
      await setPriority(ids[`open${i}`]!, 'MEDIUM');
    }
  });

  /** The tickets on screen, top to bottom. */
  function shownOrder(): Promise<string[]> {
    return page.locator('.ticket-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id') ?? ''));
  }

  /** The server's order of the same list, as many as are on screen. */
  async function serverOrder(count: number): Promise<string[]> {
    const data = await server.gql<{ tickets: { edges: { node: { id: string } }[] } }>(
      'query($first: Int) { tickets(filter: { statuses: [OPEN] }, orderBy: PRIORITY, first: $first) { edges { node { id } } } }',
      { first: count },
    );
    return data.tickets.edges.map((edge) => edge.node.id);
  }

  it('moves to its place in a list sorted by priority after its undo window, the counts unchanged', async () => {
    await openList('/tickets?status=OPEN&sort=priority');
    const count = page.locator('.tickets__count', { hasText: `Showing ${OPEN_COUNT} of ${OPEN_COUNT} tickets` });
    await count.waitFor();
    const before = await shownOrder();
    expect(before).toEqual(await serverOrder(OPEN_COUNT));
    const last = before.at(-1)!;
    expect(last).toBe(ids.open0);

    await chooseInMenu(row(last), 'Priority of “Queue item 0”', 'Critical');
    await undoNote().getByText('Priority of “Queue item 0” changed to Critical.').waitFor();
    // The pointer away from the note, which holds the window open while over it.
    await page.mouse.move(0, 0);
    // Where it was while the change can be undone.
    expect(await shownOrder()).toEqual(before);
    // The agent reads on from the top row meanwhile: its focus survives the move.
    await row(before[0]!).locator('.ticket-row__title').focus();
    await expect.poll(shownOrder, POLL).toEqual([last, ...before.slice(0, -1)]);
    expect(await shownOrder()).toEqual(await serverOrder(OPEN_COUNT));
    expect(await focusedRow()).toBe(before[0]);
    await count.waitFor();
    await setPriority(ids.open0!, 'MEDIUM');
  });
});

describe('focus where the work continues (defect 3)', () => {
  it('moves focus to the first new row after Load more', async () => {
    await page.setViewportSize(DESKTOP);
    await openList('/tickets');
    const before = await page.locator('.ticket-row').count();
    const loadMore = page.getByRole('button', { name: /Load more/ });
    await loadMore.focus();
    await page.keyboard.press('Enter');
    await page.locator('.ticket-row').nth(before).waitFor();
    const firstNew = await page.locator('.ticket-row').nth(before).getAttribute('data-ticket-id');
    await expect.poll(focusedRow, POLL).toBe(firstNew);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
  });

  it('continues from the confirmation after Save changes: the next Tab stays in the ticket', async () => {
    await page.goto(`/tickets/${ids.open5}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Queue item 5 (toner)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Changes saved.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main') && document.activeElement !== document.body)).toBe(true);
    await server.gql('mutation($id: ID!) { updateTicket(id: $id, input: { title: "Queue item 5" }) { userErrors { code } } }', {
      id: ids.open5,
    });
  });
});

describe('search results mark what matched', () => {
  it('marks every term in the title and in an excerpt around the first match in the description', async () => {
    await page.setViewportSize(DESKTOP);
    await openList('/tickets?q=invoice%20100%25');
    const hit = row(ids.invoice!);
    await hit.waitFor();
    expect(await hit.locator('.ticket-row__title mark').allTextContents()).toEqual(['Invoice']);
    // The match is past the description's first 300 characters: the excerpt is around it.
    expect(await hit.locator('.ticket-row__snippet mark').allTextContents()).toEqual(['INVOICE', '100%']);
    expect(await hit.locator('.ticket-row__snippet').textContent()).toMatch(/^….*INVOICE arrived twice/);
  });

  it('shows markup in a title as text, marked, never as HTML', async () => {
    await openList('/tickets?q=img');
    const hit = row(ids.markup!);
    await hit.waitFor();
    expect(await hit.locator('img').count()).toBe(0);
    expect(await hit.locator('.ticket-row__title mark').allTextContents()).toEqual(['img']);
    expect(await hit.locator('.ticket-row__title').textContent()).toBe('<img src=x onerror=alert(1)> in the name field');
  });
});

describe('keyboard shortcuts', () => {
  it('/ focuses search; typed letters stay in the field; j and k move through the rows; Enter opens', async () => {
    await page.setViewportSize(DESKTOP);
    await openList('/tickets');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.keyboard.type('jk');
    expect(await page.getByLabel('Search').inputValue()).toBe('jk');
    // The whole list again, as it was before the search.
    await openList('/tickets');
    await page.locator('h1').click();

    const rowIds = await page.locator('.ticket-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')!));
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(rowIds[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(rowIds[2]);
    await page.keyboard.press('k');
    expect(await focusedRow()).toBe(rowIds[1]);
    // Modifier keys belong to the browser.
    await page.keyboard.press('Control+j');
    expect(await focusedRow()).toBe(rowIds[1]);
    // Far down the list, the selected row is scrolled into view.
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('j');
    const inView = await page.evaluate(() => {
      const box = document.activeElement!.closest('.ticket-row')!.getBoundingClientRect();
      // Scrolling moves by whole pixels: a row may end a fraction of one past the edge.
      return box.top >= -1 && box.bottom <= window.innerHeight + 1;
    });
    expect(inView).toBe(true);
    const selected = await focusedRow();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/tickets/${selected}`);
  });

  it('a assigns to me and z undoes it, e edits, c opens a new ticket', async () => {
    await openList('/tickets?status=OPEN');
    const target = await page.locator('.ticket-row').first().getAttribute('data-ticket-id');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await expect.poll(async () => (await serverTicket(target!)).assignee?.id ?? null, POLL).toBe(agent.id);
    await undoNote()
      .getByText(/assigned to you/i)
      .waitFor();
    // z undoes it while the note shows; a again assigns it.
    await page.keyboard.press('z');
    await undoNote()
      .getByText(/is unassigned again/)
      .waitFor();
    expect((await serverTicket(target!)).assignee).toBeNull();
    await page.keyboard.press('a');
    await expect.poll(async () => (await serverTicket(target!)).assignee?.id ?? null, POLL).toBe(agent.id);

    await page.keyboard.press('e');
    await page.getByRole('form', { name: 'Edit ticket' }).waitFor();
    expect(page.url()).toContain(`/tickets/${target}`);
    await page.getByLabel('Title').press('Escape');
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    await page.keyboard.press('e');
    await page.getByRole('form', { name: 'Edit ticket' }).waitFor();
    await page.getByLabel('Title').press('Escape');

    await page.keyboard.press('c');
    await page.waitForURL('**/tickets/new');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), POLL).toBe('title');
    // Typing in the title is typing, not shortcuts.
    await page.keyboard.type('ca');
    expect(page.url()).toMatch(/\/tickets\/new$/);
    expect(await page.getByLabel('Title').inputValue()).toBe('ca');
  });

  it('? lists the shortcuts in a modal dialog that keeps focus and gives it back on Escape', async () => {
    await openList('/tickets');
    await page.locator('h1').click();
    await page.keyboard.press('j');
    const before = await focusedRow();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    for (const key of ['/', 'j', 'k', 'Enter', 'c', 'e', 'a', '?']) expect(keys).toContain(key);
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    // Shortcuts do not act behind the dialog.
    await page.keyboard.press('j');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedRow()).toBe(before);
  });
});

describe('on a phone (390×844)', () => {
  beforeAll(async () => {
    await page.setViewportSize(PHONE);
    await setStatus(ids.open6!, 'OPEN');
  });
  afterAll(async () => {
    await page.setViewportSize(DESKTOP);
  });

  it('opens the menu within the window, with no violation', async () => {
    await openList('/tickets');
    await statusControl('Queue item 6').click();
    await page.getByRole('menu', { name: 'Status of “Queue item 6”' }).waitFor();
    expect(await horizontalOverflow()).toBe(0);
    const box = await page.getByRole('menu').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await session.screenshot('status-menu-phone');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the undo note within the window, with no violation', async () => {
    await page.getByRole('menuitemradio', { name: 'In progress' }).click();
    await undoNote().getByRole('button', { name: 'Undo' }).waitFor();
    expect(await horizontalOverflow()).toBe(0);
    const box = await undoNote().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await session.screenshot('undo-note-phone');
    expect(await axeViolations(page)).toEqual([]);
    await undoNote().getByRole('button', { name: 'Undo' }).click();
  });

  it('shows the shortcuts dialog within the window, with no violation', async () => {
    await page.locator('h1').click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await horizontalOverflow()).toBe(0);
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await session.screenshot('shortcuts-phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

it('raised no page error, no Content-Security-Policy violation and no request off the machine', () => {
  expect(session.pageErrors).toEqual([]);
  expect(session.cspViolations).toEqual([]);
  expect(session.externalRequests).toEqual([]);
});
