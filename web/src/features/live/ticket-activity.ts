// What a screen does with one piece of ticket activity from the subscription, as pure
// functions tested with tables: whose change it was, whether a list row is highlighted
// or a new ticket announced, whether a new ticket may belong to the list's filter,
// and how new history events and notes join a cached page of a ticket's lists.
import type { Reference } from '@apollo/client/cache';
import type { TicketActivityKind, TicketFilter } from '../../gql/graphql.js';

/** An event's actor as the subscription selects it: a user's id, or another kind of actor. */
interface ActivityEvent {
  actor: { __typename: string; id?: string } | null;
}

/** The agent's own change: every event of it was made by them as a person (not by a token, nor the system). */
export function isOwnActivity(events: readonly ActivityEvent[], me: string | null): boolean {
  return me !== null && events.length > 0 && events.every((event) => event.actor?.__typename === 'User' && event.actor.id === me);
}

export type ListEffect = 'highlight' | 'new' | 'none';

/**
 * What the tickets list does: a colleague's change of a row on screen is highlighted
 * (the row itself follows the cache); a ticket created elsewhere that may belong to the
 * list is announced, not inserted; the rest shows nothing.
 */
export function listEffect(activity: { kind: TicketActivityKind; own: boolean; listed: boolean; mayBelong: boolean }): ListEffect {
  switch (activity.kind) {
    case 'CREATED':
      return !activity.listed && activity.mayBelong ? 'new' : 'none';
    case 'CHANGED':
      return activity.listed && !activity.own ? 'highlight' : 'none';
    // A note shows nowhere in a row.
    case 'NOTE_ADDED':
      return 'none';
  }
}

/** What of a ticket the list's filters can be checked against without the server. */
export interface FilterableTicket {
  category: string;
  priority: string;
  status: string;
  createdAt: string;
  assignee: { id: string } | null;
}

type Check<K extends keyof TicketFilter> = (value: NonNullable<TicketFilter[K]>, ticket: FilterableTicket, me: string | null) => boolean;

const anyOf = (values: readonly string[], value: string) => values.length === 0 || values.includes(value);

/**
 * Whether a ticket may pass each field of the schema's `TicketFilter`. Every field has
 * an entry, so a new filter fails to compile until it is decided here. Fields that
 * depend on what only the server knows (how the suggestion fared) answer true: "may".
 */
const FILTER_CHECKS: { [K in keyof Required<TicketFilter>]: Check<K> } = {
  assignee: (value, ticket, me) => {
    const userIds = value.userIds ?? [];
    if (!value.me && !value.none && userIds.length === 0) return true;
    return (
      (value.me === true && me !== null && ticket.assignee?.id === me) ||
      (value.none === true && ticket.assignee === null) ||
      (ticket.assignee !== null && userIds.includes(ticket.assignee.id))
    );
  },
  categories: (value, ticket) => anyOf(value, ticket.category),
  priorities: (value, ticket) => anyOf(value, ticket.priority),
  statuses: (value, ticket) => anyOf(value, ticket.status),
  createdAfter: (value, ticket) => Date.parse(ticket.createdAt) >= Date.parse(value),
  createdBefore: (value, ticket) => Date.parse(ticket.createdAt) < Date.parse(value),
  suggestedCategories: () => true,
  suggestedPriorities: () => true,
  suggestionOutcomes: () => true,
  filedCategories: () => true,
  filedPriorities: () => true,
  suggestionConfidenceBands: () => true,
};

function check<K extends keyof TicketFilter>(filter: TicketFilter, field: K, ticket: FilterableTicket, me: string | null): boolean {
  const value = filter[field];
  return value == null || FILTER_CHECKS[field](value, ticket, me);
}

/**
 * False when the list's filter certainly leaves the ticket out; true when it may hold
 * it (a search is the server's to judge).
 */
export function mayBelong(ticket: FilterableTicket, filter: TicketFilter | null, me: string | null): boolean {
  if (!filter) return true;
  return (Object.keys(FILTER_CHECKS) as (keyof TicketFilter)[]).every((field) => check(filter, field, ticket, me));
}

/** A cached page of a ticket's history or notes, as the cache keeps it (nodes by reference). */
export interface CachedConnection {
  edges: readonly { __typename?: string; cursor: string; node: Reference }[];
  pageInfo: { hasNextPage: boolean };
}

/**
 * The connection with `nodes` added at its end (oldest first), those already in it left
 * out; unchanged when more pages follow on the server: the new ones come after those,
 * with "Show more". Their cursors are local (`live:`): only the last page's
 * `pageInfo.endCursor`, which stays the server's, is ever sent back.
 */
export function appendToConnection<C extends CachedConnection>(connection: C, nodes: readonly Reference[], edgeTypename: string): C {
  if (connection.pageInfo.hasNextPage) return connection;
  const present = new Set(connection.edges.map((edge) => edge.node.__ref));
  const added = nodes.filter((node, index) => !present.has(node.__ref) && nodes.findIndex((n) => n.__ref === node.__ref) === index);
  if (added.length === 0) return connection;
  return {
    ...connection,
    edges: [...connection.edges, ...added.map((node) => ({ __typename: edgeTypename, cursor: `live:${node.__ref}`, node }))],
  };
}
