// How many statements one page of a ticket's history (and of its notes) costs, on
// every test database, counted where the driver is called: a fixed number, whatever
// the page holds (its events, their actors, assignees and notes, and the notes'
// authors), so that loading anything per event (N+1) or one kind of reference after
// another fails here. And what the page shows for each of those references, which
// the batching must keep.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { UserRow } from '../../src/auth/user.repository.js';
import { insertTicketEvents, type NewTicketEvent } from '../../src/tickets/ticket-event.repository.js';
import { insertTicketNoteWithEvent } from '../../src/tickets/ticket-note.repository.js';
import { TicketEventField, TicketEventKind } from '../../src/tickets/ticket.enums.js';
import { createTicket, createToken, createUser } from '../support/factories.js';
import { describeOnDatabases, testConfig } from '../support/harness.js';
import { countingDatabase, type StatementLog } from '../support/statement-counter.js';

const PAGE = 25;
const AUTHOR = `__typename ... on User { id displayName } ... on ApiToken { id name }`;
const HISTORY_AND_NOTES = `query($id: ID!, $after: String) { ticket(id: $id) { id version
  history(first: ${PAGE}, after: $after) { nodes { id kind field from to actor { ${AUTHOR} }
    assignee { id displayName } previousAssignee { id displayName } note { id body author { ${AUTHOR} } } }
    pageInfo { hasNextPage endCursor } }
  notes(first: ${PAGE}) { nodes { id body author { ${AUTHOR} } } pageInfo { hasNextPage } } } }`;

type Ref = { userId: number | null; tokenId: number | null };

