// Three server processes on one PostgreSQL, as behind a load balancer: what one
// process decides about a client, the others honour. The classify budget is one
// budget across all three (not three times it), a token revoked through one
// process is refused by the others within the second the issue allows, a subscriber
// on the third sees a change made through the first within that second, and its
// WebSocket closes once its token is revoked through the first; a ticket filed through
// one process teaches the suggestions of the others within a second.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_CACHE_TTL_MS } from '../../src/auth/authentication.js';
import { TEST_DATABASE_URL } from '../ops/support/pg-database.js';
import { liveClient, type LiveClient } from '../support/live-client.js';
import { graphql, startCluster, type Cluster } from './support/cluster.js';

/** The bound for a revocation to reach every process, and for a change to reach every subscriber. */
const REVOCATION_BOUND_MS = 1_000;
const LIVE_BOUND_MS = 1_000;
/** The bound for a confirmed ticket to reach the next suggestion, on every process. */
const LEARNING_BOUND_MS = 1_000;
/** A live connection is rechecked once a second: its close follows a revocation by that and one statement. */
const LIVE_CLOSE_BOUND_MS = 2_000;

const ACTIVITY = 'subscription { ticketActivity { kind ticket { id title } } }';

interface Activity {
  ticketActivity: { kind: string; ticket: { id: string; title: string } };
}

const wsUrl = (server: { url: string }) => `${server.url.replace(/^http/, 'ws')}/graphql`;

/** Resolves with the first result `take` accepts within `ms`, or null; results before it are skipped. */
async function firstWithin<T>(next: () => Promise<T>, take: (result: T) => boolean, ms: number): Promise<T | null> {
  const deadline = sleep(ms).then(() => null);
  for (;;) {
    const result = await Promise.race([next(), deadline]);
    if (result === null || take(result)) return result;
  }
}
const CLASSIFY_LIMIT = 5;

