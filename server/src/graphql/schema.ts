// Builds the executable GraphQL schema from the code-first resolvers.
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ClassificationResolver } from '../classifier/classification.resolver.js';
import { TicketStatsResolver } from '../tickets/ticket-stats.resolver.js';
import { TicketConnectionResolver, TicketResolver } from '../tickets/ticket.resolver.js';

const RESOLVERS = [TicketResolver, TicketConnectionResolver, TicketStatsResolver, ClassificationResolver] as const;

export function buildGraphQLSchema(options: { emitSchemaFile?: string } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    // Input rules live in the service layer (shared with REST), not in class-validator.
    validate: false,
    emitSchemaFile: options.emitSchemaFile ? { path: options.emitSchemaFile, sortedSchema: true } : false,
  });
}
