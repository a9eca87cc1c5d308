// The list's orders on every test database, over GraphQL (keyset pages) and REST
// (`ordering`, numbered pages): each order lists every matching ticket exactly once,
// in its order, however many share a creation time, a change time or a priority;
// combined with filters and search; and a cursor is good only for its own order.
import { describe, expect, it } from 'vitest';
import { TicketOrder } from '../../src/tickets/ticket-query.js';
import type { TicketRow } from '../../src/tickets/ticket.service.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';
import { parseLinks } from '../rest/rest.helpers.js';

const LIST = `query($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {
  tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    nodes { id }
    pageInfo { hasNextPage endCursor }
  } }`;
/** Without the count, a search is paged alone rather than with its count (ticket-count.repository.ts). */
const LIST_UNCOUNTED = LIST.replace('totalCount', '');

const RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
const byNewest = (a: TicketRow, b: TicketRow) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/** Each order as the test states it, independently of the SQL. */
const EXPECTED_ORDER: Record<TicketOrder, (a: TicketRow, b: TicketRow) => number> = {
  NEWEST_FIRST: byNewest,
  OLDEST_FIRST: (a, b) => -byNewest(a, b),
  PRIORITY: (a, b) => RANK[b.priority] - RANK[a.priority] || byNewest(a, b),
  RECENTLY_CHANGED: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id,
};

const ORDERS = Object.values(TicketOrder);
const PRIORITIES = ['low', 'critical', 'medium', 'high', 'critical'] as const;
const STATUSES = ['open', 'closed', 'in_progress'] as const;
// Few distinct instants, so that many tickets tie on each.
const CREATED = [new Date('2026-05-01T10:00:00Z'), new Date('2026-05-01T10:00:00.001Z'), new Date('2026-05-02T00:00:00Z')];
const UPDATED = [new Date('2026-06-03T00:00:00Z'), new Date('2026-06-01T00:00:00Z')];