describeOnDatabases(
  'statements per page of a ticket history',
  (ctx) => {
    let app: FastifyInstance;
    let log: StatementLog;
    let people: UserRow[];
    let tokens: { id: number; name: string; user: UserRow }[];
    /** A ticket with one event, and one with 40 events by every kind of actor, with notes and (re)assignments. */
    let small: number;
    let large: number;
    /** Who each of the large ticket's events names, in order. */
    let expected: { actor: Ref; assignee: number | null; previous: number | null; note: string | null }[];

    beforeAll(async () => {
      const counting = countingDatabase(ctx.database);
      log = counting.log;
      app = await buildApp({ config: testConfig(), database: counting.database });
      // From the handler on: the caller's credentials are looked up before, at most once per 500 ms (authentication.ts).
      app.addHook('preHandler', async () => log.clear());
      people = [];
      for (let i = 0; i < 4; i += 1) people.push(await createUser(ctx.db, { displayName: `Agent ${i}` }));
      tokens = [];
      for (let i = 0; i < 3; i += 1) {
        const user = people[i]!;
        tokens.push({ id: (await createToken(ctx.db, user, { name: `Script ${i}` })).id, name: `Script ${i}`, user });
      }
      small = (await createTicket(ctx.db)).id;
      await insertTicketEvents(ctx.db, [{ ticketId: small, kind: TicketEventKind.CREATED, actorUserId: people[0]!.id }]);

      large = (await createTicket(ctx.db)).id;
      expected = [];
      // The actors take turns: a person (session), each token (its user with it), the system.
      const actors: Ref[] = [
        ...people.map((p) => ({ userId: p.id, tokenId: null })),
        ...tokens.map((t) => ({ userId: t.user.id, tokenId: t.id })),
        { userId: null, tokenId: null },
      ];
      for (let i = 0; i < 40; i += 1) {
        const actor = actors[i % actors.length]!;
        if (i % 5 === 4) {
          const body = `note ${i}`;
          await insertTicketNoteWithEvent(ctx.db, { ticketId: large, body, authorUserId: actor.userId, authorTokenId: actor.tokenId });
          expected.push({ actor, assignee: null, previous: null, note: body });
          continue;
        }
        const event: NewTicketEvent =
          i % 5 === 2
            ? {
                ticketId: large,
                kind: TicketEventKind.ASSIGNED,
                actorUserId: actor.userId,
                actorTokenId: actor.tokenId,
                assigneeUserId: people[(i + 1) % people.length]!.id,
                previousAssigneeUserId: i % 2 === 0 ? people[i % people.length]!.id : null,
              }
            : {
                ticketId: large,
                kind: TicketEventKind.FIELD_CHANGED,
                actorUserId: actor.userId,
                actorTokenId: actor.tokenId,
                field: TicketEventField.TITLE,
                fromValue: `v${i}`,
                toValue: `v${i + 1}`,
              };
        await insertTicketEvents(ctx.db, [event]);
        expected.push({ actor, assignee: event.assigneeUserId ?? null, previous: event.previousAssigneeUserId ?? null, note: null });
      }
    });

    afterAll(async () => {
      await app?.close();
    });

    const headers = () => ({ authorization: ctx.authorization! });

    /** The statements one request sent once its handler ran (after one request of the same shape, which prepares them). */
    async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
      await request();
      await request();
      return [...log.statements];
    }

    const restAuthor = (ref: Ref) => {
      if (ref.tokenId !== null) return { type: 'token', id: ref.tokenId, name: tokens.find((t) => t.id === ref.tokenId)!.name };
      if (ref.userId !== null) return { type: 'user', id: ref.userId, name: people.find((p) => p.id === ref.userId)!.displayName };
      return null;
    };
    const restUser = (id: number | null) => (id === null ? null : restAuthor({ userId: id, tokenId: null }));
    const gqlAuthor = (ref: Ref) => {
      const rest = restAuthor(ref);
      if (rest === null) return null;
      return rest.type === 'token'
        ? { __typename: 'ApiToken', id: String(rest.id), name: rest.name }
        : { __typename: 'User', id: String(rest.id), displayName: rest.name };
    };
    const gqlUser = (id: number | null) => (id === null ? null : { id: String(id), displayName: restUser(id)!.name });

    it('REST: one statement for a page, however many events, actors and notes it shows', async () => {
      const page =
        (id: number, n = 1) =>
        () =>
          app.inject({ method: 'GET', url: `/api/tickets/${id}/history/?page_size=${PAGE}&page=${n}`, headers: headers() });
      const few = await statementsOf(page(small));
      const many = await statementsOf(page(large));
      const second = await statementsOf(page(large, 2));
      expect(many, many.join('\n')).toHaveLength(1);
      expect(few).toHaveLength(many.length);
      expect(second).toHaveLength(many.length);

      const first = await page(large)();
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-total-count']).toBe('40');
      const last = await page(large, 2)();
      const events = [...first.json(), ...last.json()] as Record<string, unknown>[];
      expect(events.map((e) => ({ actor: e.actor, assignee: e.assignee, previous: e.previous_assignee, note: e.note }))).toEqual(
        expected.map((x) => ({
          actor: restAuthor(x.actor),
          assignee: restUser(x.assignee),
          previous: restUser(x.previous),
          note: x.note === null ? null : expect.objectContaining({ body: x.note, author: restAuthor(x.actor) }),
        })),
      );
    });

    it("REST: the last page costs one statement more (the count decides which page that is), and an unknown ticket's only one", async () => {
      const last = await statementsOf(() =>
        app.inject({ method: 'GET', url: `/api/tickets/${large}/history/?page_size=${PAGE}&page=last`, headers: headers() }),
      );
      expect(last).toHaveLength(2);
      const unknown = await statementsOf(() =>
        app.inject({ method: 'GET', url: `/api/tickets/999999/history/?page_size=${PAGE}`, headers: headers() }),
      );
      expect(unknown).toHaveLength(1);
    });

    it('REST notes: one statement for a page with its authors, two for the last page, one for an unknown ticket', async () => {
      const page =
        (id: number | string, n: number | string = 1) =>
        () =>
          app.inject({ method: 'GET', url: `/api/tickets/${id}/notes/?page_size=5&page=${n}`, headers: headers() });
      expect(await statementsOf(page(large))).toHaveLength(1);
      expect(await statementsOf(page(small))).toHaveLength(1);
      expect(await statementsOf(page(large, 'last'))).toHaveLength(2);
      expect(await statementsOf(page(999999))).toHaveLength(1);

      const notes = expected.filter((x) => x.note !== null);
      const first = await page(large)();
      expect(first.headers['x-total-count']).toBe(String(notes.length));
      const shown = [...first.json(), ...(await page(large, 2)()).json()] as Record<string, unknown>[];
      expect(shown.map((n) => ({ body: n.body, author: n.author }))).toEqual(
        notes.map((x) => ({ body: x.note, author: restAuthor(x.actor) })),
      );
      expect((await page(small)()).json()).toEqual([]);
    });

    it('GraphQL: the ticket, its history and notes pages, then its users and tokens, however many the page names', async () => {
      const query =
        (id: number, after: string | null = null) =>
        () =>
          app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { ...headers(), 'content-type': 'application/json' },
            payload: { query: HISTORY_AND_NOTES, variables: { id: String(id), after } },
          });
      const few = await statementsOf(query(small));
      const many = await statementsOf(query(large));

      // The ticket; its history and notes; the users and tokens that both pages name.
      expect(many.length, many.join('\n')).toBeLessThanOrEqual(5);
      expect(few.length).toBeLessThanOrEqual(many.length);

      const first = (await query(large)()).json().data.ticket;
      const rest = (await query(large, first.history.pageInfo.endCursor)()).json().data.ticket;
      const nodes = [...first.history.nodes, ...rest.history.nodes] as Record<string, any>[];
      expect(nodes.map((n) => ({ actor: n.actor, assignee: n.assignee, previous: n.previousAssignee, note: n.note }))).toEqual(
        expected.map((x) => ({
          actor: gqlAuthor(x.actor),
          assignee: gqlUser(x.assignee),
          previous: gqlUser(x.previous),
          note: x.note === null ? null : { id: expect.any(String), body: x.note, author: gqlAuthor(x.actor) },
        })),
      );
      expect(first.notes.nodes.map((n: { author: unknown }) => n.author)).toEqual(
        expected.filter((x) => x.note !== null).map((x) => gqlAuthor(x.actor)),
      );
    });
  },
  { keepData: true },
);
