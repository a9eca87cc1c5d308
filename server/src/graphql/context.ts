// What every GraphQL resolver receives: the database, who is calling, what the
// identity mutations need to set or clear the session cookies, and (on a WebSocket)
// the live feed subscriptions read.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Authenticator } from '../auth/authentication.js';
import type { ActorLoaders } from '../auth/actor.loader.js';
import type { AuthSettings, WebhookSettings } from '../config.js';
import type { Db } from '../db/client.js';
import type { ClassifyDeps } from '../classifier/classification.service.js';
import type { TicketEntryLoaders } from '../tickets/ticket-entry.loader.js';
import type { LiveSubscriptions } from '../live/ticket-activity.feed.js';

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
  /** For the sign-in mutations' cookies and the invitation link's origin; on a WebSocket, the upgrade request. */
  request: FastifyRequest;
  /** Null on a WebSocket, which carries subscriptions only (live/live.transport.ts): nothing there sets a cookie. */
  reply: FastifyReply | null;
  /** The connection's live feed (`ticketActivity`); over HTTP, one that refuses: subscriptions are served over WebSocket. */
  live: LiveSubscriptions;
}

/** The HTTP reply of a mutation that sets cookies: mutations are served over HTTP only, so there always is one. */
export function httpReply(ctx: GraphQLContext): FastifyReply {
  if (ctx.reply === null) throw new Error('a cookie-setting mutation ran without an HTTP reply');
  return ctx.reply;
}
