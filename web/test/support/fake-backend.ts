// A test backend that executes operations against the real contract (schema.graphql)
// with in-memory resolvers, so component tests catch documents the server would
// reject. Each resolver can be replaced per test to script refusals and delays. The
// client is the app's own (createApolloClient) with the schema in place of HTTP, so
// what the app does with the server's answers (a session ending) happens in tests too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloLink, type ApolloClient } from '@apollo/client';
import { SchemaLink } from '@apollo/client/link/schema';
import { buildSchema, execute, GraphQLError, OperationTypeNode, type GraphQLSchema } from 'graphql';
import { Observable, type Subscriber } from 'rxjs';
import { createApolloClient } from '../../src/apollo/client.js';
import type {
  AcceptInvitationInput,
  AddTicketNoteInput,
  AddTicketNoteMutation,
  BulkUpdateTicketsInput,
  BulkUpdateTicketsMutation,
  ApiTokenScope,
  ChangePasswordInput,
  ClassifyDescriptionQuery,
  CompleteSetupInput,
  CreateApiTokenInput,
  CreateSavedViewInput,
  CreateSavedViewMutation,
  DeleteSavedViewMutation,
  RenameSavedViewMutation,
  SavedViewsQuery,
  CreateTicketInput,
  CreateTicketMutation,
  CreateUserInput,
  DashboardPageQuery,
  InviteUserInput,
  SignInInput,
  TicketDetails_TicketFragment,
  TicketEventItem_EventFragment,
  UpdateMeInput,
  UpdateTicketInput,
  UpdateTicketMutation,
  UpdateUserInput,
  UserErrorCode,
  UserRole,
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  TicketActivityKind,
  TicketEventField,
  WebhookDeliveryItem_DeliveryFragment,
  WebhookEndpointItem_EndpointFragment,
} from '../../src/gql/graphql.js';

export interface User {
  __typename: 'User';
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  invitationPending: boolean;
  createdAt: string;
}
export interface ApiToken {
  __typename: 'ApiToken';
  id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner: User;
}
export type Actor = User | ApiToken;
export interface UserError {
  field: string | null;
  message: string;
  code: UserErrorCode;
}
export interface SignInPayload {
  user: User | null;
  userErrors: UserError[];
}
export type UserPayload = SignInPayload;
export interface InviteUserPayload extends UserPayload {
  invitationUrl: string | null;
}
export interface CreateApiTokenPayload {
  apiToken: ApiToken | null;
  token: string | null;
  userErrors: UserError[];
}
export interface ApiTokenPayload {
  apiToken: ApiToken | null;
  userErrors: UserError[];
}

