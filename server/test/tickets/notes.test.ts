// Internal notes on every test database: adding one through GraphQL and REST (with its
// author, a `note_added` event in the same write, and no new ticket version), the
// rules for the body, reading them back oldest first a page at a time, and no way to
// change or remove one.
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TICKET_NOTE_MAX } from '../../src/tickets/ticket.enums.js';
import { ticketEvents, ticketNotes } from '../../src/db/schema.js';
import { createCaller, createTicket } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { parseLinks } from '../rest/rest.helpers.js';

const NOTE_FIELDS = `id body createdAt author { __typename ... on User { id } ... on ApiToken { id } }`;
const ADD = `mutation($ticketId: ID!, $input: AddTicketNoteInput!) {
  addTicketNote(ticketId: $ticketId, input: $input) { note { ${NOTE_FIELDS} } userErrors { field code } } }`;
const NOTES = `query($id: ID!, $first: Int, $after: String) { ticket(id: $id) { id version updatedAt
  notes(first: $first, after: $after) { nodes { ${NOTE_FIELDS} } edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
  history { nodes { kind note { id body } actor { __typename ... on ApiToken { id } } } } } }`;

async function stored(ctx: TestContext, ticketId: number) {
  const where = (column: typeof ticketNotes.ticketId | typeof ticketEvents.ticketId) => sql`${column} = ${ticketId}`;
  return {
    notes: await ctx.db.select().from(ticketNotes).where(where(ticketNotes.ticketId)),
    events: await ctx.db.select().from(ticketEvents).where(where(ticketEvents.ticketId)),
  };
}

