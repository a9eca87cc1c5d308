// Three server processes on one PostgreSQL, as behind a load balancer: what one
// process decides about a client, the others honour. The classify budget is one
// budget across all three (not three times it), and a token revoked through one
// process is refused by the others within the second the issue allows.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_CACHE_TTL_MS } from '../../src/auth/authentication.js';
import { TEST_DATABASE_URL } from '../ops/support/pg-database.js';
import { graphql, startCluster, type Cluster } from './support/cluster.js';

/** The bound for a revocation to reach every process. */
const REVOCATION_BOUND_MS = 1_000;
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
});
