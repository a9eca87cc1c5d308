// Tickets over GraphQL: create, update, get, validation and not-found, on every test database.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { findTicketById } from '../../src/tickets/ticket.repository.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases } from '../support/harness.js';

const TICKET_FIELDS = `id title description category priority status createdAt updatedAt resolvedAt
  suggestion { category priority source accepted }`;
const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field message code } suggestionIgnored } }`;
const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category priority source suggestionId } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field message code } } }`;
const GET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

describeOnDatabases('tickets over GraphQL', (ctx) => {
  it('creates a ticket with defaults, trimmed text and database timestamps', async () => {
    const res = await ctx.gql(CREATE, { input: { title: '  Cannot log in ', description: ' It says my password is wrong. ' } });
    expect(res.status).toBe(200);
    const { ticket, userErrors } = res.data!.createTicket;
    expect(userErrors).toEqual([]);
    expect(ticket).toMatchObject({
      title: 'Cannot log in',
      description: 'It says my password is wrong.',
      category: 'GENERAL',
      priority: 'MEDIUM',
      status: 'OPEN',
      resolvedAt: null,
      suggestion: null,
    });
    expect(Number(ticket.id)).toBeGreaterThan(0);
    expect(Math.abs(Date.parse(ticket.createdAt) - Date.now())).toBeLessThan(60_000);
    const stored = await findTicketById(ctx.db, Number(ticket.id));
    expect(stored?.category).toBe('general');
  });

  it('stores the suggestion classify issued and says whether it was accepted', async () => {
    const description = 'I was charged twice.';
    const answer = (await ctx.gql(CLASSIFY, { d: description })).data!.classifyDescription;
    const overridden = answer.priority === 'LOW' ? 'HIGH' : 'LOW';
    const res = await ctx.gql(CREATE, {
      input: { title: 'Double charge', description, category: answer.category, priority: overridden, suggestionId: answer.suggestionId },
    });
    expect(res.data!.createTicket.ticket.suggestion).toEqual({
      category: answer.category,
      priority: answer.priority,
      source: answer.source,
      accepted: false,
    });
    expect(res.data!.createTicket.suggestionIgnored).toBe(false);
    const stored = await findTicketById(ctx.db, Number(res.data!.createTicket.ticket.id));
    expect([stored?.suggestedCategory, stored?.suggestedPriority, stored?.classificationSource]).toEqual(
      [answer.category, answer.priority, answer.source].map((v: string) => v.toLowerCase()),
    );
  });

  it('creates a resolved ticket with resolvedAt stamped', async () => {
    const res = await ctx.gql(CREATE, { input: { title: 'Done', description: 'Already fixed', status: 'RESOLVED' } });
    expect(res.data!.createTicket.ticket.resolvedAt).not.toBeNull();
  });

  it.each([
    [{ title: '', description: 'x' }, [['title', 'BLANK']]],
    [{ title: '   ', description: 'x' }, [['title', 'BLANK']]],
    [{ title: 'a'.repeat(201), description: 'x' }, [['title', 'TOO_LONG']]],
    [{ title: 'ok', description: ' \n ' }, [['description', 'BLANK']]],
    [{ title: 'ok', description: 'x'.repeat(20_001) }, [['description', 'TOO_LONG']]],
    [
      { title: '', description: '' },
      [
        ['title', 'BLANK'],
        ['description', 'BLANK'],
      ],
    ],
    [{ title: 'ok', description: 'x', suggestionId: '00000000-0000-4000-8000-000000000000', status: 'OPEN' }, []],
  ])('validates create input %#', async (input, expected) => {
    const res = await ctx.gql(CREATE, { input });
    const errors = res.data!.createTicket.userErrors.map((e: { field: string; code: string }) => [e.field, e.code]);
    expect(errors).toEqual(expected);
  });

  it('accepts a title of exactly 200 characters and a description of exactly 20,000', async () => {
    const res = await ctx.gql(CREATE, { input: { title: 't'.repeat(200), description: 'd'.repeat(20_000) } });
    expect(res.data!.createTicket.userErrors).toEqual([]);
  });

  it('writes nothing when the input is refused', async () => {
    await ctx.gql(CREATE, { input: { title: '', description: 'x' } });
    const res = await ctx.gql(`{ tickets { totalCount } }`);
    expect(res.data!.tickets.totalCount).toBe(0);
  });

  it('refuses an unknown enum value as a GraphQL validation error (400)', async () => {
    const res = await ctx.gql(CREATE, { input: { title: 'x', description: 'y', category: 'FOOD' } });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('updates any field partially, stamping and clearing resolvedAt', async () => {
    const t = await createTicket(ctx.db, { title: 'Old', priority: 'low' });
    const resolved = await ctx.gql(UPDATE, { id: String(t.id), input: { status: 'RESOLVED', priority: 'HIGH' } });
    const r = resolved.data!.updateTicket;
    expect(r.userErrors).toEqual([]);
    expect(r.ticket).toMatchObject({ title: 'Old', status: 'RESOLVED', priority: 'HIGH' });
    expect(r.ticket.resolvedAt).not.toBeNull();
    expect(Date.parse(r.ticket.updatedAt)).toBeGreaterThanOrEqual(Date.parse(r.ticket.createdAt));

    const closed = await ctx.gql(UPDATE, { id: String(t.id), input: { status: 'CLOSED' } });
    expect(closed.data!.updateTicket.ticket.resolvedAt).toBe(r.ticket.resolvedAt);

    const reopened = await ctx.gql(UPDATE, { id: String(t.id), input: { status: 'IN_PROGRESS', title: ' New ' } });
    expect(reopened.data!.updateTicket.ticket).toMatchObject({ status: 'IN_PROGRESS', title: 'New', resolvedAt: null });
  });

  it.each([
    [{ title: '' }, 'title', 'BLANK'],
    [{ title: null }, 'title', 'NULL'],
    [{ description: 'x'.repeat(20_001) }, 'description', 'TOO_LONG'],
    [{ status: null }, 'status', 'NULL'],
  ])('refuses a bad update %# and leaves the row unchanged', async (input, field, code) => {
    const t = await createTicket(ctx.db, { title: 'Keep me', status: 'open' });
    const res = await ctx.gql(UPDATE, { id: String(t.id), input: { ...input, priority: 'CRITICAL' } });
    expect(res.data!.updateTicket).toEqual({ ticket: null, userErrors: [expect.objectContaining({ field, code })] });
    const stored = await findTicketById(ctx.db, t.id);
    expect(stored).toEqual(t);
  });

  it.each(['999999', 'abc', '-1', '99999999999', '1.5'])('reports NOT_FOUND for updating id %s', async (id) => {
    const res = await ctx.gql(UPDATE, { id, input: { title: 'x' } });
    expect(res.data!.updateTicket).toEqual({ ticket: null, userErrors: [{ field: 'id', message: 'Not found.', code: 'NOT_FOUND' }] });
  });

  it('reports NOT_FOUND rather than validation errors for an unknown id with a bad input', async () => {
    const res = await ctx.gql(UPDATE, { id: '4242', input: { title: '' } });
    expect(res.data!.updateTicket.userErrors).toEqual([{ field: 'id', message: 'Not found.', code: 'NOT_FOUND' }]);
  });

  it('reads one ticket by id, and null for unknown or malformed ids', async () => {
    const t = await createTicket(ctx.db, { title: 'Find me' });
    expect((await ctx.gql(GET, { id: String(t.id) })).data!.ticket.title).toBe('Find me');
    expect((await ctx.gql(GET, { id: '424242' })).data!.ticket).toBeNull();
    expect((await ctx.gql(GET, { id: 'abc' })).data!.ticket).toBeNull();
  });

  it('has the database refuse rows that bypass the service', async () => {
    const attempts = [
      sql`insert into tickets (title, description) values ('  ', 'x')`,
      sql`insert into tickets (title, description) values ('x', '')`,
      sql`insert into tickets (title, description, category) values ('x', 'y', 'food')`,
      sql`insert into tickets (title, description, priority) values ('x', 'y', 'urgent')`,
      sql`insert into tickets (title, description, status) values ('x', 'y', 'pending')`,
      sql`insert into tickets (title, description, status) values ('x', 'y', 'resolved')`,
      sql`insert into tickets (title, description, suggested_category) values ('x', 'y', 'billing')`,
    ];
    for (const statement of attempts) {
      const error = await ctx.db.execute(statement).then(
        () => null,
        (e: { code?: string; cause?: { code?: string } }) => e,
      );
      // 23514 is check_violation; drizzle wraps the driver's error as `cause`.
      expect(error?.code ?? error?.cause?.code).toBe('23514');
    }
  });

  it('masks unexpected errors: no SQL, no stack, a code', async () => {
    await ctx.db.execute(sql`alter table tickets rename to tickets_away`);
    try {
      const res = await ctx.gql(`{ tickets { nodes { id } } }`);
      expect(res.errors?.[0]).toEqual({
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['tickets'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(res)).not.toMatch(/select|tickets_away|relation/i);
    } finally {
      await ctx.db.execute(sql`alter table tickets_away rename to tickets`);
    }
  });

  it('answers a body that is not JSON with a GraphQL-shaped 400', async () => {
    const res = await ctx.http({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses an explicit null category, priority or status on create, as REST does, and defaults omitted ones', async () => {
    const res = await ctx.gql(CREATE, { input: { title: 't', description: 'd', category: null, priority: null, status: null } });
    expect(res.data!.createTicket.ticket).toBeNull();
    expect(res.data!.createTicket.userErrors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['category', 'NULL'],
      ['priority', 'NULL'],
      ['status', 'NULL'],
    ]);
    const omitted = await ctx.gql(CREATE, { input: { title: 't', description: 'd' } });
    expect(omitted.data!.createTicket.ticket).toMatchObject({ category: 'GENERAL', priority: 'MEDIUM', status: 'OPEN' });
  });

  it.each([
    [{ input: { title: 5, description: 'd' } }, 'title'],
    [{ input: { title: 't', description: 'd', priority: 'URGENT' } }, 'priority'],
    [{ input: { title: 't' } }, 'description'],
    [{}, 'input'],
  ])("names the field GraphQL's own type check refused (%#)", async (vars, field) => {
    const res = await ctx.gql(CREATE, vars);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('counts lengths in characters, not UTF-16 units', async () => {
    const ok = await ctx.gql(CREATE, { input: { title: '🎫'.repeat(200), description: 'emoji' } });
    expect(ok.data!.createTicket.userErrors).toEqual([]);
    const tooLong = await ctx.gql(CREATE, { input: { title: '🎫'.repeat(201), description: 'emoji' } });
    expect(tooLong.data!.createTicket.userErrors).toEqual([expect.objectContaining({ field: 'title', code: 'TOO_LONG' })]);
  });

  it('refuses an operation that asks for too many queries, counting aliases and fragments', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: stats { totalTickets }`).join(' ');
    const res = await ctx.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions)).toContainEqual({ code: 'OPERATION_TOO_COSTLY', maxCost: 25 });

    const viaFragment = `fragment F on Query { ${Array.from({ length: 6 }, (_, i) => `s${i}: stats { totalTickets }`).join(' ')} }
      query { ...F a: tickets { totalCount ...G } b: tickets { ...G } c: tickets { ...G } d: tickets { ...G } }
      fragment G on TicketConnection { totalCount x: totalCount y: totalCount z: totalCount }`;
    expect((await ctx.gql(viaFragment)).status).toBe(400);

    const reasonable = await ctx.gql(
      `{ a: tickets { totalCount } b: stats { totalTickets ticketsPerDay { count } } c: ticket(id: 1) { id } }`,
    );
    expect(reasonable.status).toBe(200);
  });

  it('answers 400 to a malformed GraphQL request', async () => {
    const res = await ctx.gql(`{ tickets { nodes { id } `);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await ctx.gql(`{ nope }`);
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