describeOnDatabases('ticket notes', (ctx) => {
  let agent: Awaited<ReturnType<typeof createCaller>>;
  const asAgent = () => ({ authorization: agent.authorization });

  beforeAll(async () => {
    agent = await createCaller(ctx.db, 'agent');
  });

  it('adds a note with its author and a note_added event, without changing the ticket', async () => {
    const ticket = await createTicket(ctx.db);
    const res = await ctx.gqlWith(asAgent(), ADD, { ticketId: String(ticket.id), input: { body: '  Called the customer back.  ' } });
    expect(res.errors).toBeUndefined();
    const { note, userErrors } = res.data!.addTicketNote;
    expect(userErrors).toEqual([]);
    expect(note).toMatchObject({ body: 'Called the customer back.', author: { __typename: 'ApiToken', id: String(agent.tokenId) } });
    const read = (await ctx.gql(NOTES, { id: String(ticket.id) })).data!.ticket;
    expect(read.version).toBe(1);
    expect(read.updatedAt).toBe(ticket.updatedAt.toISOString());
    expect(read.notes.nodes).toEqual([note]);
    expect(read.history.nodes).toEqual([
      { kind: 'NOTE_ADDED', note: { id: note.id, body: note.body }, actor: { __typename: 'ApiToken', id: String(agent.tokenId) } },
    ]);
    const { events } = await stored(ctx, ticket.id);
    expect(events).toMatchObject([
      { kind: 'note_added', noteId: Number(note.id), actorUserId: agent.user.id, actorTokenId: agent.tokenId },
    ]);
  });

  it.each([
    ['blank', ' \n\t ', 'BLANK'],
    ['only invisible characters', '\u200b\u200b', 'BLANK'],
    ['too long', 'x'.repeat(TICKET_NOTE_MAX + 1), 'TOO_LONG'],
    ['holding a NUL', 'a\u0000b', 'INVALID'],
  ])('refuses a body that is %s, writing nothing', async (_name, body, code) => {
    const ticket = await createTicket(ctx.db);
    const res = await ctx.gql(ADD, { ticketId: String(ticket.id), input: { body } });
    expect(res.data!.addTicketNote).toEqual({ note: null, userErrors: [{ field: 'body', code }] });
    expect(await stored(ctx, ticket.id)).toEqual({ notes: [], events: [] });
  });

  it('takes a body of exactly the limit once trimmed', async () => {
    const ticket = await createTicket(ctx.db);
    const body = `  ${'é'.repeat(TICKET_NOTE_MAX)}  `;
    const res = await ctx.gql(ADD, { ticketId: String(ticket.id), input: { body } });
    expect(res.data!.addTicketNote.userErrors).toEqual([]);
    expect(res.data!.addTicketNote.note.body).toBe(body.trim());
  });

  it('answers NOT_FOUND for an unknown ticket, whatever the body', async () => {
    for (const [ticketId, body] of [
      ['999999', 'A note.'],
      ['999999', ''],
      ['not-an-id', 'A note.'],
    ]) {
      const res = await ctx.gql(ADD, { ticketId, input: { body } });
      expect(res.data!.addTicketNote).toEqual({ note: null, userErrors: [{ field: 'ticketId', code: 'NOT_FOUND' }] });
    }
    const [{ n }] = (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(ticketNotes)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('adds a note through REST as DRF answers a create, with the same event as GraphQL', async () => {
    const [viaRest, viaGraphql] = [await createTicket(ctx.db), await createTicket(ctx.db)];
    const res = await ctx.http({
      method: 'POST',
      url: `/api/tickets/${viaRest.id}/notes/`,
      headers: asAgent(),
      payload: { body: 'Waiting for the logs.' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      body: 'Waiting for the logs.',
      author: { type: 'token', id: agent.tokenId, name: expect.any(String) },
      created_at: expect.stringMatching(/Z$/),
    });
    await ctx.gqlWith(asAgent(), ADD, { ticketId: String(viaGraphql.id), input: { body: 'Waiting for the logs.' } });
    const strip = ({ events }: Awaited<ReturnType<typeof stored>>) =>
      events.map(({ id: _id, ticketId: _t, at: _at, noteId: _n, ...rest }) => rest);
    expect(strip(await stored(ctx, viaGraphql.id))).toEqual(strip(await stored(ctx, viaRest.id)));
    // The REST history shows the note with its event.
    const history = await ctx.http({ method: 'GET', url: `/api/tickets/${viaRest.id}/history/` });
    expect(history.json()).toMatchObject([{ kind: 'note_added', note: res.json(), field: null, from: null, to: null }]);
  });

  it('refuses a bad REST body with DRF’s field errors, and an unknown ticket with a 404', async () => {
    const ticket = await createTicket(ctx.db);
    const cases: [unknown, Record<string, string[]>][] = [
      [{}, { body: ['This field is required.'] }],
      [{ body: '   ' }, { body: ['This field may not be blank.'] }],
      [{ body: null }, { body: ['This field may not be null.'] }],
      [{ body: 'x'.repeat(TICKET_NOTE_MAX + 1) }, { body: [`Ensure this field has no more than ${TICKET_NOTE_MAX} characters.`] }],
    ];
    for (const [payload, errors] of cases) {
      const res = await ctx.http({ method: 'POST', url: `/api/tickets/${ticket.id}/notes/`, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toEqual(errors);
    }
    const unknown = await ctx.http({ method: 'POST', url: '/api/tickets/999999/notes/', payload: { body: '' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ detail: 'Not found.' });
    expect(await stored(ctx, ticket.id)).toEqual({ notes: [], events: [] });
  });

  it('pages the notes oldest first with cursors (GraphQL) and numbered pages (REST)', async () => {
    const ticket = await createTicket(ctx.db);
    for (let i = 1; i <= 5; i += 1) await ctx.gql(ADD, { ticketId: String(ticket.id), input: { body: `n${i}` } });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { ticket: { notes: any } } | null } = await ctx.gql(NOTES, { id: String(ticket.id), first: 2, after });
      const notes = res.data!.ticket.notes;
      seen.push(...notes.nodes.map((n: { body: string }) => n.body));
      expect(notes.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!notes.pageInfo.hasNextPage) break;
      after = notes.pageInfo.endCursor;
    }
    expect(seen).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect((await ctx.gql(NOTES, { id: String(ticket.id), first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A history cursor is not a notes cursor.
    const history = await ctx.gql(`query($id: ID!) { ticket(id: $id) { history(first: 1) { pageInfo { endCursor } } } }`, {
      id: String(ticket.id),
    });
    const wrong = await ctx.gql(NOTES, { id: String(ticket.id), after: history.data!.ticket.history.pageInfo.endCursor });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const first = await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/notes/?page_size=2` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-total-count']).toBe('5');
    expect(first.json().map((n: { body: string }) => n.body)).toEqual(['n1', 'n2']);
    const links = parseLinks(first.headers.link);
    expect(Object.keys(links)).toEqual(['first', 'next', 'last']);
    const last = await ctx.http({ method: 'GET', url: links.last!.replace(/^https?:\/\/[^/]+/, '') });
    expect(last.json().map((n: { body: string }) => n.body)).toEqual(['n5']);
    expect((await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/notes/?page=4&page_size=2` })).statusCode).toBe(404);
    const unknown = await ctx.http({ method: 'GET', url: '/api/tickets/999999/notes/' });
    expect(unknown.statusCode).toBe(404);
  });

  it('offers no way to change or remove a note', async () => {
    const ticket = await createTicket(ctx.db);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await ctx.http({ method, url: `/api/tickets/${ticket.id}/notes/`, payload: {} });
      expect(res.statusCode).toBe(405);
    }
    const mutations = await ctx.gql('{ __schema { mutationType { fields { name } } } }');
    const names = mutations.data!.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => /note/i.test(n))).toEqual(['addTicketNote']);
  });
});

describeOnDatabases(
  'ticket notes of anonymous writes',
  (ctx) => {
    it('records no author for an anonymous note', async () => {
      const ticket = await createTicket(ctx.db);
      const res = await ctx.http({ method: 'POST', url: `/api/tickets/${ticket.id}/notes/`, payload: { body: 'Anon.' } });
      expect(res.statusCode).toBe(201);
      expect(res.json().author).toBeNull();
      const history = await ctx.http({ method: 'GET', url: `/api/tickets/${ticket.id}/history/` });
      expect(history.json().map((e: { kind: string; actor: unknown }) => [e.kind, e.actor])).toEqual([['note_added', null]]);
    });
  },
  { caller: 'anonymous', env: { ANONYMOUS_ACCESS: 'write' } },
);