describe.runIf(TEST_DATABASE_URL)('three server processes on one PostgreSQL', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(3, { CLASSIFY_RATE_LIMIT: String(CLASSIFY_LIMIT) });
  }, 120_000);
  afterAll(async () => cluster?.stop());

  it('holds the classify limit across all three: one budget, not three', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < CLASSIFY_LIMIT * 3; i += 1) {
      const server = cluster.servers[i % 3]!;
      const res = await fetch(`${server.url}/api/tickets/classify/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: cluster.authorization },
        body: JSON.stringify({ description: 'I was charged twice this month' }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(CLASSIFY_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(CLASSIFY_LIMIT * 2);
  });

  it('refuses a token revoked through one process on the others within one second', async () => {
    expect(CREDENTIAL_CACHE_TTL_MS).toBeLessThan(REVOCATION_BOUND_MS);
    const created = await graphql<{ createApiToken: { apiToken: { id: string }; token: string } }>(
      cluster.servers[0]!,
      cluster.authorization,
      'mutation { createApiToken(input: { name: "revoked soon", scopes: [TICKETS_READ] }) { apiToken { id } token userErrors { code } } }',
    );
    const { apiToken, token } = created.data!.createApiToken;
    const read = (server: { url: string }) =>
      fetch(`${server.url}/api/tickets/`, { headers: { authorization: `Token ${token}` } }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      });
    // Each process has just seen the token valid, so each holds it in its cache.
    expect(await Promise.all(cluster.servers.map(read))).toEqual([200, 200, 200]);

    const revoked = await graphql(
      cluster.servers[0]!,
      cluster.authorization,
      'mutation($id: ID!) { revokeApiToken(id: $id) { userErrors { code } } }',
      {
        id: apiToken.id,
      },
    );
    expect(revoked.data).toEqual({ revokeApiToken: { userErrors: [] } });
    expect(await read(cluster.servers[0]!)).toBe(401);

    await sleep(REVOCATION_BOUND_MS);
    expect(await Promise.all(cluster.servers.slice(1).map(read))).toEqual([401, 401]);
  });

  it('teaches a ticket filed through one process to the suggestions of the others within one second', async () => {
    // A fresh classify budget: the limit test above spent this client's.
    await cluster.pg.query('delete from rate_limit_buckets');
    const classify = async (server: { url: string }) => {
      const res = await graphql<{ classifyDescription: { category: string; reason: string } }>(
        server,
        cluster.authorization,
        'query($d: String!) { classifyDescription(description: $d) { category reason } }',
        { d: 'The Quorvex dashboard shows nothing since this morning' },
      );
      return res.data!.classifyDescription;
    };
    const filed = await graphql<{ createTicket: { userErrors: unknown[] } }>(
      cluster.servers[0]!,
      cluster.authorization,
      'mutation { createTicket(input: { title: "Quorvex", description: "Quorvex dashboard is empty", category: BILLING }) { userErrors { code } } }',
    );
    expect(filed.data!.createTicket.userErrors).toEqual([]);

    await sleep(LEARNING_BOUND_MS);
    for (const server of cluster.servers.slice(1)) {
      const suggestion = await classify(server);
      // The team's one ticket using the word is named as what drove the suggestion.
      expect(suggestion.reason).toContain('"quorvex" (1 ticket)');
    }
  });

  describe('live updates', () => {
    const clients: LiveClient[] = [];
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.dispose()));
    });

    const createThrough = async (server: { url: string }, title: string) => {
      const res = await graphql<{ createTicket: { ticket: { id: string } } }>(
        server,
        cluster.authorization,
        'mutation($title: String!) { createTicket(input: { title: $title, description: "Printer" }) { ticket { id } } }',
        { title },
      );
      return res.data!.createTicket.ticket.id;
    };

    it('shows a subscriber on the third process a change made through the first within one second', async () => {
      const client = liveClient(wsUrl(cluster.servers[2]!), { connectionParams: { authorization: cluster.authorization } });
      clients.push(client);
      const activity = client.subscribe<Activity>(ACTIVITY);
      // Until the subscription is set up on the third process, a change made meanwhile
      // may go unseen: write probes until one is seen. One read stays pending across
      // probes: a fresh read per probe would leave the earlier ones waiting, each taking
      // a later message, so that once behind the loop never caught up.
      const first = activity.next();
      for (let probe = 0; ; probe += 1) {
        await createThrough(cluster.servers[0]!, `Probe ${probe}`);
        if (await Promise.race([first.then(() => true), sleep(500).then(() => false)])) break;
      }
      // Probes seen after the first are skipped below (firstWithin takes only the watched change).

      const id = await createThrough(cluster.servers[0]!, 'Watched');
      const changed = await graphql(
        cluster.servers[0]!,
        cluster.authorization,
        'mutation($id: ID!) { updateTicket(id: $id, input: { title: "Changed through the first" }) { userErrors { code } } }',
        { id },
      );
      expect(changed.data).toEqual({ updateTicket: { userErrors: [] } });
      const seen = await firstWithin(
        () => activity.next(),
        (r) => r.data?.ticketActivity.ticket.id === id && r.data.ticketActivity.kind === 'CHANGED',
        LIVE_BOUND_MS,
      );
      expect(seen?.data?.ticketActivity.ticket).toEqual({ id, title: 'Changed through the first' });
    });

    it('closes a live connection on the third process once its token is revoked through the first', async () => {
      const created = await graphql<{ createApiToken: { apiToken: { id: string }; token: string } }>(
        cluster.servers[0]!,
        cluster.authorization,
        'mutation { createApiToken(input: { name: "live, revoked soon", scopes: [TICKETS_READ] }) { apiToken { id } token } }',
      );
      const { apiToken, token } = created.data!.createApiToken;
      const client = liveClient(wsUrl(cluster.servers[2]!), { connectionParams: { authorization: `Token ${token}` } });
      clients.push(client);
      await client.connected;
      await graphql(cluster.servers[0]!, cluster.authorization, 'mutation($id: ID!) { revokeApiToken(id: $id) { userErrors { code } } }', {
        id: apiToken.id,
      });
      const closed = await Promise.race([client.closed, sleep(LIVE_CLOSE_BOUND_MS).then(() => null)]);
      expect(closed?.code).toBe(4401);
    });
  });
});
