// Live updates over real WebSockets (graphql-ws's client on 127.0.0.1), on both
// databases: what a subscriber is told of a creation, a change and a note; the ticket
// filter; who may connect (tokens in connection_init or the header, the session cookie
// from our own origin only, anonymous only with ANONYMOUS_ACCESS); connections closed
// when their session ends, their token is revoked or their user deactivated; and the
// limits (subscriptions per connection, connections per process, documents).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserHeaders, signIn, SIGN_OUT, type BrowserSession } from '../auth/auth.helpers.js';
import { createCaller, createToken, createUser } from '../support/factories.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { liveClient, liveUrl, noticesHeard, type LiveClient, type LiveClientOptions } from '../support/live-client.js';

const ACTIVITY = `subscription Activity($ticketId: ID) {
  ticketActivity(ticketId: $ticketId) {
    kind
    changedFields
    ticket { id title status version assignee { id } }
    events { kind field from to assignee { id } }
    note { id body }
  }
}`;

interface Activity {
  ticketActivity: {
    kind: string;
    changedFields: string[];
    ticket: { id: string; title: string; status: string; version: number; assignee: { id: string } | null };
    events: { kind: string; field: string | null; from: string | null; to: string | null; assignee: { id: string } | null }[];
    note: { id: string; body: string } | null;
  };
}

const CREATE = `mutation($title: String!) { createTicket(input: { title: $title, description: "Printer on fire" }) { ticket { id } userErrors { code } } }`;

async function createTicket(ctx: TestContext, title = 'Printer'): Promise<string> {
  const res = await ctx.gql(CREATE, { title });
  expect(res.data?.createTicket.userErrors).toEqual([]);
  return res.data!.createTicket.ticket.id as string;
}

async function updateTicket(ctx: TestContext, id: string, input: Record<string, unknown>): Promise<void> {
  const res = await ctx.gql(
    'mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { userErrors { code } } }',
    {
      id,
      input,
    },
  );
  expect(res.data?.updateTicket.userErrors).toEqual([]);
}

