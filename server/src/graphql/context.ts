// What every GraphQL resolver receives: the database, who is calling, and what the
// identity mutations need to set or clear the session cookies.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Authenticator } from '../auth/authentication.js';
import type { ActorLoaders } from '../auth/actor.loader.js';
import type { AuthSettings, WebhookSettings } from '../config.js';
import type { Db } from '../db/client.js';
import type { ClassifyDeps } from '../classifier/classification.service.js';
import type { TicketEntryLoaders } from '../tickets/ticket-entry.loader.js';

export interface GraphQLContext {
  db: Db;
  requestId: string;
  logger: FastifyBaseLogger;
  /** Who is calling, for per-client budgets (the client's IP address). */
  clientKey: string;
  classifier: ClassifyDeps;
  /** Who is calling, resolved once by the access control (auth/access-control.ts). */
  actor: Actor;
  identity: { authenticator: Authenticator; settings: AuthSettings };
  /** Batches the users and tokens named as authors, and tickets' history and notes, across one operation. */
  loaders: ActorLoaders & TicketEntryLoaders;
  /** How webhook URLs are checked (WEBHOOK_ALLOW_PRIVATE). */
  webhooks: WebhookSettings;
  /** For the sign-in mutations' cookies and the invitation link's origin. */
  request: FastifyRequest;
  reply: FastifyReply;
}
