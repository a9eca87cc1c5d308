// Issue 14 in a real browser against the real server: while an agent writes a reworded
// duplicate of an existing ticket, the new-ticket form shows it among the similar
// tickets (and how sure the suggestion is, and why); the dashboard's triage card links
// to the tickets whose suggestion agents overrode. axe finds nothing on either page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const POLL = { timeout: 15_000, interval: 100 };

const ORIGINAL = {
  title: 'Android app crashes on the invoices screen',
  description: 'The mobile app crashes every time I open the invoices screen on my Android phone since the last update.',
};
const REWORDED = 'Since the latest update, opening the invoices screen in the Android mobile app makes it crash each time on my phone.';

let server: RunningServer;
let session: BrowserSession;
let page: Page;
let duplicateId = '';
const overriddenIds: string[] = [];

/** Files a ticket as an agent would after asking for a suggestion: with `chosen` values overriding it. */
async function fileWithSuggestion(title: string, description: string, chosen: { category?: string; priority?: string } = {}) {
  const { classifyDescription: answer } = await server.gql<{
    classifyDescription: { category: string; priority: string; suggestionId: string };
  }>('query($d: String!) { classifyDescription(description: $d) { category priority suggestionId } }', { d: description });
  const res = await server.gql<{ createTicket: { ticket: { id: string }; userErrors: unknown[] } }>(
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { code } } }',
    {
      input: {
        title,
        description,
        category: chosen.category ?? answer.category,
        priority: chosen.priority ?? answer.priority,
        suggestionId: answer.suggestionId,
      },
    },
  );
  expect(res.createTicket.userErrors).toEqual([]);
  return { id: res.createTicket.ticket.id, suggested: answer };
}

beforeAll(async () => {
  server = await startServer();
  duplicateId = (await fileWithSuggestion(ORIGINAL.title, ORIGINAL.description)).id;
  await fileWithSuggestion('Password reset', 'I forgot my password and the reset email never arrives.');
  await fileWithSuggestion('Roadmap question', 'When will the dark mode feature ship? Just curious about the roadmap.');
  // Suggested billing, filed as technical by the agent: an override.
  const overridden = await fileWithSuggestion(
    'Refund for double charge',
    'I was charged twice this month, please refund the duplicate payment.',
    {
      category: 'TECHNICAL',
    },
  );
  expect(overridden.suggested.category).toBe('BILLING');
  overriddenIds.push(overridden.id);
  const agent = await server.createAgent({ displayName: 'Tess Triage' });
  session = await openBrowser(server.url);
  page = session.page;
  await signIn(page, agent);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('triage in the web app', () => {
  it('shows a reworded duplicate among the similar tickets while the agent types, with how sure the suggestion is', async () => {
    await page.goto('/tickets/new');
    await page.getByLabel('Title').fill('Crash on invoices');
    await page.getByLabel('Description').pressSequentially(REWORDED, { delay: 5 });
    const similar = page.getByRole('region', { name: /similar tickets/i });
    await similar.waitFor(POLL);
    const ids = await similar.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-ticket-id')));
    expect(ids.slice(0, 3)).toContain(duplicateId);
    expect(ids.length).toBeLessThanOrEqual(5);
    const link = similar.getByRole('link', { name: new RegExp(`#${duplicateId} ${ORIGINAL.title}`) });
    expect(await link.getAttribute('href')).toBe(`/tickets/${duplicateId}`);
    expect(await similar.locator(`li[data-ticket-id="${duplicateId}"]`).textContent()).toContain('Open');

    const note = page.locator('.suggestion-note[data-origin="suggested"]').first();
    await expect.poll(async () => (await note.textContent()) ?? '', POLL).toMatch(/^Suggested by offline classifier · \d+% sure$/);
    // The reason names the words as written, not the classifier's stems.
    const why = (await page.locator('.suggestion-status').textContent()) ?? '';
    expect(why).toMatch(/^Why: /);
    expect(why).not.toMatch(/"invoic"/);

    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await session.screenshot('new-ticket-similar');
  });

  it('shows nothing similar for unrelated text', async () => {
    await page.goto('/tickets/new');
    const answered = page.waitForResponse((res) => (res.request().postData() ?? '').includes('query SimilarTickets'));
    await page.getByLabel('Description').fill('Could you tell me the opening hours of your Lisbon office on holidays?');
    await page.getByLabel('Title').click();
    expect(await (await answered).json()).toEqual({ data: { similarTickets: [] } });
    expect(await page.getByRole('region', { name: /similar tickets/i }).count()).toBe(0);
  });

  it("links the dashboard's triage card to the overridden tickets", async () => {
    await page.goto('/dashboard');
    const card = page.locator('[data-chart="triage"]');
    await card.getByRole('heading', { name: 'Triage, last 30 days' }).waitFor(POLL);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await session.screenshot('dashboard-triage');

    await card.getByRole('link', { name: `${overriddenIds.length} tickets with the suggestion overridden` }).click();
    await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('suggestion') === 'OVERRIDDEN');
    await page.locator('.tickets__count', { hasText: `of ${overriddenIds.length} ticket` }).waitFor(POLL);
    const rows = await page.locator('.ticket-row').evaluateAll((items) => items.map((r) => r.getAttribute('data-ticket-id')));
    expect(rows).toEqual(overriddenIds);
    // Why the list is narrowed, and a way out.
    const chips = page.getByRole('list', { name: 'Also narrowed by' });
    await chips.getByText('Only suggestion overridden').waitFor();
    await chips.getByRole('button', { name: 'Remove filter: Only suggestion overridden' }).click();
    await page.waitForURL((url) => !url.searchParams.has('suggestion'));
  });
});
