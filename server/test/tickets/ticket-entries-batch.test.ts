// The history and notes of a ticket list on every test database: each ticket gets its
// own page, and the statements an operation runs do not grow with the number of
// tickets (one for the events and one for the notes of the whole list).
import { beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { insertTicketEvents } from '../../src/tickets/ticket-event.repository.js';
import { TicketEventField, TicketEventKind } from '../../src/tickets/ticket.enums.js';
import { createTicket } from '../support/factories.js';
import { describeOnDatabases, testConfig } from '../support/harness.js';
import { countingDatabase } from '../support/statement-counter.js';

// Literal page sizes: a variable may be 100, whose response the operation limits refuse.
const list = (first: number) => `{ tickets(first: ${first}, orderBy: OLDEST_FIRST) { nodes { id
  history(first: 2) { nodes { kind field to note { body } } pageInfo { hasNextPage } }
  notes(first: 2) { nodes { body } pageInfo { hasNextPage } } } } }`;
const ADD = `mutation($ticketId: ID!, $body: String!) { addTicketNote(ticketId: $ticketId, input: { body: $body }) { userErrors { code } } }`;

describeOnDatabases(
  'history and notes of a ticket list',
  (ctx) => {
    beforeAll(async () => {
      // 30 tickets: the i-th has i % 4 field changes and i % 3 notes.
      for (let i = 0; i < 30; i += 1) {
        const ticket = await createTicket(ctx.db, { title: `t${i}` });
        await insertTicketEvents(
          ctx.db,
          Array.from({ length: i % 4 }, (_, k) => ({
            ticketId: ticket.id,
            kind: TicketEventKind.FIELD_CHANGED,
            field: TicketEventField.TITLE,
            fromValue: `t${i}`,
            toValue: `t${i}.${k}`,
          })),
        );
        for (let k = 0; k < i % 3; k += 1) await ctx.gql(ADD, { ticketId: String(ticket.id), body: `note ${i}.${k}` });
      }
    });

    it('gives each ticket its own page of history and notes', async () => {
      const res = await ctx.gql(list(30));
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.tickets.nodes as any[];
      expect(nodes).toHaveLength(30);
      nodes.forEach((node, i) => {
        const changes = Array.from({ length: i % 4 }, (_, k) => ({ kind: 'FIELD_CHANGED', field: 'TITLE', to: `t${i}.${k}`, note: null }));
        const notes = Array.from({ length: i % 3 }, (_, k) => `note ${i}.${k}`);
        const events = [...changes, ...notes.map((body) => ({ kind: 'NOTE_ADDED', field: null, to: null, note: { body } }))];
        expect(node.history, `ticket ${i}`).toEqual({ nodes: events.slice(0, 2), pageInfo: { hasNextPage: events.length > 2 } });
        expect(node.notes, `ticket ${i}`).toEqual({
          nodes: notes.slice(0, 2).map((body) => ({ body })),
          pageInfo: { hasNextPage: notes.length > 2 },
        });
      });
    });

    it('runs as many statements for 30 tickets as for 2', async () => {
      const counting = countingDatabase(ctx.database);
      const app = await buildApp({ config: testConfig(), database: counting.database });
      // From the handler on: the caller's credentials are looked up before, at most once per 500 ms (authentication.ts).
      app.addHook('preHandler', async () => counting.log.clear());
      try {
        const run = async (first: number) => {
          const res = await app.inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', authorization: ctx.authorization! },
            payload: { query: list(first) },
          });
          expect(res.json().data.tickets.nodes).toHaveLength(first);
          return counting.log.statements.length;
        };
        // Once first: the statements are prepared.
        await run(2);
        const few = await run(2);
        const many = await run(30);
        expect(many).toBe(few);
        expect(few).toBeGreaterThanOrEqual(2);
      } finally {
        await app.close();
      }
    });
  },
  { keepData: true },
);
