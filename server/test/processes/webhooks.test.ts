// Webhooks from three server processes on one PostgreSQL: 1,000 ticket changes,
// delivered to a receiver on 127.0.0.1 that fails 30% of the requests and leaves
// some unanswered (the sender's timeout ends them), while one process is killed
// (SIGKILL) holding deliveries it claimed. Every event is delivered at least once,
// none is lost, no event is ever being delivered by two processes at once, a ticket's
// events arrive in order, every request is signed, and the dead process's
// deliveries are taken over by the others once their lease expires.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/webhooks/webhook-signature.js';
import { TEST_DATABASE_URL } from '../ops/support/pg-database.js';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../support/webhook-receiver.js';
import { graphql, startCluster, type Cluster } from './support/cluster.js';

const TICKETS = 100;
const CHANGES_PER_TICKET = 10; // the create and 9 updates: 1,000 changes
const LANES = 20;

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.runIf(TEST_DATABASE_URL)('webhooks from three processes on one PostgreSQL', () => {
  let cluster: Cluster;
  let receiver: WebhookReceiver;
  const inFlight = new Map<string, number>();
  let concurrent = 0;

  beforeAll(async () => {
    const next = random(16);
    receiver = await startWebhookReceiver(
      () => {
        const roll = next();
        if (roll < 0.03) return 'hang';
        return roll < 0.3 ? 500 : 200;
      },
      (request, phase) => {
        const id = request.json.id as string;
        const now = (inFlight.get(id) ?? 0) + (phase === 'start' ? 1 : -1);
        if (phase === 'start' && now > 1) concurrent += 1;
        inFlight.set(id, now);
      },
    );
    cluster = await startCluster(3, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_BACKOFF_BASE_MS: '20',
      WEBHOOK_BACKOFF_MAX_MS: '200',
      WEBHOOK_POLL_INTERVAL_MS: '200',
      WEBHOOK_WORKERS: '8',
    });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  });

  it('delivers 1,000 changes at least once, in order per ticket, never concurrently, across a kill -9', async () => {
    const [writerA, writerB, victim] = cluster.servers as [
      (typeof cluster.servers)[0],
      (typeof cluster.servers)[0],
      (typeof cluster.servers)[0],
    ];
    const created = await graphql(
      writerA,
      cluster.authorization,
      `
        mutation ($url: String!) {
          createWebhookEndpoint(input: { url: $url, events: [TICKET_CREATED, TICKET_CHANGED] }) {
            secret
            userErrors {
              code
            }
          }
        }
      `,
      { url: `${receiver.url}/hook` },
    );
    const secret = created.data!.createWebhookEndpoint.secret as string;

    // The victim only delivers: the writes go through the two processes that stay.
    const writers = [writerA, writerB];
    let writes = 0;
    const lane = async (laneIndex: number) => {
      for (let t = laneIndex; t < TICKETS; t += LANES) {
        const server = () => writers[writes++ % writers.length]!;
        const res = await graphql(
          server(),
          cluster.authorization,
          `
            mutation ($input: CreateTicketInput!) {
              createTicket(input: $input) {
                ticket {
                  id
                }
              }
            }
          `,
          {
            input: { title: `Ticket ${t}`, description: `Webhook load ticket ${t}` },
          },
        );
        const id = res.data!.createTicket.ticket.id as string;
        for (let change = 1; change < CHANGES_PER_TICKET; change += 1) {
          const updated = await graphql(
            server(),
            cluster.authorization,
            `
              mutation ($id: ID!, $title: String!) {
                updateTicket(id: $id, input: { title: $title }) {
                  userErrors {
                    code
                  }
                }
              }
            `,
            { id, title: `Ticket ${t}, version ${change + 1}` },
          );
          expect(updated.data?.updateTicket.userErrors).toEqual([]);
        }
      }
    };
    const writing = Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));

    // Mid-delivery: once the victim holds leased deliveries, kill it without warning.
    // What it still held when it died (it can change nothing after) is what others must take over.
    const victimPid = victim.child.pid!;
    const heldByVictim = () =>
      cluster.pg.query<{ id: string }>(
        `select id::text from webhook_deliveries
         where status = 'pending' and locked_until > now() and split_part(locked_by, ':', 2) = '${victimPid}'`,
      );
    // Frozen (SIGSTOP) while its leases are read, so that it cannot finish them between
    // the read and the kill; frozen holding none, it is let go and looked at again. A
    // commit it had sent before it froze may still land: what it held is what both the
    // read while frozen and the read once it is dead show.
    let heldWhileFrozen: { id: string }[] = [];
    try {
      for (let i = 0; heldWhileFrozen.length === 0 && i < 1_000; i += 1) {
        victim.child.kill('SIGSTOP');
        await sleep(50);
        heldWhileFrozen = await heldByVictim();
        if (heldWhileFrozen.length === 0) {
          victim.child.kill('SIGCONT');
          await sleep(20);
        }
      }
    } finally {
      victim.child.kill('SIGKILL');
    }
    await victim.exited;
    const heldWhenDead = new Set((await heldByVictim()).map((row) => row.id));
    const orphaned = heldWhileFrozen.filter((row) => heldWhenDead.has(row.id));
    expect(orphaned.length).toBeGreaterThan(0);
    await writing;

    const [written] = await cluster.pg.query<{ changes: number }>('select count(*)::int as changes from ticket_events');
    expect(written!.changes).toBe(TICKETS * CHANGES_PER_TICKET);
    let undelivered = -1;
    for (let i = 0; undelivered !== 0 && i < 1_500; i += 1) {
      await sleep(100);
      const [row] = await cluster.pg.query<{ undelivered: number }>(
        `select count(*)::int as undelivered from webhook_deliveries where status <> 'delivered'`,
      );
      undelivered = row!.undelivered;
    }
    expect(undelivered).toBe(0);

    // None lost: every event of the outbox, one per change, was answered 2xx at least once.
    const events = await cluster.pg.query<{ id: string; ticket_id: number }>(
      'select first_event_id::text as id, ticket_id from webhook_events',
    );
    expect(events).toHaveLength(TICKETS * CHANGES_PER_TICKET);
    const accepted = new Set(receiver.requests.filter((r) => r.answered === 200).map((r) => r.json.id as string));
    expect(events.filter((e) => !accepted.has(e.id))).toEqual([]);

    // Never two processes on one event at once.
    expect(concurrent).toBe(0);

    // In order per ticket: an event is only sent once every earlier one of its ticket was accepted.
    const byTicket = new Map<number, ReceivedRequest[]>();
    for (const request of receiver.requests)
      byTicket.set(request.json.ticket.id, [...(byTicket.get(request.json.ticket.id) ?? []), request]);
    const outOfOrder = [...byTicket.values()].filter((requests) =>
      requests.some((r, i) => i > 0 && Number(r.json.id) < Number(requests[i - 1]!.json.id)),
    );
    expect(outOfOrder).toEqual([]);

    // Signed, every one.
    expect(receiver.requests.filter((r) => !verifySignature(secret, String(r.headers['x-webhook-signature']), r.body))).toEqual([]);

    // The dead process's claims were taken over: delivered, by another process.
    const takenOver = await cluster.pg.query<{ id: string; worker: string }>(
      `select d.id::text, a.worker from webhook_deliveries d
       join lateral (select worker from webhook_attempts a where a.delivery_id = d.id and a.status_code between 200 and 299 order by a.id desc limit 1) a on true
       where d.id in (${orphaned.map((o) => o.id).join(',')})`,
    );
    expect(takenOver).toHaveLength(orphaned.length);
    expect(takenOver.filter((row) => row.worker.split(':')[1] === String(victimPid))).toEqual([]);

    const failures = receiver.requests.filter((r) => r.answered !== 200).length;
    console.info(
      `webhooks: ${events.length} events, ${receiver.requests.length} requests (${failures} failed or unanswered), ` +
        `${receiver.requests.length - failures - events.length} duplicates, ${orphaned.length} taken over from the killed process`,
    );
  }, 300_000);
});
