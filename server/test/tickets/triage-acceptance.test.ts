// Triage statistics stay honest, on every test database: whether the AI suggestion was
// accepted is decided by what the agent saved when creating the ticket. A later edit
// (an escalation a day later) is history, not an override, and an edit that happens to
// match the suggestion does not turn an override into an acceptance. Both statistics
// paths (the trigger-maintained counters and the scan of the tickets) agree.
import { expect, it } from 'vitest';
import { selectTicketStatsByScan, selectTicketStatsFromCounters } from '../../src/tickets/ticket-stats.repository.js';
import { issueTestSuggestion } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id suggestion { accepted } } userErrors { code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { suggestion { accepted } } userErrors { code } } }`;
const ACCEPTANCE = `query($filter: TicketFilter) { stats(filter: $filter) { suggestionAcceptance { suggested accepted overridden
  byCategory { category suggested accepted overridden } } } }`;

async function createSuggested(ctx: TestContext, description: string, saved: { category: string; priority: string }) {
  const suggestionId = await issueTestSuggestion(ctx.db, description, { category: 'billing', priority: 'high', source: 'local' });
  const res = await ctx.gql(CREATE, { input: { title: 'Triage', description, ...saved, suggestionId } });
  expect(res.data!.createTicket.userErrors).toEqual([]);
  return res.data!.createTicket.ticket as { id: string; suggestion: { accepted: boolean } };
}

describeOnDatabases('triage acceptance fixed at create', (ctx) => {
  it('keeps an accepted suggestion accepted, and an overridden one overridden, whatever later edits do', async () => {
    const kept = await createSuggested(ctx, 'Charged twice.', { category: 'BILLING', priority: 'HIGH' });
    const changed = await createSuggested(ctx, 'Charged three times.', { category: 'BILLING', priority: 'LOW' });
    expect([kept.suggestion.accepted, changed.suggestion.accepted]).toEqual([true, false]);

    // An escalation of the accepted one, and the overridden one edited to the suggested values.
    const escalated = await ctx.gql(UPDATE, { id: kept.id, input: { priority: 'CRITICAL', category: 'TECHNICAL' } });
    expect(escalated.data!.updateTicket).toEqual({ ticket: { suggestion: { accepted: true } }, userErrors: [] });
    const matched = await ctx.gql(UPDATE, { id: changed.id, input: { priority: 'HIGH' } });
    expect(matched.data!.updateTicket).toEqual({ ticket: { suggestion: { accepted: false } }, userErrors: [] });

    // Counters (no filter) and the scan of the tickets (a createdAt range) say the same.
    for (const filter of [null, { createdAfter: '2000-01-01T00:00:00.000Z' }]) {
      const s = (await ctx.gql(ACCEPTANCE, { filter })).data!.stats.suggestionAcceptance;
      expect(s).toMatchObject({ suggested: 2, accepted: 1, overridden: 1 });
      expect(s.byCategory.find((c: { category: string }) => c.category === 'BILLING')).toEqual({
        category: 'BILLING',
        suggested: 2,
        accepted: 1,
        overridden: 1,
      });
    }
    const query = { filter: {}, terms: [] };
    expect(await selectTicketStatsFromCounters(ctx.db, query)).toEqual(await selectTicketStatsByScan(ctx.db, query));
  });

  it('shows the same acceptance in the ticket, the created event and REST', async () => {
    const kept = await createSuggested(ctx, 'Password reset mail never arrives.', { category: 'BILLING', priority: 'HIGH' });
    await ctx.http({ method: 'PATCH', url: `/api/tickets/${kept.id}/`, payload: { priority: 'low' } });
    const history = (await ctx.http({ method: 'GET', url: `/api/tickets/${kept.id}/history/` })).json();
    expect(history[0].suggestion.accepted).toBe(true);
    const stats = (await ctx.http({ method: 'GET', url: '/api/tickets/stats/' })).json();
    expect(stats.suggestion_acceptance).toMatchObject({ suggested: 1, accepted: 1, overridden: 0 });
  });
});
