// Assignment filters and statistics on every test database: GraphQL `AssigneeFilter`
// (me, none, userIds, ORed) and REST `assignee=me|none|<id>`, combined with the other
// filters and search, in lists, counts and stats; and the active tickets per assignee.
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { TicketRow } from '../../src/db/schema.js';
import { createCaller, createTicket, createUser } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const LIST = `query($filter: TicketFilter, $search: String) { tickets(filter: $filter, search: $search, first: 100) {
  totalCount nodes { id } } }`;
const STATS = `query($filter: TicketFilter) { stats(filter: $filter) { totalTickets activeByAssignee { assignee { id } count } } }`;

const ids = (rows: readonly TicketRow[]) => rows.map((r) => String(r.id)).sort((a, b) => Number(a) - Number(b));
const listed = (res: { data?: Record<string, any> | null }) =>
  (res.data!.tickets.nodes as { id: string }[]).map((n) => n.id).sort((a, b) => Number(a) - Number(b));

describeOnDatabases('assignee filters and statistics', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  let ana: Awaited<ReturnType<typeof createUser>>;
  let ben: Awaited<ReturnType<typeof createUser>>;
  const asAgent = () => ({ authorization: agent.authorization });
  let t: Record<string, TicketRow>;

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
    ana = await createUser(ctx.db, { displayName: 'Ana' });
    ben = await createUser(ctx.db, { displayName: 'Ben' });
  });

  beforeEach(async () => {
    t = {
      mineOpen: await createTicket(ctx.db, { assigneeUserId: agent.user.id, status: 'open' }),
      anaProgress: await createTicket(ctx.db, { assigneeUserId: ana.id, status: 'in_progress' }),
      noneOpen: await createTicket(ctx.db, { status: 'open', title: 'Refund wanted' }),
      mineClosed: await createTicket(ctx.db, { assigneeUserId: agent.user.id, status: 'closed' }),
      benOpen: await createTicket(ctx.db, { assigneeUserId: ben.id, status: 'open', title: 'Refund please' }),
      noneResolved: await createTicket(ctx.db, { status: 'resolved' }),
      benOpen2: await createTicket(ctx.db, { assigneeUserId: ben.id, status: 'open' }),
      benProgress: await createTicket(ctx.db, { assigneeUserId: ben.id, status: 'in_progress' }),
      noneOpen2: await createTicket(ctx.db, { status: 'open' }),
    };
  });

  it.each([
    [{ me: true }, ['mineOpen', 'mineClosed']],
    [{ none: true }, ['noneOpen', 'noneResolved', 'noneOpen2']],
    [{ me: true, none: true }, ['mineOpen', 'noneOpen', 'mineClosed', 'noneResolved', 'noneOpen2']],
    [{ userIds: ['ana'] }, ['anaProgress']],
    [{ userIds: ['ana', 'ben'], me: true }, ['mineOpen', 'anaProgress', 'mineClosed', 'benOpen', 'benOpen2', 'benProgress']],
    [{ userIds: ['999999'] }, []],
  ])('lists and counts tickets assigned to %j', async (assignee, expected) => {
    const userIds = (assignee as { userIds?: string[] }).userIds?.map((u) =>
      u === 'ana' ? String(ana.id) : u === 'ben' ? String(ben.id) : u,
    );
    const filter = { assignee: { ...assignee, ...(userIds ? { userIds } : {}) } };
    const res = await ctx.gqlWith(asAgent(), LIST, { filter });
    expect(listed(res)).toEqual(ids(expected.map((k) => t[k]!)));
    expect(res.data!.tickets.totalCount).toBe(expected.length);
    const stats = await ctx.gqlWith(asAgent(), STATS, { filter });
    expect(stats.data!.stats.totalTickets).toBe(expected.length);
  });

  it('combines with the other filters and with search', async () => {
    const mineOpen = await ctx.gqlWith(asAgent(), LIST, { filter: { assignee: { me: true }, statuses: ['OPEN'] } });
    expect(listed(mineOpen)).toEqual(ids([t.mineOpen!]));
    const noneRefund = await ctx.gqlWith(asAgent(), LIST, { filter: { assignee: { none: true } }, search: 'refund' });
    expect(listed(noneRefund)).toEqual(ids([t.noneOpen!]));
    expect(noneRefund.data!.tickets.totalCount).toBe(1);
  });

  it.each([[{}], [{ me: false, none: false, userIds: [] }], [{ userIds: ['abc'] }], [{ userIds: ['0'] }]])(
    'refuses the assignee filter %j with BAD_USER_INPUT on assignee',
    async (assignee) => {
      for (const query of [LIST, STATS]) {
        const res = await ctx.gql(query, { filter: { assignee } });
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee' });
      }
    },
  );

  it('filters REST lists and stats by assignee=me|none|<id>, and refuses anything else', async () => {
    const get = async (query: string) => {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/?${query}`, headers: asAgent() });
      expect(res.statusCode).toBe(200);
      return (res.json() as { id: number }[]).map((r) => String(r.id)).sort((a, b) => Number(a) - Number(b));
    };
    expect(await get('assignee=me')).toEqual(ids([t.mineOpen!, t.mineClosed!]));
    expect(await get('assignee=none&status=open')).toEqual(ids([t.noneOpen!, t.noneOpen2!]));
    expect(await get(`assignee=${ana.id}`)).toEqual(ids([t.anaProgress!]));
    expect(await get(`assignee=${ben.id}&search=refund`)).toEqual(ids([t.benOpen!]));
    const stats = await ctx.http({ method: 'GET', url: '/api/tickets/stats/?assignee=none', headers: asAgent() });
    expect(stats.json().total_tickets).toBe(3);
    for (const bad of ['someone', '-1', '1.5']) {
      const res = await ctx.http({ method: 'GET', url: `/api/tickets/?assignee=${bad}` });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json())).toEqual(['assignee']);
    }
  });

  it('counts active tickets per assignee, biggest first, unassigned as a null assignee', async () => {
    const stats = await ctx.gql(STATS, {});
    expect(stats.data!.stats.activeByAssignee).toEqual([
      { assignee: { id: String(ben.id) }, count: 3 },
      { assignee: null, count: 2 },
      { assignee: { id: String(agent.user.id) }, count: 1 },
      { assignee: { id: String(ana.id) }, count: 1 },
    ]);
    const inProgress = await ctx.gql(STATS, { filter: { statuses: ['IN_PROGRESS'] } });
    expect(inProgress.data!.stats.activeByAssignee).toEqual([
      { assignee: { id: String(ana.id) }, count: 1 },
      { assignee: { id: String(ben.id) }, count: 1 },
    ]);
    const rest = await ctx.http({ method: 'GET', url: '/api/tickets/stats/' });
    expect(rest.json().active_by_assignee).toEqual([
      { assignee: { id: ben.id, name: 'Ben' }, count: 3 },
      { assignee: null, count: 2 },
      { assignee: { id: agent.user.id, name: agent.user.displayName }, count: 1 },
      { assignee: { id: ana.id, name: 'Ana' }, count: 1 },
    ]);
  });

  it('bounds activeByAssignee to the 50 biggest groups', async () => {
    for (let i = 0; i < 50; i += 1) {
      const user = await createUser(ctx.db);
      await createTicket(ctx.db, { assigneeUserId: user.id });
    }
    const stats = await ctx.gql(STATS, {});
    const groups = stats.data!.stats.activeByAssignee as { assignee: { id: string } | null; count: number }[];
    expect(groups).toHaveLength(50);
    expect(groups.slice(0, 2)).toEqual([
      { assignee: { id: String(ben.id) }, count: 3 },
      { assignee: null, count: 2 },
    ]);
  });
});

describeOnDatabases(
  'assignee filters of anonymous callers',
  (ctx) => {
    it('matches nothing for `me` without a user, and still filters `none`', async () => {
      const user = await createUser(ctx.db);
      await createTicket(ctx.db, { assigneeUserId: user.id });
      const none = await createTicket(ctx.db);
      const me = await ctx.gql(LIST, { filter: { assignee: { me: true } } });
      expect(me.data!.tickets).toEqual({ totalCount: 0, nodes: [] });
      const meOrNone = await ctx.gql(LIST, { filter: { assignee: { me: true, none: true } } });
      expect(listed(meOrNone)).toEqual([String(none.id)]);
      const rest = await ctx.http({ method: 'GET', url: '/api/tickets/?assignee=me' });
      expect(rest.json()).toEqual([]);
    });
  },
  { caller: 'anonymous', env: { ANONYMOUS_ACCESS: 'read' } },
);
