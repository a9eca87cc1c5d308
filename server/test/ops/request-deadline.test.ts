// The request deadline (REQUEST_TIMEOUT_MS) on every test database: a request whose
// work never ends is answered 503 when the deadline passes, DRF-shaped on REST and
// with SERVICE_UNAVAILABLE on GraphQL, instead of hanging with its client.
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

// A classifier that never answers stands for any handler stuck on a dependency.
const never = () => new Promise<never>(() => {});

describeOnDatabases(
  'a request past REQUEST_TIMEOUT_MS',
  (ctx) => {
    it('gets 503 with a DRF detail on REST', async () => {
      const res = await ctx.http({ method: 'POST', url: '/api/tickets/classify/', payload: { description: 'The printer is on fire' } });
      expect(res.statusCode).toBe(503);
      expect(Object.keys(res.json())).toEqual(['detail']);
    });

    it('gets 503 with SERVICE_UNAVAILABLE on GraphQL', async () => {
      const res = await ctx.gql('{ classifyDescription(description: "The printer is on fire") { category } }');
      expect(res.status).toBe(503);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    });
  },
  { env: { REQUEST_TIMEOUT_MS: '500', GEMINI_TIMEOUT_MS: '100' }, classify: never },
);
