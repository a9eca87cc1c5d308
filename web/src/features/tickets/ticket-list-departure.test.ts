// A changed ticket leaves the cached lists whose filter it no longer matches, their
// totals one less; lists it still matches keep it, and so do lists whose filter only
// the server can judge (until they are next read). Against the app's own cache (its
// list keys and pagination policy), table-driven over the filter's fields.
import { ApolloLink, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../apollo/client.js';
import type { TicketFilter } from '../../gql/graphql.js';
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
          createdAt
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
  createdAt: '2026-03-01T10:00:00.000Z',
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
        createdAt
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
  it.each<[string, TicketFilter | null, Partial<TicketValues>, 'stays' | 'leaves']>([
    ['resolved out of "Open"', { statuses: ['OPEN'] }, { status: 'RESOLVED' }, 'leaves'],
    ['in progress within "Open or in progress"', { statuses: ['OPEN', 'IN_PROGRESS'] }, { status: 'IN_PROGRESS' }, 'stays'],
    ['any change in the unfiltered list', null, { status: 'CLOSED' }, 'stays'],
    ['lowered out of "High"', { priorities: ['HIGH'] }, { priority: 'LOW' }, 'leaves'],
    ['a priority change in "Open"', { statuses: ['OPEN'] }, { priority: 'LOW' }, 'stays'],
    ['recategorised out of "Billing"', { categories: ['BILLING'] }, { category: 'ACCOUNT' }, 'leaves'],
    ['given to a colleague, out of "My tickets"', { assignee: { me: true } }, { assigneeId: COLLEAGUE }, 'leaves'],
    ['taken, within "My tickets"', { assignee: { me: true } }, { assigneeId: ME }, 'stays'],
    ['assigned, out of "Unassigned"', { assignee: { none: true } }, { assigneeId: ME }, 'leaves'],
    ['assigned to one of the chosen people', { assignee: { userIds: [COLLEAGUE] } }, { assigneeId: COLLEAGUE }, 'stays'],
    ['a status change within a created-at range', { createdAfter: '2026-01-01T00:00:00.000Z' }, { status: 'CLOSED' }, 'stays'],
    [
      'a category change under suggestion outcomes: the server’s to judge',
      { suggestionOutcomes: ['ACCEPTED'] },
      { category: 'ACCOUNT' },
      'stays',
    ],
    ['a priority change under filed priorities: the server’s to judge', { filedPriorities: ['HIGH'] }, { priority: 'LOW' }, 'stays'],
    ['one of two filters failing', { statuses: ['OPEN'], priorities: ['HIGH'] }, { status: 'CLOSED' }, 'leaves'],
  ])('%s: %s', (_case, filter, change, expected) => {
    const { cache, read } = cacheWith(filter, base, { ...base, ...change });
    leaveListsNoLongerMatching(cache, ['1'], ME);
    const list = read()!;
    expect(list.tickets.edges.map((e) => e.node.id)).toEqual(expected === 'leaves' ? ['2'] : ['1', '2']);
    expect(list.tickets.totalCount).toBe(expected === 'leaves' ? 1 : 2);
  });

  it('leaves alone a list the ticket is not in', () => {
    const { cache, read } = cacheWith({ statuses: ['OPEN'] }, base, base);
    leaveListsNoLongerMatching(cache, ['3'], ME);
    expect(read()!.tickets.totalCount).toBe(2);
  });

  it('takes out every ticket of a bulk change that no longer matches, the count by as many', () => {
    const { cache, read } = cacheWith({ statuses: ['OPEN'] }, base, { ...base, status: 'CLOSED' });
    cache.modify({ id: cache.identify({ __typename: 'Ticket', id: '2' }), fields: { status: () => 'RESOLVED' } });
    leaveListsNoLongerMatching(cache, ['1', '2'], ME);
    expect(read()!.tickets).toMatchObject({ edges: [], totalCount: 0 });
  });
});
