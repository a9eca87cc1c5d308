// Automatic Persisted Queries are off (nothing of ours sends them): a request that
// carries a persistedQuery extension, however malformed, is a client's mistake
// answered with a client code, never an internal error logged with a stack.
import { beforeEach, expect, it } from 'vitest';
import { describeOnDatabases } from '../support/harness.js';

type LogLine = Record<string, any>;
const lines: LogLine[] = [];
const logStream = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };
// pino's level numbers.
const WARN = 40;

describeOnDatabases(
  'GraphQL persisted-query requests',
  (ctx) => {
    beforeEach(() => {
      lines.length = 0;
    });

    it.each([
      [
        'a hash that does not match the query',
        {
          method: 'POST' as const,
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: {
            query: '{ __typename }',
            extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5a5be1bd16' } },
          },
        },
      ],
      [
        'a persistedQuery that is not an object, by GET',
        {
          method: 'GET' as const,
          url: `/graphql?query=${encodeURIComponent('{ __typename }')}&extensions=${encodeURIComponent('{"persistedQuery":1}')}`,
          headers: { 'apollo-require-preflight': 'true' },
        },
      ],
      [
        'a hash alone',
        {
          method: 'POST' as const,
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } },
        },
      ],
    ])('refuses %s with a client code, logged below warning', async (_name, request) => {
      const res = await ctx.http(request);
      // The persisted-query protocol's status: an APQ client falls back to sending the query.
      expect(res.statusCode).toBe(200);
      const body = res.json<{ data?: unknown; errors: { extensions: { code: string } }[] }>();
      expect(body.data).toBeUndefined();
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
      expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
      expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({ res: { statusCode: 200 } });
    });
  },
  { env: { LOG_LEVEL: 'info' }, logStream },
);
