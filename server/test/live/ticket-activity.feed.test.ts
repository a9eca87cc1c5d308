// The feed of one process, on both databases, without sockets: a commit is read once
// however many subscribe (and not at all when nobody does), a subscriber that does not
// keep up is dropped rather than buffered without bound, and losing the LISTEN
// connection drops every subscriber, who refetch.
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { startTicketActivityFeed, type LostReason, type TicketActivityFeed } from '../../src/live/ticket-activity.feed.js';
import { describeOnDatabases, type TestContext } from '../support/harness.js';
import { noticesHeard } from '../support/live-client.js';

const silent = { warn: () => {}, error: () => {} };

/** The database with its statements counted: every `select` the feed builds goes through `db.select`. */
function counted(database: Database): { database: Database; selects: () => number } {
  let selects = 0;
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property === 'select') selects += 1;
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as Db;
  return { database: { ...database, db, listen: database.listen.bind(database) }, selects: () => selects };
}

async function createTicket(ctx: TestContext, title = 'Printer'): Promise<string> {
  const res = await ctx.gql('mutation($title: String!) { createTicket(input: { title: $title, description: "D" }) { ticket { id } } }', {
    title,
  });
  return res.data!.createTicket.ticket.id as string;
}

describeOnDatabases('the live feed of one process', (ctx) => {
  let feed: TicketActivityFeed | undefined;
  afterEach(async () => {
    await feed?.stop();
    feed = undefined;
  });

  it('reads a commit once for all its subscribers, and not at all when nobody subscribes', async () => {
    const probe = counted(ctx.database);
    feed = await startTicketActivityFeed({ database: probe.database, log: silent, queueMax: 10 });
    const unwatchedHeard = await noticesHeard(ctx.database, 1);
    await createTicket(ctx, 'Unwatched');
    await unwatchedHeard();
    const subscribers = Array.from({ length: 50 }, () => feed!.subscribe({ ticketId: null }, () => {}));
    const before = probe.selects();
    const id = await createTicket(ctx, 'Watched');
    const told = await Promise.all(subscribers.map((s) => s.next()));
    expect(told.map((r) => r.value?.ticket.id)).toEqual(Array(50).fill(Number(id)));
    // The events and the ticket: two statements, for fifty subscribers.
    expect(probe.selects() - before).toBe(2);
    // The unwatched ticket's commit was never read: the first reads are the watched one's.
    expect(before).toBe(0);
  });

  it('does not read a commit of a ticket no subscriber filters for', async () => {
    const probe = counted(ctx.database);
    const createdHeard = await noticesHeard(ctx.database, 1);
    const watched = Number(await createTicket(ctx, 'Watched'));
    // Its creation is not news to the feed started after.
    await createdHeard();
    feed = await startTicketActivityFeed({ database: probe.database, log: silent, queueMax: 10 });
    const subscription = feed.subscribe({ ticketId: watched }, () => {});
    await createTicket(ctx, 'Other');
    await ctx.gql('mutation($id: ID!) { updateTicket(id: $id, input: { title: "Watched, changed" }) { ticket { id } } }', {
      id: String(watched),
    });
    const told = await subscription.next();
    expect(told.value?.ticket).toMatchObject({ id: watched, title: 'Watched, changed' });
    expect(probe.selects()).toBe(2);
  });

  it('drops a subscriber that does not keep up, instead of queueing for it without bound', async () => {
    feed = await startTicketActivityFeed({ database: ctx.database, log: silent, queueMax: 3 });
    const lost: LostReason[] = [];
    const slow = feed.subscribe({ ticketId: null }, (reason) => lost.push(reason));
    const fast = feed.subscribe({ ticketId: null }, () => {});
    // The slow one reads nothing; four activities overflow its queue of three.
    for (let i = 0; i < 4; i += 1) {
      await createTicket(ctx, `T${i}`);
      await fast.next();
    }
    expect(lost).toEqual(['too-slow']);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    expect(feed.size).toBe(1);
  });

  it('ends every subscription when it stops', async () => {
    feed = await startTicketActivityFeed({ database: ctx.database, log: silent, queueMax: 3 });
    const subscription = feed.subscribe({ ticketId: null }, () => {});
    const waiting = subscription.next();
    await feed.stop();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(feed.size).toBe(0);
  });

  // PGlite's LISTEN is in its own process: there is no connection to lose.
  if (ctx.target.name === 'postgres') {
    it('drops every subscriber when the LISTEN connection was lost: commits meanwhile were missed', async () => {
      feed = await startTicketActivityFeed({ database: ctx.database, log: silent, queueMax: 3 });
      const lost: LostReason[] = [];
      feed.subscribe({ ticketId: null }, (reason) => lost.push(reason));
      await ctx.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
      );
      while (lost.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lost).toEqual(['missed-commits']);
    });
  }
});
