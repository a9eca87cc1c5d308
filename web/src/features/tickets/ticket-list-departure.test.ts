// A changed ticket leaves the cached lists whose filter it no longer matches, their
// totals one less; lists it still matches keep it, and so do lists whose filter only
// the server can judge (until they are next read). In a list sorted by priority or
// last change, it moves to its place, or out of the rows loaded when its place is past
// them, the total unchanged. Against the app's own cache (its list keys and pagination
// policy), table-driven over the filter's fields and the orders.
import { ApolloLink, gql } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createApolloClient } from '../../apollo/client.js';
import type { TicketFilter } from '../../gql/graphql.js';
import { settleInLists } from './ticket-list-departure.js';

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

describe('settleInLists: the filter', () => {
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
    settleInLists(cache, ['1'], ME);
    const list = read()!;
    expect(list.tickets.edges.map((e) => e.node.id)).toEqual(expected === 'leaves' ? ['2'] : ['1', '2']);
    expect(list.tickets.totalCount).toBe(expected === 'leaves' ? 1 : 2);
  });

  it('leaves alone a list the ticket is not in', () => {
    const { cache, read } = cacheWith({ statuses: ['OPEN'] }, base, base);
    settleInLists(cache, ['3'], ME);
    expect(read()!.tickets.totalCount).toBe(2);
  });

  it('takes out every ticket of a bulk change that no longer matches, the count by as many', () => {
    const { cache, read } = cacheWith({ statuses: ['OPEN'] }, base, { ...base, status: 'CLOSED' });
    cache.modify({ id: cache.identify({ __typename: 'Ticket', id: '2' }), fields: { status: () => 'RESOLVED' } });
    settleInLists(cache, ['1', '2'], ME);
    expect(read()!.tickets).toMatchObject({ edges: [], totalCount: 0 });
  });
});

const SORTED_LIST = gql`
  query SortedList($orderBy: TicketOrder) {
    tickets(first: 25, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          priority
          category
          createdAt
          updatedAt
          assignee {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`;

interface Sortable {
  id: string;
  priority: string;
  /** Day of March 2026 it was created. */
  created: number;
  /** Day of March 2026 it was last changed. */
  changed: number;
}

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T10:00:00.000Z`;

/** The cache with one list of `rows` (in the server's order) under `orderBy`; `change` then applied to one ticket. */
function sortedCache(orderBy: string, rows: Sortable[], hasNextPage: boolean) {
  const client = createApolloClient({ link: new ApolloLink(() => null as never) });
  const toNode = (r: Sortable) => ({
    __typename: 'Ticket',
    id: r.id,
    status: 'OPEN',
    priority: r.priority,
    category: 'GENERAL',
    createdAt: day(r.created),
    updatedAt: day(r.changed),
    assignee: null,
  });
  client.cache.writeQuery({
    query: SORTED_LIST,
    variables: { orderBy },
    data: {
      tickets: {
        __typename: 'TicketConnection',
        totalCount: 40,
        edges: rows.map((r) => ({ __typename: 'TicketEdge', cursor: `c${r.id}`, node: toNode(r) })),
        pageInfo: { __typename: 'PageInfo', hasNextPage },
      },
    },
  });
  const change = (id: string, fields: Record<string, string>) =>
    client.cache.modify({
      id: client.cache.identify({ __typename: 'Ticket', id }),
      fields: Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, () => value])),
    });
  const read = () =>
    client.cache.readQuery<{ tickets: { totalCount: number; edges: { node: { id: string } }[] } }>({
      query: SORTED_LIST,
      variables: { orderBy },
    })!.tickets;
  return { cache: client.cache, change, read };
}

// Critical first, then newest first within a priority, as the server sorts.
const byPriority: Sortable[] = [
  { id: '5', priority: 'CRITICAL', created: 5, changed: 20 },
  { id: '9', priority: 'HIGH', created: 9, changed: 12 },
  { id: '4', priority: 'HIGH', created: 4, changed: 14 },
  { id: '8', priority: 'MEDIUM', created: 8, changed: 11 },
  { id: '3', priority: 'LOW', created: 3, changed: 10 },
];
// Last changed first.
const byChange = [...byPriority].sort((a, b) => b.changed - a.changed);

describe('settleInLists: the order', () => {
  it.each<[string, string, Sortable[], string, Record<string, string>, boolean, string[]]>([
    [
      'raised to critical: among the critical, by creation',
      'PRIORITY',
      byPriority,
      '3',
      { priority: 'CRITICAL' },
      true,
      ['5', '3', '9', '4', '8'],
    ],
    ['raised to high: among the high, by creation', 'PRIORITY', byPriority, '8', { priority: 'HIGH' }, true, ['5', '9', '8', '4', '3']],
    ['lowered to low with no more pages: last', 'PRIORITY', byPriority, '9', { priority: 'LOW' }, false, ['5', '4', '8', '9', '3']],
    ['lowered past the rows loaded: out of them', 'PRIORITY', byPriority.slice(0, 4), '5', { priority: 'LOW' }, true, ['9', '4', '8']],
    ['changed without moving: where it was', 'PRIORITY', byPriority, '4', { status: 'IN_PROGRESS' }, true, ['5', '9', '4', '8', '3']],
    ['changed last: first in "last changed"', 'RECENTLY_CHANGED', byChange, '3', { updatedAt: day(25) }, true, ['3', '5', '4', '9', '8']],
    [
      'a priority change in newest first: where it was',
      'NEWEST_FIRST',
      byPriority,
      '3',
      { priority: 'CRITICAL' },
      true,
      ['5', '9', '4', '8', '3'],
    ],
  ])('%s (%s)', (_case, orderBy, rows, id, fields, hasNextPage, expected) => {
    const { cache, change, read } = sortedCache(orderBy, rows, hasNextPage);
    change(id, fields);
    settleInLists(cache, [id], ME);
    expect(read().edges.map((e) => e.node.id)).toEqual(expected);
    expect(read().totalCount).toBe(40);
  });

  it('moves every ticket of a bulk change', () => {
    const { cache, change, read } = sortedCache('PRIORITY', byPriority, false);
    change('3', { priority: 'CRITICAL' });
    change('5', { priority: 'MEDIUM' });
    settleInLists(cache, ['3', '5'], ME);
    expect(read().edges.map((e) => e.node.id)).toEqual(['3', '9', '4', '8', '5']);
  });
});
