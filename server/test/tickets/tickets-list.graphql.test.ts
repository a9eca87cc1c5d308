// Listing tickets over GraphQL: filters, search semantics and keyset pagination.
import { expect, it } from 'vitest';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const LIST = `query($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {
  tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id title } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

type Vars = { filter?: object; search?: string; first?: number; after?: string; orderBy?: string };

describeOnDatabases('listing tickets over GraphQL', (ctx) => {
  const titles = async (vars: Vars) => {
    const res = await ctx.gql(LIST, vars);
    expect(res.errors).toBeUndefined();
    return res.data!.tickets.edges.map((e: { node: { title: string } }) => e.node.title) as string[];
  };

  it('lists newest first, ties broken by id', async () => {
    const same = new Date('2026-01-01T00:00:00Z');
    await createTicket(ctx.db, { title: 'old', createdAt: new Date('2025-01-01T00:00:00Z') });
    await createTicket(ctx.db, { title: 'tie-a', createdAt: same });
    await createTicket(ctx.db, { title: 'tie-b', createdAt: same });
    await createTicket(ctx.db, { title: 'new', createdAt: new Date('2026-06-01T00:00:00Z') });
    expect(await titles({})).toEqual(['new', 'tie-b', 'tie-a', 'old']);
    expect(await titles({ orderBy: 'OLDEST_FIRST' })).toEqual(['old', 'tie-a', 'tie-b', 'new']);
  });

  it('filters: OR within a field, AND across fields, and a created-at range', async () => {
    await createTicket(ctx.db, {
      title: 'b-high-open',
      category: 'billing',
      priority: 'high',
      status: 'open',
      createdAt: new Date('2026-03-01T00:00:00Z'),
    });
    await createTicket(ctx.db, {
      title: 'b-low-open',
      category: 'billing',
      priority: 'low',
      status: 'open',
      createdAt: new Date('2026-03-02T00:00:00Z'),
    });
    await createTicket(ctx.db, {
      title: 't-high-closed',
      category: 'technical',
      priority: 'high',
      status: 'closed',
      createdAt: new Date('2026-03-03T00:00:00Z'),
    });
    await createTicket(ctx.db, {
      title: 'a-crit-prog',
      category: 'account',
      priority: 'critical',
      status: 'in_progress',
      createdAt: new Date('2026-03-04T00:00:00Z'),
    });

    expect(await titles({ filter: { categories: ['BILLING'] } })).toEqual(['b-low-open', 'b-high-open']);
    expect(await titles({ filter: { categories: ['BILLING', 'ACCOUNT'] } })).toEqual(['a-crit-prog', 'b-low-open', 'b-high-open']);
    expect(await titles({ filter: { priorities: ['HIGH'] } })).toEqual(['t-high-closed', 'b-high-open']);
    expect(await titles({ filter: { statuses: ['OPEN', 'IN_PROGRESS'] } })).toEqual(['a-crit-prog', 'b-low-open', 'b-high-open']);
    expect(await titles({ filter: { categories: ['BILLING', 'TECHNICAL'], priorities: ['HIGH'] } })).toEqual([
      't-high-closed',
      'b-high-open',
    ]);
    expect(await titles({ filter: { categories: ['BILLING'], priorities: ['HIGH'], statuses: ['CLOSED'] } })).toEqual([]);
    expect(await titles({ filter: { createdAfter: '2026-03-02T00:00:00Z', createdBefore: '2026-03-04T00:00:00Z' } })).toEqual([
      't-high-closed',
      'b-low-open',
    ]);
    expect(await titles({ filter: { categories: [], priorities: null } })).toHaveLength(4);
  });

  it('searches title or description case-insensitively; every term must match', async () => {
    await createTicket(ctx.db, { title: 'Refund request', description: 'I was CHARGED twice for my plan' });
    await createTicket(ctx.db, { title: 'Login broken', description: 'password reset email never arrives' });
    await createTicket(ctx.db, { title: 'Charged wrong amount', description: 'Invoice shows the old price' });

    expect(await titles({ search: 'charged' })).toEqual(['Charged wrong amount', 'Refund request']);
    expect(await titles({ search: 'CHARGED invoice' })).toEqual(['Charged wrong amount']);
    expect(await titles({ search: '  refund   twice ' })).toEqual(['Refund request']);
    expect(await titles({ search: 'refund password' })).toEqual([]);
    expect(await titles({ search: 'reset EMAIL' })).toEqual(['Login broken']);
    expect(await titles({ search: '' })).toHaveLength(3);
  });

  it('treats % and _ and backslash in a search as literal characters', async () => {
    await createTicket(ctx.db, { title: 'Discount', description: 'The 50% discount did not apply' });
    await createTicket(ctx.db, { title: 'Variable', description: 'The field user_id is empty' });
    await createTicket(ctx.db, { title: 'Plain', description: 'Nothing special here, 50 users, userXid' });
    await createTicket(ctx.db, { title: 'Path', description: 'C:\\temp\\logs is full' });

    expect(await titles({ search: '%' })).toEqual(['Discount']);
    expect(await titles({ search: '50%' })).toEqual(['Discount']);
    expect(await titles({ search: 'user_id' })).toEqual(['Variable']);
    expect(await titles({ search: '_' })).toEqual(['Variable']);
    expect(await titles({ search: '\\temp' })).toEqual(['Path']);
  });

  it('combines filters with search', async () => {
    await createTicket(ctx.db, { title: 'Crash on save', category: 'technical', priority: 'high' });
    await createTicket(ctx.db, { title: 'Crash on load', category: 'technical', priority: 'low' });
    await createTicket(ctx.db, { title: 'Crash of card payment', category: 'billing', priority: 'high' });
    expect(await titles({ search: 'crash', filter: { categories: ['TECHNICAL'], priorities: ['HIGH'] } })).toEqual(['Crash on save']);
  });

  it('pages through equal created_at values with no repeats and no gaps', async () => {
    const stamps = [new Date('2026-05-01T10:00:00Z'), new Date('2026-05-01T10:00:00.001Z'), new Date('2026-05-02T00:00:00Z')];
    const created = [];
    for (let i = 0; i < 23; i += 1) created.push(await createTicket(ctx.db, { title: `t${i}`, createdAt: stamps[i % 3]! }));
    const expected = [...created].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((t) => String(t.id));

    for (const orderBy of ['NEWEST_FIRST', 'OLDEST_FIRST']) {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const res = await ctx.gql(LIST, { first: 5, after, orderBy });
        const conn = res.data!.tickets;
        expect(conn.totalCount).toBe(23);
        expect(conn.pageInfo.hasPreviousPage).toBe(after !== undefined);
        expect(conn.nodes.map((n: { id: string }) => n.id)).toEqual(conn.edges.map((e: { node: { id: string } }) => e.node.id));
        seen.push(...conn.nodes.map((n: { id: string }) => n.id));
        pages += 1;
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(pages).toBe(5);
      expect(seen).toEqual(orderBy === 'NEWEST_FIRST' ? expected : [...expected].reverse());
    }
  });

  it('keeps a cursor valid when tickets are added in front of it', async () => {
    for (let i = 0; i < 4; i += 1) await createTicket(ctx.db, { title: `t${i}`, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
    const page1 = (await ctx.gql(LIST, { first: 2 })).data!.tickets;
    await createTicket(ctx.db, { title: 'newer', createdAt: new Date(Date.UTC(2026, 5, 1)) });
    const page2 = (await ctx.gql(LIST, { first: 2, after: page1.pageInfo.endCursor })).data!.tickets;
    expect(page2.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['t1', 't0']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('defaults to 25 per page and returns an empty page with totalCount for first: 0', async () => {
    for (let i = 0; i < 27; i += 1) await createTicket(ctx.db);
    const res = await ctx.gql(LIST, {});
    expect(res.data!.tickets.nodes).toHaveLength(25);
    expect(res.data!.tickets.pageInfo.hasNextPage).toBe(true);
    const none = await ctx.gql(LIST, { first: 0 });
    expect(none.data!.tickets).toMatchObject({
      nodes: [],
      totalCount: 27,
      pageInfo: { hasNextPage: true, startCursor: null, endCursor: null },
    });
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('[1,2,3]').toString('base64url') }, 'after'],
    [{ search: 'x'.repeat(201) }, 'search'],
    [{ after: Buffer.from(JSON.stringify(['-100000-01-01T00:00:00.000Z', 1])).toString('base64url') }, 'after'],
    [{ after: Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 1e15])).toString('base64url') }, 'after'],
    [{ after: Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 0])).toString('base64url') }, 'after'],
    // Dates JavaScript accepts and PostgreSQL cannot hold (it has no year 0).
    [{ after: Buffer.from(JSON.stringify(['0000-06-01T00:00:00.000Z', 1])).toString('base64url') }, 'after'],
    [{ filter: { createdAfter: '0000-01-01T00:00:00Z' } }, 'createdAfter'],
    [{ filter: { createdBefore: '0000-12-31T23:59:59Z' } }, 'createdBefore'],
    // Refused by GraphQL's own type coercion, before our rules: still named.
    [{ first: '10' }, 'first'],
    [{ filter: { categories: ['URGENT'] } }, 'categories'],
    [{ filter: { statuses: 'OPEN', createdAfter: 'yesterday' } }, 'createdAfter'],
    [{ orderBy: 'SIDEWAYS' }, 'orderBy'],
  ])('refuses bad arguments %# with BAD_USER_INPUT naming the field', async (vars, field) => {
    const res = await ctx.gql(LIST, vars);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
