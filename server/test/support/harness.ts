// Runs a suite once per test database against the real Fastify app, with helpers
// for real GraphQL operations and HTTP requests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Classifier } from '../../src/classifier/classifier.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase, type TestDatabaseTarget } from './databases.js';
import { createCaller } from './factories.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestContext {
  target: TestDatabaseTarget;
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  /** A GraphQL operation as the suite's caller (an admin's token, unless `caller: 'anonymous'`). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A GraphQL operation with exactly these headers (none: anonymous). */
  gqlWith<T = Record<string, any>>(
    headers: Record<string, string>,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** An HTTP request as the suite's caller; a request naming its own `authorization` or `cookie` header keeps it. */
  http(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** The suite caller's `Authorization` header value (null when anonymous). */
  authorization: string | null;
}

export interface HarnessOptions {
  /** Environment for the app's config; a function is read when the suite starts (e.g. a fake server's URL). */
  env?: Record<string, string> | (() => Record<string, string>);
  classify?: Classifier['classify'];
  /** Keep data between the tests of the suite instead of truncating before each. */
  keepData?: boolean;
  /** Where the app's log lines go (set LOG_LEVEL in env too); by default nowhere. */
  logStream?: { write(line: string): void };
  /**
   * Who `gql` and `http` are: an admin with an API token (every scope) by default;
   * 'anonymous' sends no credentials (with ANONYMOUS_ACCESS in env, the original
   * API's clients).
   */
  caller?: 'admin' | 'anonymous';
}

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ LOG_LEVEL: 'silent', ...env });
}

export function describeOnDatabases(title: string, body: (ctx: TestContext) => void, options: HarnessOptions = {}): void {
  describe.each(TEST_DATABASES)(`${title} [$name]`, (target) => {
    const ctx = { target } as TestContext;
    beforeAll(async () => {
      ctx.database = await createTestDatabase(target);
      ctx.db = ctx.database.db;
      ctx.app = await buildApp({
        config: testConfig(typeof options.env === 'function' ? options.env() : options.env),
        database: ctx.database,
        classify: options.classify,
        logStream: options.logStream,
      });
      ctx.authorization = options.caller === 'anonymous' ? null : (await createCaller(ctx.db, 'admin')).authorization;
      const credentials = (): Record<string, string> => (ctx.authorization === null ? {} : { authorization: ctx.authorization });
      ctx.http = (opts) => {
        const headers = (opts.headers ?? {}) as Record<string, string>;
        const own = 'authorization' in headers || 'cookie' in headers || opts.cookies !== undefined;
        return ctx.app.inject(own ? opts : { ...opts, headers: { ...credentials(), ...headers } });
      };
      ctx.gqlWith = async (headers, query, variables) => {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', ...headers },
          payload: { query, variables },
        });
        return { status: res.statusCode, ...(res.json() as object) };
      };
      ctx.gql = (query, variables) => ctx.gqlWith(credentials(), query, variables);
    });
    afterAll(async () => {
      await ctx.app?.close();
      await ctx.database?.destroy();
    });
    if (!options.keepData) beforeEach(async () => ctx.database.reset());
    body(ctx);
  });
}
