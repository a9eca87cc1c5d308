// classifyDescription over GraphQL end to end: the real app, the real SDK, a fake
// Gemini server; plus the rate limit and suggestion acceptance in stats.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../support/fake-gemini.js';
import { describeOnDatabases } from '../support/harness.js';

const CLASSIFY = `query($d: String!) { classifyDescription(description: $d) { category priority source reason } }`;
const CLASSIFY_WITH_ID = `query($d: String!) { classifyDescription(description: $d) { category priority source suggestionId } }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id suggestion { accepted } } userErrors { field code } } }`;
const ACCEPTANCE = `{ stats { suggestionAcceptance { suggested accepted overridden acceptanceRate byCategory { category suggested accepted } } } }`;

let fake: FakeGemini;
beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

const geminiEnv = () => ({ GEMINI_API_KEY: 'k-test-123', GEMINI_BASE_URL: fake.baseUrl, GEMINI_TIMEOUT_MS: '1000' });

describeOnDatabases(
  'classifyDescription over GraphQL',
  (ctx) => {
    it('answers with Gemini when it gives a valid answer', async () => {
      fake.script({ kind: 'text', text: '{"category":"billing","priority":"high","reason":"Duplicate charge"}' });
      const res = await ctx.gql(CLASSIFY, { d: 'I was charged twice for my subscription.' });
      expect(res.data!.classifyDescription).toEqual({
        category: 'BILLING',
        priority: 'HIGH',
        source: 'GEMINI',
        reason: 'Duplicate charge',
      });
      expect(fake.requests).toHaveLength(1);
    });

    it('falls back to the offline classifier when Gemini fails, without an error', async () => {
      fake.script({ kind: 'status', status: 503 });
      const res = await ctx.gql(CLASSIFY, { d: 'I forgot my password and I am locked out of my account' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.classifyDescription).toMatchObject({ category: 'ACCOUNT', source: 'LOCAL' });
    });

    it.each([
      ['', 'BLANK'],
      ['   ', 'BLANK'],
      ['x'.repeat(20_001), 'TOO_LONG'],
    ])('refuses description %# before calling Gemini', async (d, issue) => {
      const res = await ctx.gql(CLASSIFY, { d });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description', issues: [{ code: issue }] });
      expect(fake.requests).toHaveLength(0);
    });

    it('records acceptance of the suggestions in stats, overall and per category', async () => {
      fake.script({ kind: 'text', text: '{"category":"billing","priority":"high"}' });
      // One classify per ticket: each answer's id backs one ticket.
      const first = (await ctx.gql(CLASSIFY_WITH_ID, { d: 'Charged twice this month' })).data!.classifyDescription;
      const kept = await ctx.gql(CREATE, {
        input: {
          title: 'a',
          description: 'Charged twice this month',
          category: first.category,
          priority: first.priority,
          suggestionId: first.suggestionId,
        },
      });
      expect(kept.data!.createTicket.ticket.suggestion).toEqual({ accepted: true });
      const second = (await ctx.gql(CLASSIFY_WITH_ID, { d: 'Charged twice this month' })).data!.classifyDescription;
      const changed = await ctx.gql(CREATE, {
        input: {
          title: 'b',
          description: 'Charged twice this month',
          category: 'BILLING',
          priority: 'LOW',
          suggestionId: second.suggestionId,
        },
      });
      expect(changed.data!.createTicket.ticket.suggestion).toEqual({ accepted: false });
      await ctx.gql(CREATE, { input: { title: 'c', description: 'no suggestion shown' } });

      const stats = (await ctx.gql(ACCEPTANCE)).data!.stats.suggestionAcceptance;
      expect(stats).toMatchObject({ suggested: 2, accepted: 1, overridden: 1, acceptanceRate: 0.5 });
      expect(stats.byCategory.find((c: { category: string }) => c.category === 'BILLING')).toEqual({
        category: 'BILLING',
        suggested: 2,
        accepted: 1,
      });
    });
  },
  { env: geminiEnv },
);

describeOnDatabases(
  'classifyDescription rate limit',
  (ctx) => {
    const classifyFrom = (ip: string) =>
      ctx.http({
        method: 'POST',
        url: '/graphql',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json' },
        payload: { query: CLASSIFY, variables: { d: 'The app crashes on start' } },
      });

    it('allows the configured calls per client, then answers 429 with Retry-After', async () => {
      for (let i = 0; i < 3; i += 1) expect((await classifyFrom('10.0.0.1')).statusCode).toBe(200);
      const limited = await classifyFrom('10.0.0.1');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.json().errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      expect((await classifyFrom('10.0.0.2')).statusCode).toBe(200);
    });

    it('does not charge invalid requests or other operations', async () => {
      const other = await ctx.http({
        method: 'POST',
        url: '/graphql',
        remoteAddress: '10.0.0.3',
        headers: { 'content-type': 'application/json' },
        payload: { query: '{ stats { totalTickets } }' },
      });
      expect(other.statusCode).toBe(200);
      for (let i = 0; i < 5; i += 1) {
        await ctx.http({
          method: 'POST',
          url: '/graphql',
          remoteAddress: '10.0.0.3',
          headers: { 'content-type': 'application/json' },
          payload: { query: CLASSIFY, variables: { d: ' ' } },
        });
      }
      expect((await classifyFrom('10.0.0.3')).statusCode).toBe(200);
    });
  },
  { env: { CLASSIFY_RATE_LIMIT: '3' }, keepData: true },
);
