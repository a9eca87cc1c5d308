// A test backend that executes operations against the real contract (schema.graphql)
// with in-memory resolvers, so component tests catch documents the server would
// reject. Each resolver can be replaced per test to script refusals and delays.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloClient } from '@apollo/client';
import { SchemaLink } from '@apollo/client/link/schema';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { createCache } from '../../src/apollo/client.js';
import type {
  ClassifyDescriptionQuery,
  CreateTicketInput,
  CreateTicketMutation,
  DashboardPageQuery,
  TicketDetails_TicketFragment,
  UpdateTicketInput,
  UpdateTicketMutation,
} from '../../src/gql/graphql.js';

// Shapes of what the fake resolvers return, taken from the generated operation types.
export type Ticket = Omit<TicketDetails_TicketFragment, ' $fragmentName'>;
export type Classification = ClassifyDescriptionQuery['classifyDescription'];
export type CreateTicketPayload = CreateTicketMutation['createTicket'];
export type UpdateTicketPayload = UpdateTicketMutation['updateTicket'];
export type TicketStats = DashboardPageQuery['stats'];
export interface TicketConnection {
  edges: { cursor: string; node: Ticket }[];
  nodes: Ticket[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null };
  totalCount: number;
  totalCountIsExact: boolean;
}

// jsdom replaces import.meta.url's scheme, so the path is built from the test's directory.
const schemaPath = resolve(import.meta.dirname, '../../../schema.graphql');
let schema: GraphQLSchema | undefined;

export function contractSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(schemaPath, 'utf8'));
  return schema;
}

type Maybe<T> = T | Promise<T>;

export interface FakeResolvers {
  tickets(args: { first?: number | null; after?: string | null }): Maybe<TicketConnection>;
  ticket(args: { id: string }): Maybe<Ticket | null>;
  stats(): Maybe<TicketStats>;
  classifyDescription(args: { description: string }): Maybe<Classification>;
  createTicket(args: { input: CreateTicketInput }): Maybe<CreateTicketPayload>;
  updateTicket(args: { id: string; input: UpdateTicketInput }): Maybe<UpdateTicketPayload>;
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const now = new Date('2026-01-02T10:00:00Z').toISOString();
  return {
    __typename: 'Ticket',
    id: '1',
    title: 'Cannot log in',
    description: 'The password reset email never arrives.',
    category: 'ACCOUNT',
    priority: 'HIGH',
    status: 'OPEN',
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    suggestion: null,
    ...overrides,
  };
}

export function connectionOf(tickets: Ticket[]): TicketConnection {
  return {
    edges: tickets.map((node) => ({ cursor: `c${node.id}`, node })),
    nodes: tickets,
    pageInfo: {
      endCursor: tickets.at(-1) ? `c${tickets.at(-1)!.id}` : null,
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
    },
    totalCount: tickets.length,
    totalCountIsExact: true,
  };
}

function unexpected(name: string): never {
  throw new Error(`the test did not expect ${name} to be called`);
}

export interface FakeBackend {
  client: ApolloClient;
  resolvers: FakeResolvers;
  /** Every operation executed, in order, with its variables. */
  calls: { operation: string; variables: Record<string, unknown> }[];
}

export function createFakeBackend(resolvers: Partial<FakeResolvers>): FakeBackend {
  const all: FakeResolvers = {
    tickets: () => unexpected('tickets'),
    ticket: () => unexpected('ticket'),
    stats: () => unexpected('stats'),
    classifyDescription: () => unexpected('classifyDescription'),
    createTicket: () => unexpected('createTicket'),
    updateTicket: () => unexpected('updateTicket'),
    ...resolvers,
  };
  const calls: FakeBackend['calls'] = [];
  const link = new SchemaLink({
    schema: contractSchema(),
    rootValue: all,
    context: (operation) => {
      calls.push({ operation: operation.operationName ?? '', variables: operation.variables });
      return {};
    },
    validate: true,
  });
  const client = new ApolloClient({ cache: createCache(), link, dataMasking: true });
  return { client, resolvers: all, calls };
}