/** Resolves once the process holds `subscriptions` subscriptions: the server has set them up. */
async function untilSubscribed(ctx: TestContext, subscriptions: number): Promise<void> {
  while (ctx.app.liveStats().subscriptions !== subscriptions) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Resolves once the server holds no socket at all: closed and refused connections left nothing open. */
async function untilNoSockets(ctx: TestContext): Promise<void> {
  const sockets = () =>
    new Promise<number>((resolve, reject) => ctx.app.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
  while (ctx.app.liveStats().connections !== 0 || (await sockets()) !== 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The Cookie header of a signed-in browser. */
function cookieOf(session: BrowserSession): string {
  return `sessionid=${session.sessionid}; csrftoken=${session.csrftoken}`;
}

function codes(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): unknown[] {
  return (errors ?? []).map((e) => e.extensions?.code);
}

describeOnDatabases(
  'live updates over WebSocket',
  (ctx) => {
    let url: string;
    let origin: string;
    const clients: LiveClient[] = [];
    const connect = (options: LiveClientOptions = {}) => {
      const client = liveClient(url, options);
      clients.push(client);
      return client;
    };
    /** A client of the suite's admin token, sent in connection_init. */
    const admin = () => connect({ connectionParams: { authorization: ctx.authorization } });

    beforeAll(async () => {
      url = await liveUrl(ctx.app);
      origin = url.replace('ws://', 'http://').replace('/graphql', '');
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      await untilNoSockets(ctx);
    });

    describe('what subscribers are told', () => {
      it('tells of a creation, a change with its fields, an assignment and a note, in commit order', async () => {
        const client = admin();
        const activity = client.subscribe<Activity>(ACTIVITY);
        await untilSubscribed(ctx, 1);

        const id = await createTicket(ctx);
        const created = (await activity.next()).data!.ticketActivity;
        expect(created).toMatchObject({ kind: 'CREATED', changedFields: [], ticket: { id, title: 'Printer', version: 1 }, note: null });
        expect(created.events.map((e) => e.kind)).toEqual(['CREATED']);

        await updateTicket(ctx, id, { title: 'Printer on fire', status: 'IN_PROGRESS' });
        const changed = (await activity.next()).data!.ticketActivity;
        expect(changed).toMatchObject({
          kind: 'CHANGED',
          changedFields: ['TITLE', 'STATUS'],
          ticket: { id, title: 'Printer on fire', status: 'IN_PROGRESS', version: 2 },
          note: null,
        });
        expect(changed.events).toEqual([
          { kind: 'FIELD_CHANGED', field: 'TITLE', from: 'Printer', to: 'Printer on fire', assignee: null },
          { kind: 'FIELD_CHANGED', field: 'STATUS', from: 'OPEN', to: 'IN_PROGRESS', assignee: null },
        ]);

        const agent = await createUser(ctx.db, { role: 'agent' });
        await updateTicket(ctx, id, { assigneeId: String(agent.id), priority: 'HIGH' });
        const assigned = (await activity.next()).data!.ticketActivity;
        expect(assigned).toMatchObject({
          kind: 'CHANGED',
          changedFields: ['PRIORITY', 'ASSIGNEE'],
          ticket: { assignee: { id: String(agent.id) } },
        });
        expect(assigned.events.map((e) => [e.kind, e.field])).toEqual([
          ['FIELD_CHANGED', 'PRIORITY'],
          ['ASSIGNED', null],
        ]);
        expect(assigned.events[1]!.assignee).toEqual({ id: String(agent.id) });

        const noted = await ctx.gql(
          'mutation($id: ID!) { addTicketNote(ticketId: $id, input: { body: "Called the customer" }) { note { id } } }',
          {
            id,
          },
        );
        const note = (await activity.next()).data!.ticketActivity;
        expect(note).toMatchObject({
          kind: 'NOTE_ADDED',
          changedFields: [],
          note: { id: noted.data!.addTicketNote.note.id, body: 'Called the customer' },
        });
        expect(note.events.map((e) => e.kind)).toEqual(['NOTE_ADDED']);
      });

      it('tells of each ticket of a bulk change, and of a creation with its assignee as one activity', async () => {
        const client = admin();
        const activity = client.subscribe<Activity>(ACTIVITY);
        await untilSubscribed(ctx, 1);
        const agent = await createUser(ctx.db, { role: 'agent' });
        const res = await ctx.gql(
          `mutation($assignee: ID!) { createTicket(input: { title: "Assigned", description: "D", assigneeId: $assignee }) { ticket { id } } }`,
          { assignee: String(agent.id) },
        );
        const first = res.data!.createTicket.ticket.id;
        const created = (await activity.next()).data!.ticketActivity;
        expect(created.kind).toBe('CREATED');
        expect(created.events.map((e) => e.kind)).toEqual(['CREATED', 'ASSIGNED']);

        const second = await createTicket(ctx);
        await activity.next();
        const bulk = await ctx.gql(
          'mutation($ids: [ID!]!) { bulkUpdateTickets(ids: $ids, input: { status: CLOSED }) { userErrors { code } } }',
          {
            ids: [first, second],
          },
        );
        expect(bulk.data?.bulkUpdateTickets.userErrors).toEqual([]);
        const told = [(await activity.next()).data!.ticketActivity, (await activity.next()).data!.ticketActivity];
        expect(told.map((a) => [a.ticket.id, a.kind, a.changedFields])).toEqual(
          expect.arrayContaining([
            [first, 'CHANGED', ['STATUS']],
            [second, 'CHANGED', ['STATUS']],
          ]),
        );
      });

      it('tells only of the ticket named by ticketId', async () => {
        const created = await noticesHeard(ctx.database, 2);
        const watched = await createTicket(ctx, 'Watched');
        const other = await createTicket(ctx, 'Other');
        await created();
        const client = admin();
        const activity = client.subscribe<Activity>(ACTIVITY, { ticketId: watched });
        await untilSubscribed(ctx, 1);
        await updateTicket(ctx, other, { title: 'Other, changed' });
        await updateTicket(ctx, watched, { title: 'Watched, changed' });
        const first = (await activity.next()).data!.ticketActivity;
        expect(first.ticket).toMatchObject({ id: watched, title: 'Watched, changed' });
      });

      it('shows each subscriber what it may see: an assignee’s email to an admin, not to another agent', async () => {
        const query = 'subscription { ticketActivity { ticket { id assignee { id email } } } }';
        const assignee = await createUser(ctx.db, { role: 'agent' });
        const colleague = await createCaller(ctx.db, 'agent');
        const asAdmin = admin().subscribe<any>(query);
        const asColleague = connect({ connectionParams: { authorization: colleague.authorization } }).subscribe<any>(query);
        await untilSubscribed(ctx, 2);
        const res = await ctx.gql(
          'mutation($a: ID!) { createTicket(input: { title: "Assigned", description: "D", assigneeId: $a }) { ticket { id } } }',
          { a: String(assignee.id) },
        );
        const id = res.data!.createTicket.ticket.id;
        const [seenByAdmin, seenByColleague] = await Promise.all([asAdmin.next(), asColleague.next()]);
        expect(seenByAdmin.errors).toBeUndefined();
        expect(seenByAdmin.data.ticketActivity.ticket).toEqual({ id, assignee: { id: String(assignee.id), email: assignee.email } });
        expect(codes(seenByColleague.errors)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(seenByColleague)).not.toContain(assignee.email);
      });

      it('refuses an unknown ticketId with NOT_FOUND on the field', async () => {
        const result = await admin().subscribe(ACTIVITY, { ticketId: '999999' }).next();
        expect(codes(result.errors)).toEqual(['NOT_FOUND']);
        expect(result.errors![0]!.extensions).toMatchObject({ field: 'ticketId' });
      });
    });

    describe('who may connect', () => {
      it('closes a connection without credentials with 4401', async () => {
        expect((await connect().closed).code).toBe(4401);
      });

      it('closes a connection whose connection_init names an unknown token with 4401', async () => {
        expect((await connect({ connectionParams: { authorization: 'Token not-a-token' } }).closed).code).toBe(4401);
      });

      it('refuses the upgrade with 401 when the Authorization header names an unknown token', async () => {
        expect(await connect({ headers: { authorization: 'Token not-a-token' } }).refusedWith).toBe(401);
      });

      it('accepts a token in the Authorization header, as Bearer too', async () => {
        const { token } = await createCaller(ctx.db, 'agent');
        const client = connect({ headers: { authorization: `Bearer ${token}` } });
        const activity = client.subscribe<Activity>(ACTIVITY);
        await untilSubscribed(ctx, 1);
        const id = await createTicket(ctx);
        expect((await activity.next()).data!.ticketActivity.ticket.id).toBe(id);
      });

      it('reads the token from connection_init’s Authorization in any case, as GraphiQL sends its headers editor', async () => {
        const { token } = await createCaller(ctx.db, 'agent');
        await connect({ connectionParams: { Authorization: `Token ${token}` } }).connected;
      });

      it('refuses a subscription to a token without tickets:read (FORBIDDEN), as queries are', async () => {
        const user = await createUser(ctx.db, { role: 'admin' });
        const { token } = await createToken(ctx.db, user, { scopes: ['classify'] });
        const result = await connect({ connectionParams: { authorization: `Token ${token}` } })
          .subscribe(ACTIVITY)
          .next();
        expect(codes(result.errors)).toEqual(['FORBIDDEN']);
      });

      it('accepts the session cookie from our own origin, and from no origin (not a browser)', async () => {
        const user = await createUser(ctx.db, { role: 'agent' });
        const cookie = cookieOf(await signIn(ctx, user.email));
        for (const headers of [{ cookie, origin }, { cookie }] as Record<string, string>[]) {
          const client = connect({ headers });
          await client.connected;
          await client.dispose();
        }
      });

      it('refuses the upgrade of a session cookie sent from another site (403), which could otherwise act as the agent', async () => {
        const user = await createUser(ctx.db, { role: 'agent' });
        const cookie = cookieOf(await signIn(ctx, user.email));
        expect(await connect({ headers: { cookie, origin: 'https://evil.example' } }).refusedWith).toBe(403);
        expect(await connect({ headers: { cookie, 'sec-fetch-site': 'cross-site' } }).refusedWith).toBe(403);
      });

      it('lets a token connect from another site: a page there cannot know it', async () => {
        const client = connect({
          headers: { origin: 'https://elsewhere.example' },
          connectionParams: { authorization: ctx.authorization },
        });
        await client.connected;
      });
    });

    describe('closing connections whose access ended', () => {
      it('closes the connection of a revoked token with 4401', async () => {
        const { token, tokenId } = await createCaller(ctx.db, 'agent');
        const client = connect({ connectionParams: { authorization: `Token ${token}` } });
        await client.connected;
        const res = await ctx.gql('mutation($id: ID!) { revokeApiToken(id: $id) { userErrors { code } } }', { id: String(tokenId) });
        expect(res.data?.revokeApiToken.userErrors).toEqual([]);
        expect((await client.closed).code).toBe(4401);
      });

      it('closes the connection of a deactivated user with 4401', async () => {
        const { token, user } = await createCaller(ctx.db, 'agent');
        const client = connect({ connectionParams: { authorization: `Token ${token}` } });
        await client.connected;
        const res = await ctx.gql('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { userErrors { code } } }', {
          id: String(user.id),
        });
        expect(res.data?.updateUser.userErrors).toEqual([]);
        expect((await client.closed).code).toBe(4401);
      });

      it('closes the connection of a session that signed out with 4401', async () => {
        const user = await createUser(ctx.db, { role: 'agent' });
        const session = await signIn(ctx, user.email);
        const client = connect({ headers: { cookie: cookieOf(session), origin } });
        await client.connected;
        const res = await ctx.gqlWith(browserHeaders(session), SIGN_OUT);
        expect(res.data?.signOut.signedOut).toBe(true);
        expect((await client.closed).code).toBe(4401);
      });

      it('closes with 4403 when the user’s role changes, so that the client reconnects with what it may do now', async () => {
        const { token, user } = await createCaller(ctx.db, 'agent');
        const client = connect({ connectionParams: { authorization: `Token ${token}` } });
        await client.connected;
        await ctx.gql('mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { userErrors { code } } }', {
          id: String(user.id),
        });
        expect((await client.closed).code).toBe(4403);
      });
    });

    describe('what a connection may send', () => {
      it('refuses queries and mutations: they go over HTTP', async () => {
        const client = admin();
        for (const operation of ['{ tickets(first: 1) { totalCount } }', 'mutation { signOut { signedOut } }']) {
          expect(codes(await client.subscribe(operation).ended)).toEqual(['BAD_REQUEST']);
        }
      });

      it('refuses a document that does not parse, or is invalid, with the codes HTTP gives', async () => {
        const client = admin();
        expect(codes(await client.subscribe('subscription {').ended)).toEqual(['GRAPHQL_PARSE_FAILED']);
        expect(codes(await client.subscribe('subscription { ticketActivity { nope } }').ended)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      });

      it('applies the operation limits to subscriptions', async () => {
        const client = admin();
        const tooManyTokens = `subscription { ticketActivity { ${'kind '.repeat(1_000)} } }`;
        expect(codes(await client.subscribe(tooManyTokens).ended)).toEqual(['DOCUMENT_TOO_LARGE']);
        const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: kind`).join(' ');
        expect(codes(await client.subscribe(`subscription { ticketActivity { ${aliases} } }`).ended)).toEqual(['TOO_MANY_ALIASES']);
        // The connection survives refusals.
        const activity = client.subscribe<Activity>(ACTIVITY);
        await untilSubscribed(ctx, 1);
        const id = await createTicket(ctx);
        expect((await activity.next()).data!.ticketActivity.ticket.id).toBe(id);
      });

      it('refuses a subscription past LIVE_MAX_SUBSCRIPTIONS on one connection with TOO_MANY_SUBSCRIPTIONS', async () => {
        const client = admin();
        client.subscribe(ACTIVITY);
        client.subscribe(ACTIVITY);
        await untilSubscribed(ctx, 2);
        const third = await client.subscribe(ACTIVITY).ended;
        expect(codes(third)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
        expect(third[0]!.extensions).toMatchObject({ maxSubscriptions: 2 });
      });

      it('refuses an upgrade past LIVE_MAX_CONNECTIONS with 503', async () => {
        const open = [admin(), admin(), admin()];
        await Promise.all(open.map((c) => c.connected));
        expect(await connect({ connectionParams: { authorization: ctx.authorization } }).refusedWith).toBe(503);
      });

      it('closes a connection that sends a message larger than the limit (1009)', async () => {
        const client = admin();
        await client.connected;
        const huge = `subscription { ticketActivity { kind } } # ${'x'.repeat(70_000)}`;
        client.subscribe(huge);
        expect((await client.closed).code).toBe(1009);
      });
    });
  },
  { env: { LIVE_MAX_SUBSCRIPTIONS: '2', LIVE_MAX_CONNECTIONS: '3' } },
);

describeOnDatabases(
  'live updates with ANONYMOUS_ACCESS=read',
  (ctx) => {
    it('lets an anonymous caller subscribe', async () => {
      const client = liveClient(await liveUrl(ctx.app));
      try {
        const activity = client.subscribe<Activity>(ACTIVITY);
        while (ctx.app.liveStats().subscriptions !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
        const caller = await createCaller(ctx.db, 'agent');
        const res = await ctx.gqlWith({ authorization: caller.authorization }, CREATE, { title: 'Anonymous sees it' });
        expect((await activity.next()).data!.ticketActivity.ticket.id).toBe(res.data!.createTicket.ticket.id);
      } finally {
        await client.dispose();
      }
    });
  },
  { env: { ANONYMOUS_ACCESS: 'read' }, caller: 'anonymous' },
);
