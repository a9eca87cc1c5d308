// Tickets changed so that they no longer match a list's filter (a ticket resolved in
// "Open") leave that list, and its total follows, in every list the cache holds: the
// cached pages are modified in place (cache.modify on Query.tickets, each list told
// apart by its key, apollo/tickets-list-key.ts), so the pages loaded so far stay
// loaded and nothing is asked again. A list whose filter the app cannot judge from
// the ticket's cached fields is evicted instead, and asked again when shown. The
// search is never affected: changes made from a list do not touch title or description.
import type { ApolloCache, Reference } from '@apollo/client';
import { parseTicketsListStoreFieldName } from '../../apollo/tickets-list-key.js';
import { graphql } from '../../gql/index.js';
import type { TicketFilter } from '../../gql/graphql.js';
import type { TicketChanges } from './ticket-conflict.js';

const TicketListDepartureFragment = graphql(`
  fragment TicketListDeparture_ticket on Ticket {
    id
    status
    priority
    category
    assignee {
      id
    }
  }
`);

interface Values {
  status: string;
  priority: string;
  category: string;
  assigneeId: string | null;
}

type ChangedField = keyof TicketChanges;

interface FilterRule<V> {
  /** The ticket fields whose change can make the ticket stop matching. */
  dependsOn: readonly ChangedField[];
  /** Whether the ticket matches; null: cannot be told from the list's fields (the list is asked again). */
  matches: ((ticket: Values, value: V, me: string | null) => boolean | null) | null;
}

const inList = (field: 'status' | 'priority' | 'category') => (ticket: Values, values: readonly string[]) =>
  values.length === 0 || values.includes(ticket[field]);

/**
 * How each field of the schema's `TicketFilter` judges a changed ticket. Every field
 * must have an entry: a filter added to the schema fails to typecheck here until the
 * app knows whether a change can move a ticket out of it.
 */
const FILTER_RULES: { [K in keyof TicketFilter]-?: FilterRule<NonNullable<TicketFilter[K]>> } = {
  statuses: { dependsOn: ['status'], matches: inList('status') },
  priorities: { dependsOn: ['priority'], matches: inList('priority') },
  categories: { dependsOn: ['category'], matches: inList('category') },
  assignee: {
    dependsOn: ['assigneeId'],
    matches: (ticket, { me: mine, none, userIds }, me) => {
      if (mine && me === null) return null;
      return (
        (mine === true && ticket.assigneeId === me) ||
        (none === true && ticket.assigneeId === null) ||
        (ticket.assigneeId !== null && (userIds ?? []).includes(ticket.assigneeId))
      );
    },
  },
  // When it was created, what was suggested and how sure the classifier was never change.
  createdAfter: { dependsOn: [], matches: null },
  createdBefore: { dependsOn: [], matches: null },
  suggestedCategories: { dependsOn: [], matches: null },
  suggestedPriorities: { dependsOn: [], matches: null },
  // Judged on what was saved at creation, which no later change moves.
  suggestionOutcomes: { dependsOn: [], matches: null },
  filedCategories: { dependsOn: [], matches: null },
  filedPriorities: { dependsOn: [], matches: null },
  suggestionConfidenceBands: { dependsOn: [], matches: null },
};

type Verdict = 'stays' | 'leaves' | 'unknown';

function judge(filter: TicketFilter | null, ticket: Values, changed: ReadonlySet<ChangedField>, me: string | null): Verdict {
  if (!filter) return 'stays';
  for (const field of Object.keys(FILTER_RULES) as (keyof TicketFilter)[]) {
    const value = filter[field];
    const rule = FILTER_RULES[field] as FilterRule<unknown>;
    if (value == null || !rule.dependsOn.some((f) => changed.has(f))) continue;
    const matches = rule.matches?.(ticket, value, me) ?? null;
    if (matches === null) return 'unknown';
    if (!matches) return 'leaves';
  }
  return 'stays';
}

interface TicketConnectionRef {
  edges: readonly { node: Reference }[];
  totalCount: number;
}

/**
 * Takes `ticketIds` out of every cached list whose filter they no longer match after
 * a change of `changed` fields (as the cache now holds them), one less in its total
 * for each. `me`: the signed-in user's id, for "My tickets".
 */
export function leaveListsNoLongerMatching(
  cache: ApolloCache,
  ticketIds: readonly string[],
  changed: readonly ChangedField[],
  me: string | null,
): void {
  const tickets = new Map<string, Values>();
  for (const id of ticketIds) {
    const data = cache.readFragment({ id: cache.identify({ __typename: 'Ticket', id }), fragment: TicketListDepartureFragment });
    if (data) {
      tickets.set(id, { status: data.status, priority: data.priority, category: data.category, assigneeId: data.assignee?.id ?? null });
    }
  }
  if (tickets.size === 0) return;
  const fields = new Set(changed);
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      tickets(existing, { storeFieldName, readField, DELETE }) {
        const key = parseTicketsListStoreFieldName(storeFieldName);
        const list = existing as TicketConnectionRef | undefined;
        if (!key || !list?.edges) return existing;
        const leaving = new Set<string>();
        for (const edge of list.edges) {
          const id = readField<string>('id', edge.node);
          const ticket = id === undefined ? undefined : tickets.get(id);
          if (!ticket) continue;
          const verdict = judge(key.filter, ticket, fields, me);
          if (verdict === 'unknown') return DELETE;
          if (verdict === 'leaves') leaving.add(id!);
        }
        if (leaving.size === 0) return existing;
        return {
          ...list,
          edges: list.edges.filter((edge) => !leaving.has(readField<string>('id', edge.node) ?? '')),
          totalCount: Math.max(0, list.totalCount - leaving.size),
        };
      },
    },
  });
}
