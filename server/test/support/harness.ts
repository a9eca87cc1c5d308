// Runs a suite once per test database against the real Fastify app, with helpers
// for real GraphQL operations and HTTP requests.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Classifier } from '../../src/classifier/classifier.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase, type TestDatabaseTarget } from './databases.js';

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
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  http(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface HarnessOptions {
  /** Environment for the app's config; a function is read when the suite starts (e.g. a fake server's URL). */
  env?: Record<string, string> | (() => Record<string, string>);
  classify?: Classifier['classify'];
  /** Keep data between the tests of the suite instead of truncating before each. */
  keepData?: boolean;
  /** Where the app's log lines go (set LOG_LEVEL in env too); by default nowhere. */
  logStream?: { write(line: string): void };
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
      ctx.http = (opts) => ctx.app.inject(opts);
      ctx.gql = async (query, variables) => {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: { query, variables },
        });
        return { status: res.statusCode, ...(res.json() as object) };
      };
    });
    afterAll(async () => {
      await ctx.app?.close();
      await ctx.database?.destroy();
    });
    if (!options.keepData) beforeEach(async () => ctx.database.reset());
    body(ctx);
  });
}
