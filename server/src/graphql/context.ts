// What every GraphQL resolver receives: the database and the request's identity.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import type { ClassifyDeps } from '../classifier/classification.service.js';

export interface GraphQLContext {
  db: Db;
  requestId: string;
  logger: FastifyBaseLogger;
  /** Who is calling, for per-client budgets (the client's IP address). */
  clientKey: string;
  classifier: ClassifyDeps;
}
