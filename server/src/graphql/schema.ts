// Builds the executable GraphQL schema from the code-first resolvers.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { assertEveryRootFieldDeclaresAccess, authChecker } from '../auth/access.decorator.js';
import { ApiTokenResolver } from '../auth/api-token.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { UserResolver } from '../auth/user.resolver.js';
import { ClassificationResolver } from '../classifier/classification.resolver.js';
import { TicketAssigneeResolver, TicketEventAssigneeResolver } from '../tickets/ticket-assignee.resolver.js';
import { SimilarTicketsResolver } from '../classifier/similar-tickets.resolver.js';
import { TriageResolver } from '../classifier/triage.resolver.js';
import { TicketAuthorResolver } from '../tickets/ticket-author.resolver.js';
import { TicketBulkResolver } from '../tickets/ticket-bulk.resolver.js';
import { TicketExcerptResolver } from '../tickets/ticket-excerpt.resolver.js';
import { TicketEventActorResolver, TicketHistoryResolver } from '../tickets/ticket-history.resolver.js';
import { TicketNoteAuthorResolver, TicketNotesResolver } from '../tickets/ticket-note.resolver.js';
import { TicketStatsResolver } from '../tickets/ticket-stats.resolver.js';
import { TicketConnectionResolver, TicketResolver } from '../tickets/ticket.resolver.js';
import { TicketActivityResolver } from '../live/ticket-activity.resolver.js';
import { SavedViewResolver } from '../views/saved-view.resolver.js';
import { WebhookResolver } from '../webhooks/webhook.resolver.js';

const RESOLVERS = [
  TicketResolver,
  TicketConnectionResolver,
  TicketBulkResolver,
  TicketAuthorResolver,
  TicketExcerptResolver,
  TicketHistoryResolver,
  TicketEventActorResolver,
  TicketAssigneeResolver,
  TicketEventAssigneeResolver,
  TicketNotesResolver,
  TicketNoteAuthorResolver,
  TicketStatsResolver,
  ClassificationResolver,
  TriageResolver,
  SimilarTicketsResolver,
  AuthResolver,
  UserResolver,
  ApiTokenResolver,
  WebhookResolver,
  TicketActivityResolver,
  SavedViewResolver,
] as const;

// type-graphql wants a PubSub once any subscription exists, even though ours brings
// its own `subscribe` (live/ticket-activity.resolver.ts) and publishes nothing here.
const NO_PUBSUB = {
  publish() {
    throw new Error('subscriptions publish through the live feed (live/), not type-graphql');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('subscriptions subscribe through their own `subscribe` (live/), not type-graphql');
  },
};

export async function buildGraphQLSchema(options: { emitSchemaFile?: string } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Each root field's @Access, checked before its resolver runs.
    authChecker,
    pubSub: NO_PUBSUB,
    // Input rules live in the service layer (shared with REST), not in class-validator.
    validate: false,
    emitSchemaFile: options.emitSchemaFile ? { path: options.emitSchemaFile, sortedSchema: true } : false,
  });
  assertEveryRootFieldDeclaresAccess(schema);
  return schema;
}
