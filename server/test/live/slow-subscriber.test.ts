// A client that stops reading its socket, on a real WebSocket of 127.0.0.1: once more
// than LIVE_MAX_BUFFERED_BYTES wait unsent to it, the server drops it, and the other
// subscribers keep receiving every activity. Without the drop, what such a client
// cannot take would pile up in the server's memory. Nothing else may drop it here: the
// test makes fewer changes than the feed queues per subscription (whose overflow drops
// a subscriber too) and pings too rarely to notice the client, so that the byte limit
// is the only thing that can.
import { afterEach, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeOnDatabases, testConfig, type TestContext } from '../support/harness.js';
import { liveClient, liveUrl, noticesHeard, type LiveClient } from '../support/live-client.js';

const MAX_BUFFERED_BYTES = 256 * 1024;
/** About 100 KB a message: the ticket's 5,000-character description, twenty times (the most aliases an operation may have). */
const BULKY = `subscription { ticketActivity { ticket { id version ${Array.from({ length: 20 }, (_, i) => `d${i}: description`).join(' ')} } } }`;
/** On the stalled connection: 500 KB a change, so that the kernel's socket buffers (a few MB on loopback) fill within a few changes. */
const STALLED_SUBSCRIPTIONS = 5;
/** Fewer than the activities the feed queues per subscription (its overflow drops a client too), with room to spare. */
const CHANGES_MAX = testConfig().live.queueMax - 10;

/** A raw graphql-transport-ws connection with `subscriptions` of BULKY, which can stop reading (`pause`). */
async function stalledClient(url: string, authorization: string, subscriptions: number): Promise<WebSocket> {
  const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    socket.once('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') resolve();
      else reject(new Error(`expected connection_ack, got ${message.type}`));
    });
    socket.once('error', reject);
  });
  // Dropped with unsent data, its socket may end with a reset rather than a close: either is its end.
  socket.on('error', () => {});
  for (let i = 1; i <= subscriptions; i += 1) {
    socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: BULKY } }));
  }
  return socket;
}

async function untilSubscribed(ctx: TestContext, subscriptions: number): Promise<void> {
  while (ctx.app.liveStats().subscriptions !== subscriptions) await new Promise((resolve) => setTimeout(resolve, 10));
}

describeOnDatabases(
  'a subscriber whose client stopped reading',
  (ctx) => {
    let url: string;
    let healthy: LiveClient | null = null;
    let stalled: WebSocket | null = null;

    beforeAll(async () => {
      url = await liveUrl(ctx.app);
    });
    afterEach(async () => {
      stalled?.terminate();
      await healthy?.dispose();
    });

    it('is dropped once LIVE_MAX_BUFFERED_BYTES wait unsent to it, while the others receive every activity', async () => {
      const heard = await noticesHeard(ctx.database, 1);
      const created = await ctx.gql<{ createTicket: { ticket: { id: string } } }>(
        'mutation($d: String!) { createTicket(input: { title: "Bulky", description: $d }) { ticket { id } } }',
        { d: 'x'.repeat(5_000) },
      );
      const id = created.data!.createTicket.ticket.id;
      await heard();

      healthy = liveClient(url, { connectionParams: { authorization: ctx.authorization } });
      const activity = healthy.subscribe<{ ticketActivity: { ticket: { id: string; version: number; d0: string } } }>(BULKY);
      stalled = await stalledClient(url, ctx.authorization!, STALLED_SUBSCRIPTIONS);
      await untilSubscribed(ctx, 1 + STALLED_SUBSCRIPTIONS);
      stalled.pause();
      expect(ctx.app.liveStats().connections).toBe(2);

      // Change the ticket until the stalled connection is gone, each change received by the healthy subscriber.
      let version = 1;
      const change = async () => {
        const res = await ctx.gql(
          'mutation($id: ID!, $t: String!) { updateTicket(id: $id, input: { title: $t }) { userErrors { code } } }',
          {
            id,
            t: `Bulky, version ${version + 1}`,
          },
        );
        expect(res.data?.updateTicket.userErrors).toEqual([]);
        version += 1;
        const told = (await activity.next()).data!.ticketActivity.ticket;
        expect(told).toMatchObject({ id, version });
        expect(told.d0).toHaveLength(5_000);
      };
      while (ctx.app.liveStats().connections > 1 && version - 1 < CHANGES_MAX) await change();
      expect(ctx.app.liveStats().connections).toBe(1);
      // Its subscriptions end with it (graphql-ws returns them as the socket's close is handled).
      await untilSubscribed(ctx, 1);
      // The stalled client's socket was closed under it: resumed, it reads the end of the stream.
      const closed = new Promise<number>((resolve) => stalled!.once('close', (code) => resolve(code)));
      stalled.resume();
      expect(await closed).toBe(1006);

      // And the one left is still told of everything.
      await change();
      await change();
    });
  },
  { env: { LIVE_MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES), LIVE_KEEPALIVE_MS: '600000' } },
);