// Shapes of what the fake resolvers return, taken from the generated operation types.
export type TicketEvent = Omit<TicketEventItem_EventFragment, ' $fragmentName' | 'actor'> & { actor: Actor | null };
export interface TicketNote {
  __typename: 'TicketNote';
  id: string;
  body: string;
  createdAt: string;
  author: Actor | null;
}
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null };
}
export type TicketEventConnection = Connection<TicketEvent>;
export type AddTicketNotePayload = AddTicketNoteMutation['addTicketNote'];
export type BulkUpdateTicketsPayload = BulkUpdateTicketsMutation['bulkUpdateTickets'];
type PageArgs = { first?: number | null; after?: string | null };
export type Ticket = Omit<TicketDetails_TicketFragment, ' $fragmentName' | 'createdBy' | 'updatedBy'> & {
  createdBy: Actor | null;
  updatedBy: Actor | null;
  assignee: User | null;
  /** Resolved by graphql-js as the field `history` (called with its arguments when a function). */
  history?: (args: PageArgs) => TicketEventConnection;
  /** `Ticket.excerpt(around:, length:)`; by default the description's start. */
  excerpt?: (args: { around?: string | null; length: number }) => string;
  notes?: (args: PageArgs) => Connection<TicketNote>;
};
export type WebhookEndpoint = Omit<WebhookEndpointItem_EndpointFragment, ' $fragmentName'>;
export type WebhookDelivery = Omit<WebhookDeliveryItem_DeliveryFragment, ' $fragmentName'>;
export interface WebhookDeliveryConnection {
  nodes: WebhookDelivery[];
  endCursor: string | null;
  hasNextPage: boolean;
}
export interface CreateWebhookEndpointPayload {
  endpoint: WebhookEndpoint | null;
  secret: string | null;
  userErrors: UserError[];
}
export interface WebhookEndpointPayload {
  endpoint: WebhookEndpoint | null;
  userErrors: UserError[];
}
export interface WebhookDeliveryPayload {
  delivery: WebhookDelivery | null;
  userErrors: UserError[];
}
/** What the server sends a subscriber of `ticketActivity` when a ticket's change commits. */
export interface TicketActivity {
  kind: TicketActivityKind;
  ticket: Ticket;
  changedFields: TicketEventField[];
  events: TicketEvent[];
  note: TicketNote | null;
}
export type Classification = ClassifyDescriptionQuery['classifyDescription'];
export interface SimilarTicket {
  similarity: number;
  ticket: Ticket & { assignee?: User | null };
}
// The ticket as the fake resolves it (its excerpt a function of the arguments).
export type CreateTicketPayload = Omit<CreateTicketMutation['createTicket'], 'ticket'> & { ticket: Ticket | null };
export type UpdateTicketPayload = UpdateTicketMutation['updateTicket'];
export type TicketStats = DashboardPageQuery['stats'];
export type SavedView = SavedViewsQuery['savedViews'][number];
export type SavedViewPayload = CreateSavedViewMutation['createSavedView'];
export type RenameSavedViewPayload = RenameSavedViewMutation['updateSavedView'];
export type DeleteSavedViewPayload = DeleteSavedViewMutation['deleteSavedView'];
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
  tickets(args: { first?: number | null; after?: string | null; search?: string | null }): Maybe<TicketConnection>;
  ticket(args: { id: string }): Maybe<Ticket | null>;
  stats(): Maybe<TicketStats>;
  classifyDescription(args: { description: string }): Maybe<Classification>;
  similarTickets(args: { text: string; first: number }): Maybe<SimilarTicket[]>;
  createTicket(args: { input: CreateTicketInput }): Maybe<CreateTicketPayload>;
  updateTicket(args: { id: string; input: UpdateTicketInput }): Maybe<UpdateTicketPayload>;
  addTicketNote(args: { ticketId: string; input: AddTicketNoteInput }): Maybe<AddTicketNotePayload>;
  bulkUpdateTickets(args: { ids: string[]; input: BulkUpdateTicketsInput }): Maybe<BulkUpdateTicketsPayload>;
  me(): Maybe<User | null>;
  authStatus(): Maybe<{ setupRequired: boolean }>;
  users(): Maybe<User[]>;
  assignableUsers(): Maybe<User[]>;
  apiTokens(args: { includeRevoked: boolean | null }): Maybe<ApiToken[]>;
  signIn(args: { input: SignInInput }): Maybe<SignInPayload>;
  signOut(): Maybe<{ signedOut: boolean }>;
  completeSetup(args: { input: CompleteSetupInput }): Maybe<SignInPayload>;
  acceptInvitation(args: { input: AcceptInvitationInput }): Maybe<SignInPayload>;
  updateMe(args: { input: UpdateMeInput }): Maybe<UserPayload>;
  changePassword(args: { input: ChangePasswordInput }): Maybe<UserPayload>;
  createUser(args: { input: CreateUserInput }): Maybe<UserPayload>;
  inviteUser(args: { input: InviteUserInput }): Maybe<InviteUserPayload>;
  updateUser(args: { id: string; input: UpdateUserInput }): Maybe<UserPayload>;
  createApiToken(args: { input: CreateApiTokenInput }): Maybe<CreateApiTokenPayload>;
  revokeApiToken(args: { id: string }): Maybe<ApiTokenPayload>;
  webhookEndpoints(): Maybe<WebhookEndpoint[]>;
  webhookDeliveries(args: { endpointId: string; first?: number | null; after?: string | null }): Maybe<WebhookDeliveryConnection>;
  createWebhookEndpoint(args: { input: CreateWebhookEndpointInput }): Maybe<CreateWebhookEndpointPayload>;
  updateWebhookEndpoint(args: { id: string; input: UpdateWebhookEndpointInput }): Maybe<WebhookEndpointPayload>;
  deleteWebhookEndpoint(args: { id: string }): Maybe<{ deletedId: string | null; userErrors: UserError[] }>;
  redeliverWebhook(args: { deliveryId: string }): Maybe<WebhookDeliveryPayload>;
  savedViews(): Maybe<SavedView[]>;
  createSavedView(args: { input: CreateSavedViewInput }): Maybe<SavedViewPayload>;
  updateSavedView(args: { id: string; input: { name?: string | null } }): Maybe<RenameSavedViewPayload>;
  deleteSavedView(args: { id: string }): Maybe<DeleteSavedViewPayload>;
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
    version: 1,
    assignee: null,
    createdBy: null,
    updatedBy: null,
    suggestion: null,
    history: historyOf([]),
    notes: historyOf([]),
    ...overrides,
    excerpt: overrides.excerpt ?? (({ length }) => (overrides.description ?? 'The password reset email never arrives.').slice(0, length)),
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    __typename: 'User',
    id: '1',
    email: 'alex@example.com',
    displayName: 'Alex Agent',
    role: 'AGENT',
    active: true,
    invitationPending: false,
    createdAt: new Date('2026-01-01T09:00:00Z').toISOString(),
    ...overrides,
  };
}

