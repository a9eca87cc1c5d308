// The benchmark's cases: one HTTP request shape per case (REST and GraphQL), and the
// service calls whose SQL the raw baseline replays (the same calls the adapters make,
// as the same caller: the benchmark's token).
import { createTicketGenerator, RARE_PHRASE } from '../../server/src/scripts/seed.generator.js';
import {
  createTicket,
  getActiveByAssignee,
  getTicket,
  getTicketStats,
  getTicketsPerDay,
  updateTicket,
  type TicketRow,
} from '../../server/src/tickets/ticket.service.js';
import { toRestCreatedTicket, toRestTickets } from '../../server/src/rest/ticket.serializer.js';
import {
  isCounterQuery,
  isIndexedSearch,
  TicketOrder,
  validateTicketQuery,
  type TicketFilterRequest,
} from '../../server/src/tickets/ticket-query.js';
import { countTicketsBounded, listTicketsCounted } from '../../server/src/tickets/ticket-count.repository.js';
import { listTicketsPage } from '../../server/src/tickets/ticket.repository.js';
import { listTicketHistory, listTicketHistoryByPage } from '../../server/src/tickets/ticket-event.service.js';
import { createTicketEntryLoaders } from '../../server/src/tickets/ticket-entry.loader.js';
import { listTicketNotes } from '../../server/src/tickets/ticket-note.service.js';
import type { Actor } from '../../server/src/auth/actor.js';
import type { Db } from '../../server/src/db/client.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: string;
}

/** Parallel branches of sequential service calls: how the adapter issues its SQL, for `actor`. */
export type Capture = ((db: Db, ids: IdPicker, actor: Actor) => Promise<unknown>)[];

export interface BenchCase {
  name: string;
  api: 'REST' | 'GraphQL';
  /** p95 target from the issue, in ms. */
  targetP95: number;
  request(ids: IdPicker): HttpRequest;
  capture: Capture;
}

