// The list query's rules that need no database: which queries the counter tables may
// answer (an allow-list), and that every adapter names exactly the filter fields.
import { isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/graphql/schema.js';
import { REST_FILTER_PARAMS } from '../../src/rest/ticket.schemas.js';
import { TicketCategory, TicketPriority, TicketStatus } from '../../src/tickets/ticket.enums.js';
import { isCounterQuery, TICKET_FILTER_FIELDS, type TicketQuery, type ValidTicketFilter } from '../../src/tickets/ticket-query.js';

const query = (filter: ValidTicketFilter, terms: string[] = []): TicketQuery => ({ filter, terms });
const AT = new Date('2024-05-01T00:00:00.000Z');

describe('isCounterQuery', () => {
  it.each([
    ['no filter', query({})],
    ['categories', query({ categories: [TicketCategory.BILLING] })],
    ['priorities', query({ priorities: [TicketPriority.HIGH, TicketPriority.LOW] })],
    ['statuses', query({ statuses: [TicketStatus.OPEN] })],
    [
      'all three enum lists',
      query({ categories: [TicketCategory.ACCOUNT], priorities: [TicketPriority.LOW], statuses: [TicketStatus.CLOSED] }),
    ],
  ])('answers %s from the counters', (_name, q) => {
    expect(isCounterQuery(q)).toBe(true);
  });

  it.each([
    ['a search', query({}, ['printer'])],
    ['createdAfter', query({ createdAfter: AT })],
    ['createdBefore', query({ categories: [TicketCategory.BILLING], createdBefore: AT })],
    ['assignee', query({ assignee: { userIds: [1], unassigned: true } })],
  ])('sends %s to the tickets', (_name, q) => {
    expect(isCounterQuery(q)).toBe(false);
  });

  it('sends a filter field it was not told the counters can answer to the tickets', () => {
    // A field added to the filter without a decision here must not be answered from
    // counters that ignore it (they would count every ticket).
    expect(isCounterQuery(query({ team: ['someone'] } as unknown as ValidTicketFilter))).toBe(false);
  });
});

describe('filter fields', () => {
  const fields = Object.keys(TICKET_FILTER_FIELDS).sort();

  it('are the GraphQL TicketFilter input fields', async () => {
    const input = (await buildGraphQLSchema()).getType('TicketFilter');
    expect(isInputObjectType(input)).toBe(true);
    expect(Object.keys(isInputObjectType(input) ? input.getFields() : {}).sort()).toEqual(fields);
  });

  it('each have a REST decision (a query parameter, or none)', () => {
    expect(Object.keys(REST_FILTER_PARAMS).sort()).toEqual(fields);
  });
});