export function makeApiToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    __typename: 'ApiToken',
    id: '1',
    name: 'CRM sync',
    prefix: 'st_4f9a',
    scopes: ['TICKETS_READ'],
    createdAt: new Date('2026-01-01T09:00:00Z').toISOString(),
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    owner: makeUser({ id: '9', displayName: 'Ada Admin', role: 'ADMIN' }),
    ...overrides,
  };
}

export function makeWebhookEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  const at = new Date('2026-01-01T09:00:00Z').toISOString();
  return {
    __typename: 'WebhookEndpoint',
    id: '1',
    url: 'https://crm.example.com/hooks/tickets',
    events: ['TICKET_CREATED', 'TICKET_CHANGED', 'NOTE_ADDED'],
    active: true,
    disabledAt: null,
    failingSince: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function makeWebhookDelivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  const at = new Date('2026-01-02T10:00:00Z').toISOString();
  return {
    __typename: 'WebhookDelivery',
    id: '1',
    eventId: '1',
    eventType: 'TICKET_CHANGED',
    ticketId: '1',
    status: 'DELIVERED',
    attemptCount: 1,
    createdAt: at,
    lastAttemptAt: at,
    lastStatusCode: 200,
    nextAttemptAt: at,
    deliveredAt: at,
    attempts: [{ __typename: 'WebhookAttempt', id: '1', startedAt: at, finishedAt: at, statusCode: 200, error: null }],
    ...overrides,
  };
}

/** A saved view as the server lists it: no filter, newest first, unless overridden. */
export function makeSavedView(overrides: Partial<SavedView> = {}): SavedView {
  return {
    __typename: 'SavedView',
    id: '1',
    name: 'My view',
    search: null,
    orderBy: 'NEWEST_FIRST',
    ...overrides,
    filter: {
      __typename: 'SavedViewFilter',
      categories: null,
      priorities: null,
      statuses: null,
      createdAfter: null,
      createdBefore: null,
      suggestedCategories: null,
      suggestedPriorities: null,
      suggestionOutcomes: null,
      filedCategories: null,
      filedPriorities: null,
      suggestionConfidenceBands: null,
      assignee: null,
      ...overrides.filter,
    },
  };
}

/** The resolvers of a session: `user` signed in (null: nobody), the first administrator existing. */
export function sessionOf(user: User | null): Pick<FakeResolvers, 'me' | 'authStatus'> {
  return { me: () => user, authStatus: () => ({ setupRequired: false }) };
}

/** A top-level GraphQL error as the server reports it (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED…), to throw from a resolver. */
export function topLevelError(code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`refused: ${code}`, { extensions: { code, ...extensions } });
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

export function makeEvent(overrides: Partial<TicketEvent> = {}): TicketEvent {
  return {
    __typename: 'TicketEvent',
    id: '1',
    kind: 'CREATED',
    at: new Date('2026-01-02T10:00:00Z').toISOString(),
    field: null,
    from: null,
    to: null,
    actor: null,
    suggestion: null,
    note: null,
    assignee: null,
    previousAssignee: null,
    ...overrides,
  };
}

export function makeNote(overrides: Partial<TicketNote> = {}): TicketNote {
  return {
    __typename: 'TicketNote',
    id: '1',
    body: 'Called the customer back.',
    createdAt: new Date('2026-01-02T11:00:00Z').toISOString(),
    author: null,
    ...overrides,
  };
}

