// A changed ticket leaves the cached lists whose filter it no longer matches, their
// totals one less; lists it still matches keep it; a list whose filter cannot be judged
// from the ticket's fields is evicted (asked again when shown). Against the app's own
// cache (its list keys and pagination policy), table-driven over the filter's fields.
import { ApolloLink, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../apollo/client.js';
import type { TicketFilter } from '../../gql/graphql.js';
import type { TicketChanges } from './ticket-conflict.js';
import { leaveListsNoLongerMatching } from './ticket-list-departure.js';

const LIST = gql`
  query DepartureList($filter: TicketFilter, $search: String) {
    tickets(filter: $filter, search: $search, first: 25) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          priority
          category
          assignee {
            id
          }
        }
      }
    }
  }
`;

const ME = '9';
const COLLEAGUE = '7';

interface TicketValues {
  status: string;
  priority: string;
  category: string;
  assigneeId: string | null;
}

const node = (id: string, v: TicketValues) => ({
  __typename: 'Ticket',
  id,
  status: v.status,
  priority: v.priority,
  category: v.category,
  assignee: v.assigneeId ? { __typename: 'User', id: v.assigneeId } : null,
});

/** The cache with one list of tickets 1 and 2 under `filter`, ticket 1 then changed to `after`. */
function cacheWith(filter: TicketFilter | null, before: TicketValues, after: TicketValues) {
  const client = createApolloClient({ link: new ApolloLink(() => null as never) });
  const other = { status: 'OPEN', priority: 'LOW', category: 'GENERAL', assigneeId: null };
  client.cache.writeQuery({
    query: LIST,
    variables: { filter, search: null },
    data: {
      tickets: {
        __typename: 'TicketConnection',
        totalCount: 2,
        edges: [
          { __typename: 'TicketEdge', cursor: 'c1', node: node('1', before) },
          { __typename: 'TicketEdge', cursor: 'c2', node: node('2', other) },
        ],
      },
    },
  });
  client.cache.writeFragment({
    fragment: gql`
      fragment Changed on Ticket {
        id
        status
        priority
        category
        assignee {
          id
        }
      }
    `,
    data: node('1', after),
  });
  const read = () =>
    client.cache.readQuery<{ tickets: { totalCount: number; edges: { node: { id: string } }[] } }>({
      query: LIST,
      variables: { filter, search: null },
    });
  return { cache: client.cache, read };
}

const base: TicketValues = { status: 'OPEN', priority: 'HIGH', category: 'BILLING', assigneeId: null };

describe('leaveListsNoLongerMatching', () => {
  it.each<[string, TicketFilter | null, Partial<TicketValues>, (keyof TicketChanges)[], 'stays' | 'leaves' | 'evicted']>([
    ['resolved out of "Open"', { statuses: ['OPEN'] }, { status: 'RESOLVED' }, ['status'], 'leaves'],
    ['in progress within "Open or in progress"', { statuses: ['OPEN', 'IN_PROGRESS'] }, { status: 'IN_PROGRESS' }, ['status'], 'stays'],
    ['any change in the unfiltered list', null, { status: 'CLOSED' }, ['status'], 'stays'],
    ['lowered out of "High"', { priorities: ['HIGH'] }, { priority: 'LOW' }, ['priority'], 'leaves'],
    ['a priority change in "Open"', { statuses: ['OPEN'] }, { priority: 'LOW' }, ['priority'], 'stays'],
    ['recategorised out of "Billing"', { categories: ['BILLING'] }, { category: 'ACCOUNT' }, ['category'], 'leaves'],
    ['given to a colleague, out of "My tickets"', { assignee: { me: true } }, { assigneeId: COLLEAGUE }, ['assigneeId'], 'leaves'],
    ['taken, within "My tickets"', { assignee: { me: true } }, { assigneeId: ME }, ['assigneeId'], 'stays'],
    ['assigned, out of "Unassigned"', { assignee: { none: true } }, { assigneeId: ME }, ['assigneeId'], 'leaves'],
    ['assigned to one of the chosen people', { assignee: { userIds: [COLLEAGUE] } }, { assigneeId: COLLEAGUE }, ['assigneeId'], 'stays'],
    ['a status change under a created-at range', { createdAfter: '2026-01-01T00:00:00.000Z' }, { status: 'CLOSED' }, ['status'], 'stays'],
    // Outcomes are judged on what was saved at creation: a later recategorisation keeps the row.
    ['a category change under suggestion outcomes', { suggestionOutcomes: ['ACCEPTED'] }, { category: 'ACCOUNT' }, ['category'], 'stays'],
    ['a status change under suggestion outcomes', { suggestionOutcomes: ['ACCEPTED'] }, { status: 'CLOSED' }, ['status'], 'stays'],
    [
      'one of two filters failing',
      { statuses: ['OPEN'], priorities: ['HIGH'] },
      { status: 'CLOSED', priority: 'LOW' },
      ['status', 'priority'],
      'leaves',
    ],
  ])('%s: %s', (_case, filter, change, changed, expected) => {
    const { cache, read } = cacheWith(filter, base, { ...base, ...change });
    leaveListsNoLongerMatching(cache, ['1'], changed, ME);
    const list = read();
    if (expected === 'evicted') {
      expect(list).toBeNull();
      return;
    }
    expect(list!.tickets.edges.map((e) => e.node.id)).toEqual(expected === 'leaves' ? ['2'] : ['1', '2']);
    expect(list!.tickets.totalCount).toBe(expected === 'leaves' ? 1 : 2);
  });

  it('leaves alone a list the ticket is not in', () => {
    const { cache, read } = cacheWith({ statuses: ['OPEN'] }, base, base);
    leaveListsNoLongerMatching(cache, ['3'], ['status'], ME);
    expect(read()!.tickets.totalCount).toBe(2);
  });

  it('cannot judge "My tickets" without knowing who is signed in', () => {
    const { cache, read } = cacheWith({ assignee: { me: true } }, { ...base, assigneeId: ME }, { ...base, assigneeId: ME });
    leaveListsNoLongerMatching(cache, ['1'], ['assigneeId'], null);
    expect(read()).toBeNull();
  });
});