describeOnDatabases('the orders of the ticket list', (ctx) => {
  /** 31 tickets: every priority, status, creation and change time repeated, every third one about "alpha". */
  async function seed(): Promise<TicketRow[]> {
    const rows: TicketRow[] = [];
    for (let i = 0; i < 31; i += 1) {
      rows.push(
        await createTicket(ctx.db, {
          title: i % 3 === 0 ? `alpha ticket ${i}` : `ticket ${i}`,
          priority: PRIORITIES[i % PRIORITIES.length],
          status: STATUSES[i % STATUSES.length],
          createdAt: CREATED[i % CREATED.length],
          updatedAt: UPDATED[i % UPDATED.length],
        }),
      );
    }
    return rows;
  }

  /** Every page of a GraphQL list, `first` at a time: the ids in the order listed. */
  async function pageThrough(
    vars: { orderBy: TicketOrder; filter?: object; search?: string },
    first: number,
    query = LIST,
  ): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 50; pages += 1) {
      const res = await ctx.gql(query, { ...vars, first, after });
      expect(res.errors).toBeUndefined();
      const { nodes, pageInfo } = res.data!.tickets;
      seen.push(...nodes.map((n: { id: string }) => n.id));
      if (!pageInfo.hasNextPage) return seen;
      after = pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  }

  const idsIn = (rows: TicketRow[], order: TicketOrder) => [...rows].sort(EXPECTED_ORDER[order]).map((r) => String(r.id));

  it.each(ORDERS)('pages through %s: every ticket once, in order, across ties', async (orderBy) => {
    const rows = await seed();
    const expected = idsIn(rows, orderBy);
    expect(await pageThrough({ orderBy }, 4)).toEqual(expected);
    // Page sizes that end a page inside a run of ties and on its edge.
    expect(await pageThrough({ orderBy }, 7)).toEqual(expected);
    expect(await pageThrough({ orderBy }, 1)).toEqual(expected);
  });

  it.each(ORDERS)('combines %s with filters and a search, paging within them', async (orderBy) => {
    const rows = await seed();
    const active = rows.filter((r) => r.status === 'open' || r.status === 'in_progress');
    expect(await pageThrough({ orderBy, filter: { statuses: ['OPEN', 'IN_PROGRESS'] } }, 3)).toEqual(idsIn(active, orderBy));
    const someAlpha = rows.filter((r) => r.title.startsWith('alpha') && (r.priority === 'critical' || r.priority === 'low'));
    for (const query of [LIST, LIST_UNCOUNTED]) {
      expect(await pageThrough({ orderBy, search: 'alpha', filter: { priorities: ['LOW', 'CRITICAL'] } }, 2, query)).toEqual(
        idsIn(someAlpha, orderBy),
      );
    }
  });

  it('lists critical tickets first', async () => {
    await createTicket(ctx.db, { title: 'low', priority: 'low', createdAt: new Date('2026-06-01T00:00:00Z') });
    await createTicket(ctx.db, { title: 'old critical', priority: 'critical', createdAt: new Date('2020-01-01T00:00:00Z') });
    await createTicket(ctx.db, { title: 'medium', priority: 'medium' });
    await createTicket(ctx.db, { title: 'new critical', priority: 'critical', createdAt: new Date('2026-01-01T00:00:00Z') });
    const res = await ctx.gql(`{ tickets(orderBy: PRIORITY) { nodes { title } } }`);
    expect(res.data!.tickets.nodes.map((n: { title: string }) => n.title)).toEqual(['new critical', 'old critical', 'medium', 'low']);
  });

  it('puts a ticket just changed first in RECENTLY_CHANGED', async () => {
    const rows = await seed();
    const oldest = [...rows].sort(EXPECTED_ORDER.RECENTLY_CHANGED).at(-1)!;
    const res = await ctx.gql(`mutation($id: ID!) { updateTicket(id: $id, input: { title: "changed now" }) { userErrors { code } } }`, {
      id: String(oldest.id),
    });
    expect(res.data!.updateTicket.userErrors).toEqual([]);
    const first = await ctx.gql(`{ tickets(orderBy: RECENTLY_CHANGED, first: 1) { nodes { id title } } }`);
    expect(first.data!.tickets.nodes).toEqual([{ id: String(oldest.id), title: 'changed now' }]);
  });

  it.each(ORDERS.flatMap((from) => ORDERS.filter((to) => to !== from).map((to) => [from, to] as const)))(
    'refuses a cursor of %s in %s as BAD_USER_INPUT on after',
    async (from, to) => {
      await seed();
      const page = await ctx.gql(LIST, { orderBy: from, first: 2 });
      const res = await ctx.gql(LIST, { orderBy: to, first: 2, after: page.data!.tickets.pageInfo.endCursor });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    },
  );

  describe('over REST', () => {
    const ORDERINGS: Record<TicketOrder, string> = {
      NEWEST_FIRST: '-created_at',
      OLDEST_FIRST: 'created_at',
      PRIORITY: 'priority',
      RECENTLY_CHANGED: '-updated_at',
    };
    const list = (query: string) => ctx.http({ method: 'GET', url: `/api/tickets/${query}` });
    const ids = (body: { id: number }[]) => body.map((t) => String(t.id));

    it.each(ORDERS)('pages through %s by its `ordering`, following the Link header', async (order) => {
      const rows = await seed();
      const seen: string[] = [];
      let url: string | undefined = `/api/tickets/?ordering=${ORDERINGS[order]}&page_size=4`;
      while (url) {
        const res = await ctx.http({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        seen.push(...ids(res.json()));
        const next = parseLinks(res.headers.link).next;
        url = next === undefined ? undefined : new URL(next).pathname + new URL(next).search;
      }
      expect(seen).toEqual(idsIn(rows, order));
    });

    it('keeps the original order for clients that send no ordering', async () => {
      const rows = await seed();
      expect(ids((await list('')).json())).toEqual(idsIn(rows, TicketOrder.NEWEST_FIRST));
    });

    it('combines ordering with the filters, search and a page past the first', async () => {
      const rows = await seed();
      const open = rows.filter((r) => r.status === 'open' && r.title.startsWith('alpha'));
      const res = await list('?ordering=priority&status=open&search=alpha&page=2&page_size=2');
      expect(res.statusCode).toBe(200);
      expect(ids(res.json())).toEqual(idsIn(open, TicketOrder.PRIORITY).slice(2, 4));
    });

    it.each(['-priority', 'id', 'NEWEST_FIRST', '-created_at,priority'])('refuses ordering=%s in the DRF shape', async (ordering) => {
      const res = await list(`?ordering=${encodeURIComponent(ordering)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ ordering: [`"${ordering}" is not a valid choice.`] });
    });
  });
});