/** The `history` or `notes` of a fake ticket: `events` paged by `first`/`after` as the server does (cursors are ids). */
export function historyOf<T extends { id: string }>(events: T[]): (args: PageArgs) => Connection<T> {
  return ({ first, after }) => {
    const start = after ? events.findIndex((e) => e.id === after) + 1 : 0;
    const page = events.slice(start, start + (first ?? 25));
    return {
      edges: page.map((node) => ({ cursor: node.id, node })),
      nodes: page,
      pageInfo: {
        endCursor: page.at(-1)?.id ?? null,
        hasNextPage: start + page.length < events.length,
        hasPreviousPage: start > 0,
        startCursor: page[0]?.id ?? null,
      },
    };
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
  /**
   * Sends `activity` to the app's open `ticketActivity` subscriptions, as the server
   * does when a change commits (those for one ticket only get that ticket's), each
   * answer shaped by executing the app's own subscription document on the contract.
   */
  pushActivity(activity: TicketActivity): Promise<void>;
  /** The app's open subscriptions, by operation name. */
  subscriptions(): string[];
}

export function createFakeBackend(resolvers: Partial<FakeResolvers>): FakeBackend {
  const all: FakeResolvers = {
    tickets: () => unexpected('tickets'),
    ticket: () => unexpected('ticket'),
    stats: () => unexpected('stats'),
    classifyDescription: () => unexpected('classifyDescription'),
    similarTickets: () => unexpected('similarTickets'),
    createTicket: () => unexpected('createTicket'),
    updateTicket: () => unexpected('updateTicket'),
    addTicketNote: () => unexpected('addTicketNote'),
    bulkUpdateTickets: () => unexpected('bulkUpdateTickets'),
    me: () => unexpected('me'),
    authStatus: () => unexpected('authStatus'),
    users: () => unexpected('users'),
    assignableUsers: () => [],
    apiTokens: () => unexpected('apiTokens'),
    signIn: () => unexpected('signIn'),
    signOut: () => unexpected('signOut'),
    completeSetup: () => unexpected('completeSetup'),
    acceptInvitation: () => unexpected('acceptInvitation'),
    updateMe: () => unexpected('updateMe'),
    changePassword: () => unexpected('changePassword'),
    createUser: () => unexpected('createUser'),
    inviteUser: () => unexpected('inviteUser'),
    updateUser: () => unexpected('updateUser'),
    createApiToken: () => unexpected('createApiToken'),
    revokeApiToken: () => unexpected('revokeApiToken'),
    // The administrators' navigation asks for these on every screen (its webhook badge).
    webhookEndpoints: () => [],
    webhookDeliveries: () => unexpected('webhookDeliveries'),
    createWebhookEndpoint: () => unexpected('createWebhookEndpoint'),
    updateWebhookEndpoint: () => unexpected('updateWebhookEndpoint'),
    deleteWebhookEndpoint: () => unexpected('deleteWebhookEndpoint'),
    redeliverWebhook: () => unexpected('redeliverWebhook'),
    // The navigation lists them on every signed-in screen: none, unless a test says.
    savedViews: () => [],
    createSavedView: () => unexpected('createSavedView'),
    updateSavedView: () => unexpected('updateSavedView'),
    deleteSavedView: () => unexpected('deleteSavedView'),
    ...resolvers,
  };
  const calls: FakeBackend['calls'] = [];
  const subscribers = new Set<{ operation: ApolloLink.Operation; observer: Subscriber<ApolloLink.Result> }>();
  const subscriptionLink = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        calls.push({ operation: operation.operationName ?? '', variables: operation.variables });
        const subscriber = { operation, observer };
        subscribers.add(subscriber);
        return () => subscribers.delete(subscriber);
      }),
  );
  async function pushActivity(activity: TicketActivity): Promise<void> {
    for (const { operation, observer } of [...subscribers]) {
      const ticketId = operation.variables.ticketId;
      if (typeof ticketId === 'string' && ticketId !== activity.ticket.id) continue;
      const result = await execute({
        schema: contractSchema(),
        document: operation.query,
        rootValue: { ticketActivity: () => activity },
        variableValues: operation.variables,
      });
      observer.next(result as ApolloLink.Result);
    }
  }
  const schemaLink = new SchemaLink({
    schema: contractSchema(),
    rootValue: all,
    context: (operation) => {
      calls.push({ operation: operation.operationName ?? '', variables: operation.variables });
      return {};
    },
    validate: true,
  });
  const link = ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, subscriptionLink, schemaLink);
  const client = createApolloClient({ link });
  return {
    client,
    resolvers: all,
    calls,
    pushActivity,
    subscriptions: () => [...subscribers].map(({ operation }) => operation.operationName ?? ''),
  };
}