/** True when an answer is a success: a 2xx, and for GraphQL no errors and no userErrors. */
export function isSuccessfulAnswer(bench: BenchCase, status: number, body: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (bench.api === 'GraphQL') return !body.includes('"errors":') && !/"userErrors":\[\{/.test(body);
  return true;
}

export interface IdPicker {
  /** An existing ticket id, uniformly at random. */
  random(): number;
}

/** A ticket id that the raw replay substitutes with a random one for each request. */
export const PLACEHOLDER_ID = 2_000_000_001;

export const COMMON_WORD = 'password';
export const SHORT_TERM = 'id';
const STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
const PAGE = 20;

const TICKET_FIELDS = 'id title description category priority status createdAt updatedAt resolvedAt';
const LIST = `query($filter: TicketFilter, $search: String) {
  tickets(filter: $filter, search: $search, first: ${PAGE}) { nodes { ${TICKET_FIELDS} } pageInfo { hasNextPage endCursor } totalCount totalCountIsExact } }`;
const STATS = `query { stats { totalTickets openTickets avgTicketsPerDay
  priorityBreakdown { priority count } categoryBreakdown { category count } statusBreakdown { status count }
  suggestionAcceptance { suggested accepted overridden acceptanceRate byCategory { category suggested accepted overridden acceptanceRate } } } }`;
const DASHBOARD = `query { stats { totalTickets openTickets avgTicketsPerDay statusBreakdown { status count } ticketsPerDay(days: 30) { day count } } }`;
const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { ticket { ${TICKET_FIELDS} } userErrors { field code } } }`;

const ACTOR = 'actor { __typename ... on User { id displayName } ... on ApiToken { id name } }';
const HISTORY_AND_NOTES = `query($id: ID!) { ticket(id: $id) { id version
  history(first: 25) { nodes { id kind at field from to suggestion { category priority source accepted } note { id body } ${ACTOR} } pageInfo { hasNextPage endCursor } }
  notes(first: 25) { nodes { id body createdAt author { __typename ... on User { id displayName } ... on ApiToken { id name } } } pageInfo { hasNextPage endCursor } } } }`;

const gql = (query: string, variables: Record<string, unknown> = {}): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

// Created tickets look like the seeded ones, so that they (the newest rows) do not
// change what the read cases find.
const generate = createTicketGenerator({ seed: 7 });
const newTicket = () => {
  const t = generate();
  return { title: t.title, description: t.description, category: t.category, priority: t.priority };
};
const randomStatus = () => STATUSES[Math.floor(Math.random() * STATUSES.length)]!;

/**
 * A list's SQL, as `listTicketsCounted` issues it: the page and the count side by
 * side, or, for a search the trigram index serves, one sequence (the estimate, then
 * the page and the count together).
 */
function countedList(filter: TicketFilterRequest, search: string | null, limit: number, present: Present = async () => {}): Capture {
  const query = validateTicketQuery(filter, search);
  const page = { order: TicketOrder.NEWEST_FIRST, ...(limit === PAGE ? { offset: 0 } : {}), limit } as const;
  if (isCounterQuery(query) || !isIndexedSearch(query)) {
    return [async (db) => present(db, await listTicketsPage(db, query, page)), (db) => countTicketsBounded(db, query)];
  }
  return [async (db) => present(db, (await listTicketsCounted(db, query, page)).rows)];
}

/** What an adapter reads after a page to show it (REST: the authors' names). */
type Present = (db: Db, rows: TicketRow[]) => Promise<unknown>;

/** The REST list handler's SQL: a numbered page of PAGE and its count, then the names on the page. */
const restList = (filter: TicketFilterRequest, search: string | null) => countedList(filter, search, PAGE, toRestTickets);

/** The GraphQL list's SQL: a keyset page of PAGE + 1 (whether more follow) and `totalCount`. */
const graphqlList = (filter: TicketFilterRequest | null, search: string | null) => countedList(filter ?? {}, search, PAGE + 1);

const TWO_FILTERS = { statuses: ['open'], categories: ['technical'] } as const;
const SEARCHES = [
  ['search common word', COMMON_WORD],
  ['search rare phrase', RARE_PHRASE],
  ['search 2-char term', SHORT_TERM],
] as const;

export function benchCases(): BenchCase[] {
  const rest: BenchCase[] = [
    {
      name: 'list newest 20',
      api: 'REST',
      targetP95: 25,
      request: () => ({ method: 'GET', path: `/api/tickets/?page_size=${PAGE}` }),
      capture: restList({}, null),
    },
    {
      name: 'list with two filters',
      api: 'REST',
      targetP95: 25,
      request: () => ({ method: 'GET', path: `/api/tickets/?page_size=${PAGE}&status=open&category=technical` }),
      capture: restList({ statuses: ['open'], categories: ['technical'] }, null),
    },
    ...SEARCHES.map(([name, term]): BenchCase => ({
      name,
      api: 'REST',
      targetP95: 25,
      request: () => ({ method: 'GET', path: `/api/tickets/?page_size=${PAGE}&search=${encodeURIComponent(term)}` }),
      capture: restList({}, term),
    })),
    {
      name: 'stats',
      api: 'REST',
      targetP95: 10,
      request: () => ({ method: 'GET', path: '/api/tickets/stats/' }),
      capture: [
        async (db, _ids, actor) => {
          const stats = await getTicketStats(db, {}, actor);
          return getActiveByAssignee(db, stats.query);
        },
      ],
    },
    {
      name: 'create',
      api: 'REST',
      targetP95: 15,
      request: () => ({ method: 'POST', path: '/api/tickets/', body: JSON.stringify(newTicket()) }),
      capture: [async (db, _ids, actor) => toRestCreatedTicket(db, await createTicket(db, actor, newTicket()))],
    },
    {
      name: 'patch',
      api: 'REST',
      targetP95: 15,
      request: (ids) => ({ method: 'PATCH', path: `/api/tickets/${ids.random()}/`, body: JSON.stringify({ status: randomStatus() }) }),
      capture: [(db, _ids, actor) => updateTicket(db, actor, PLACEHOLDER_ID, { status: 'in_progress' }).catch(() => null)],
    },
    {
      // The history holds the notes too (each note_added event carries its note).
      name: 'ticket history + notes',
      api: 'REST',
      targetP95: 10,
      request: (ids) => ({ method: 'GET', path: `/api/tickets/${ids.random()}/history/?page_size=25` }),
      capture: [(db) => listTicketHistoryByPage(db, PLACEHOLDER_ID, { page: 1, pageSize: 25 }).catch(() => null)],
    },
  ];
  const graphql: BenchCase[] = [
    {
      name: 'list newest 20',
      api: 'GraphQL',
      targetP95: 25,
      request: () => gql(LIST),
      capture: graphqlList(null, null),
    },
    {
      name: 'list with two filters',
      api: 'GraphQL',
      targetP95: 25,
      request: () => gql(LIST, { filter: { statuses: ['OPEN'], categories: ['TECHNICAL'] } }),
      capture: graphqlList({ ...TWO_FILTERS }, null),
    },
    ...SEARCHES.map(([name, term]): BenchCase => ({
      name,
      api: 'GraphQL',
      targetP95: 25,
      request: () => gql(LIST, { search: term }),
      capture: graphqlList(null, term),
    })),
    {
      name: 'stats',
      api: 'GraphQL',
      targetP95: 10,
      request: () => gql(STATS),
      capture: [(db, _ids, actor) => getTicketStats(db, null, actor)],
    },
    {
      name: 'stats + 30 days per day',
      api: 'GraphQL',
      targetP95: 10,
      request: () => gql(DASHBOARD),
      capture: [
        async (db, _ids, actor) => {
          const stats = await getTicketStats(db, null, actor);
          return getTicketsPerDay(db, stats.query, 30);
        },
      ],
    },
    {
      name: 'ticket history + notes',
      api: 'GraphQL',
      targetP95: 10,
      request: (ids) => gql(HISTORY_AND_NOTES, { id: String(ids.random()) }),
      // The ticket, then its history and notes side by side, through the operation's
      // loaders as the resolvers read them (each a page of the listed tickets).
      capture: [
        async (db) => {
          await getTicket(db, PLACEHOLDER_ID);
          const { historyPages } = createTicketEntryLoaders(db);
          return listTicketHistory((ticketId, page) => historyPages.load({ ticketId, ...page }), PLACEHOLDER_ID, { first: 25 });
        },
        (db) => {
          const { notePages } = createTicketEntryLoaders(db);
          return listTicketNotes((ticketId, page) => notePages.load({ ticketId, ...page }), PLACEHOLDER_ID, { first: 25 });
        },
      ],
    },
    {
      name: 'create',
      api: 'GraphQL',
      targetP95: 15,
      request: () => {
        const t = newTicket();
        return gql(CREATE, { input: { ...t, category: t.category.toUpperCase(), priority: t.priority.toUpperCase() } });
      },
      capture: [(db, _ids, actor) => createTicket(db, actor, newTicket())],
    },
    {
      name: 'patch',
      api: 'GraphQL',
      targetP95: 15,
      request: (ids) => gql(UPDATE, { id: String(ids.random()), input: { status: randomStatus().toUpperCase() } }),
      capture: [(db, _ids, actor) => updateTicket(db, actor, PLACEHOLDER_ID, { status: 'in_progress' }).catch(() => null)],
    },
  ];
  // Reads first, then writes, so that every read case sees the seeded data set.
  return [
    ...rest.filter((c) => !isWriteCase(c)),
    ...graphql.filter((c) => !isWriteCase(c)),
    ...rest.filter(isWriteCase),
    ...graphql.filter(isWriteCase),
  ];
}

/** Whether a case changes data: those run last, and need credentials that may write. */
export function isWriteCase(bench: BenchCase): boolean {
  return bench.name === 'create' || bench.name === 'patch';
}
