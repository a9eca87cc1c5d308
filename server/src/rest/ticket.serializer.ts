// Tickets, statistics and classifications as the Django API represented them
// (snake_case keys, lowercase values, UTC ISO 8601 times), and request bodies
// unpacked into the service's inputs. No rule lives here: the service validates.
import type { FastifyRequest } from 'fastify';
import { authorColumn, type AuthorRef } from '../auth/actor.loader.js';
import { findActorNames, type NamedRow } from '../auth/actor-name.repository.js';
import type { IssuedSuggestion } from '../classifier/classification.service.js';
import type { Db } from '../db/client.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/ticket.enums.js';
import { TicketError, type TicketIssue } from '../tickets/ticket.errors.js';
import type { AssigneeCountRow, CreatedTicket, TicketRow, TicketStatsRow } from '../tickets/ticket.service.js';
import type { BulkUpdateTicketsRequest } from '../tickets/ticket-bulk.service.js';
import { DEFAULT_TICKET_ORDER, TICKET_ORDERS, type TicketFilterRequest, type TicketOrder } from '../tickets/ticket-query.js';
import type { NamedTicketEventRow } from '../tickets/ticket-event.repository.js';
import { toRestTicketNote, type RestTicketNote } from './ticket-note.serializer.js';
import { pythonTypeName, validateChoice, type CreateTicketRequest, type UpdateTicketRequest } from '../tickets/ticket.validation.js';
import { REST_FILTER_PARAMS, REST_ORDERINGS } from './ticket.schemas.js';

export interface RestTicket {
  id: number;
  title: string;
  description: string;
  category: string;
  priority: string;
  status: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  suggested_category: string | null;
  suggested_priority: string | null;
  classification_source: string | null;
  created_by: RestAuthor;
  updated_by: RestAuthor;
  version: number;
  assignee: RestAuthor;
}

/** An author as REST shows it: `{type, id, name}`, or null. */
export type RestAuthor = { type: 'user' | 'token'; id: number; name: string } | null;

/**
 * The names of everyone `refs` name, read in one statement, as a function that shows
 * any of them as REST does: what a page of rows (tickets, notes) calls for each author.
 */
export async function readRestAuthors(db: Db, refs: readonly AuthorRef[]): Promise<(ref: AuthorRef) => RestAuthor> {
  const userIds = new Set<number>();
  const tokenIds = new Set<number>();
  for (const ref of refs) {
    const column = authorColumn(ref);
    if (column === 'token') tokenIds.add(ref.tokenId!);
    else if (column === 'user') userIds.add(ref.userId!);
  }
  const names = await findActorNames(db, userIds, tokenIds);
  return (ref) => namedAuthor(ref, names.users.get(ref.userId!) ?? null, names.tokens.get(ref.tokenId!) ?? null);
}

/** A ticket's authors and assignee: created by, updated by, assignee. */
const ticketAuthorRefs = (row: TicketRow): [AuthorRef, AuthorRef, AuthorRef] => [
  { userId: row.createdByUserId, tokenId: row.createdByTokenId },
  { userId: row.updatedByUserId, tokenId: row.updatedByTokenId },
  { userId: row.assigneeUserId, tokenId: null },
];

/** Tickets with their authors and assignees, whose names are read in one statement for the whole page. */
export async function toRestTickets(db: Db, rows: readonly TicketRow[]): Promise<RestTicket[]> {
  const refs = rows.map(ticketAuthorRefs);
  const authorOf = await readRestAuthors(db, refs.flat());
  return rows.map((row, i) => {
    const [createdBy, updatedBy, assignee] = refs[i]!;
    return toRestTicket(row, authorOf(createdBy), authorOf(updatedBy), authorOf(assignee));
  });
}

export async function toRestTicketOf(db: Db, row: TicketRow): Promise<RestTicket> {
  return (await toRestTickets(db, [row]))[0]!;
}

/** The contract's keys first, in the Django serializer's order; extra keys follow. */
export function toRestTicket(
  row: TicketRow,
  createdBy: RestAuthor = null,
  updatedBy: RestAuthor = null,
  assignee: RestAuthor = null,
): RestTicket {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    resolved_at: row.resolvedAt?.toISOString() ?? null,
    suggested_category: row.suggestedCategory,
    suggested_priority: row.suggestedPriority,
    classification_source: row.classificationSource,
    created_by: createdBy,
    updated_by: updatedBy,
    version: row.version,
    assignee,
  };
}

/** A history event as REST shows it: stored (lowercase) values, snake_case keys. */
export interface RestTicketEvent {
  id: number;
  kind: string;
  at: string;
  actor: RestAuthor;
  field: string | null;
  from: string | null;
  to: string | null;
  suggestion: { category: string; priority: string; source: string; accepted: boolean } | null;
  assignee: RestAuthor;
  previous_assignee: RestAuthor;
  /** note_added: the note, as `POST …/notes/` answered it. */
  note: RestTicketNote | null;
}

/** Someone a page's row names, as REST shows them; the token when one was used (as `loadAuthor` decides). */
export function namedAuthor(ref: AuthorRef, user: NamedRow | null, token: NamedRow | null): RestAuthor {
  switch (authorColumn(ref)) {
    case 'token':
      return token && { type: 'token', id: token.id, name: token.name };
    case 'user':
      return user && { type: 'user', id: user.id, name: user.name };
    case null:
      return null;
  }
}

/** A page of events, with everyone they name read in the page's own statement. */
export function toRestTicketEvents(rows: readonly NamedTicketEventRow[]): RestTicketEvent[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    at: row.at.toISOString(),
    actor: namedAuthor({ userId: row.actorUserId, tokenId: row.actorTokenId }, row.actorUser, row.actorToken),
    field: row.field,
    from: row.fromValue,
    to: row.toValue,
    suggestion:
      row.suggestedCategory && row.suggestedPriority && row.classificationSource
        ? {
            category: row.suggestedCategory,
            priority: row.suggestedPriority,
            source: row.classificationSource,
            accepted: row.suggestionAccepted === true,
          }
        : null,
    assignee: namedAuthor({ userId: row.assigneeUserId, tokenId: null }, row.assignee, null),
    previous_assignee: namedAuthor({ userId: row.previousAssigneeUserId, tokenId: null }, row.previousAssignee, null),
    note:
      row.note === null
        ? null
        : toRestTicketNote(
            row.note,
            namedAuthor({ userId: row.note.authorUserId, tokenId: row.note.authorTokenId }, row.noteAuthorUser, row.noteAuthorToken),
          ),
  }));
}

/** A create's answer: the ticket, then whether the suggestion it referred to was ignored. */
export async function toRestCreatedTicket(
  db: Db,
  { ticket, suggestionIgnored }: CreatedTicket,
): Promise<RestTicket & { suggestion_ignored: boolean }> {
  return { ...(await toRestTicketOf(db, ticket)), suggestion_ignored: suggestionIgnored };
}

interface AcceptanceFigures {
  suggested: number;
  accepted: number;
  overridden: number;
  /** accepted / suggested; null when nothing was suggested. */
  acceptance_rate: number | null;
}

function acceptance(suggested: number, accepted: number): AcceptanceFigures {
  return { suggested, accepted, overridden: suggested - accepted, acceptance_rate: suggested === 0 ? null : accepted / suggested };
}

const pick = <K extends string>(keys: readonly K[], counts: Record<K, number>): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, counts[k]])) as Record<K, number>;

export function toRestStats(s: TicketStatsRow) {
  return {
    total_tickets: s.totalTickets,
    open_tickets: s.openTickets,
    avg_tickets_per_day: s.avgTicketsPerDay,
    priority_breakdown: pick(TICKET_PRIORITIES, s.byPriority),
    category_breakdown: pick(TICKET_CATEGORIES, s.byCategory),
    status_breakdown: pick(TICKET_STATUSES, s.byStatus),
    suggestion_acceptance: {
      ...acceptance(s.suggestions.suggested, s.suggestions.accepted),
      by_category: Object.fromEntries(
        TICKET_CATEGORIES.map((c) => [c, acceptance(s.suggestions.byCategory[c].suggested, s.suggestions.byCategory[c].accepted)]),
      ),
    },
  };
}

/** Active tickets per assignee as REST shows them: `{assignee: {id, name} | null, count}`. */
export function toRestActiveByAssignee(rows: readonly AssigneeCountRow[]) {
  return rows.map(({ assigneeUserId, assigneeName, count }) => ({
    assignee: assigneeUserId === null || assigneeName === null ? null : { id: assigneeUserId, name: assigneeName },
    count,
  }));
}

/** The original API's four keys, then the id to create the ticket with, then how sure the server is. */
export function toRestClassification(c: IssuedSuggestion) {
  return {
    suggested_category: c.category,
    suggested_priority: c.priority,
    source: c.source,
    reason: c.reason,
    suggestion_id: c.suggestionId,
    confidence: c.confidence,
  };
}

/**
 * The body as a field mapping, as a DRF serializer requires: a request without a
 * body is an empty mapping (as DRF reads it), `null` and non-objects are refused in
 * DRF's words.
 */
export function bodyFields(req: FastifyRequest): Record<string, unknown> {
  // Fastify answers 415 for a body without a Content-Type, so none means no body.
  if (req.headers['content-type'] === undefined) return {};
  const body = req.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  const message = body === null ? 'No data provided' : `Invalid data. Expected a dictionary, but got ${pythonTypeName(body)}.`;
  throw new TicketError('VALIDATION_FAILED', [{ field: null, code: 'INVALID_TYPE', message }]);
}

/** Whether the body came from an HTML form (`application/x-www-form-urlencoded`). */
function isFormBody(req: FastifyRequest): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

const OPTIONAL_FIELDS = ['category', 'priority', 'status'];
const NULLABLE_FIELDS = ['suggested_category', 'suggested_priority', 'classification_source', 'suggestion_id', 'assignee'];

/**
 * DRF reads an empty form value as "not given" for a field that has a default, and as
 * null for a nullable one (an HTML form cannot leave a field out); JSON keeps `""`.
 */
export function withFormEmptyValues(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const key of OPTIONAL_FIELDS) if (out[key] === '') delete out[key];
  for (const key of NULLABLE_FIELDS) if (out[key] === '') out[key] = null;
  return out;
}

/** A request body's fields, with DRF's reading of empty form values. */
export function ticketBodyFields(req: FastifyRequest): Record<string, unknown> {
  const fields = bodyFields(req);
  return isFormBody(req) ? withFormEmptyValues(fields) : fields;
}

/**
 * The ticket fields a client may write, read from a body. `id`, `created_at` and any
 * other key the client may not set are ignored, as DRF ignores read-only fields.
 */
export function toUpdateTicketRequest(fields: Record<string, unknown>): UpdateTicketRequest {
  return {
    title: fields.title,
    description: fields.description,
    category: fields.category,
    priority: fields.priority,
    status: fields.status,
    assigneeId: fields.assignee,
  };
}

/**
 * A bulk update's body: the fields it may set, and `versions` (`{"<id>": version}`)
 * as the list of expected versions the service takes; anything but a mapping is
 * passed on for the service to refuse.
 */
export function toBulkUpdateRequest(fields: Record<string, unknown>): BulkUpdateTicketsRequest {
  const versions = fields.versions;
  const isMapping = versions !== null && typeof versions === 'object' && !Array.isArray(versions);
  return {
    category: fields.category,
    priority: fields.priority,
    status: fields.status,
    assigneeId: fields.assignee,
    expectedVersions: isMapping ? Object.entries(versions).map(([id, version]) => ({ id, version })) : versions,
  };
}

/** The writable fields, and the suggestion the body refers to (by id, or by the values classify answered). */
export function toCreateTicketRequest(fields: Record<string, unknown>): CreateTicketRequest {
  return {
    ...toUpdateTicketRequest(fields),
    suggestion: {
      id: fields.suggestion_id,
      category: fields.suggested_category,
      priority: fields.suggested_priority,
      source: fields.classification_source,
    },
  };
}

/** Query parameters arrive as a string, or an array when repeated; like Django's `QueryDict.get`, the last one counts. */
export function queryValue(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  // An empty value is no filter, as django-filter treats it.
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function toTicketFilterRequest(query: Record<string, unknown>): TicketFilterRequest {
  const filter: Record<string, unknown> = {};
  for (const [field, param] of Object.entries(REST_FILTER_PARAMS)) {
    if (param === null) continue;
    const value = queryValue(query, param.name);
    filter[field] = value === undefined ? null : param.read ? param.read(value) : [value];
  }
  return filter;
}

const ORDER_BY_REST_NAME = new Map(TICKET_ORDERS.map((order) => [REST_ORDERINGS[order], order]));

/**
 * An `ordering` value (the query parameter, a saved view's key) as the order it
 * names: absent or empty is the default; anything but REST_ORDERINGS' values is
 * refused under `ordering`, as DRF refuses an unknown choice.
 */
export function toTicketOrder(value: unknown): TicketOrder {
  if (value === undefined || value === null || value === '') return DEFAULT_TICKET_ORDER;
  const issues: TicketIssue[] = [];
  const name = validateChoice(issues, 'ordering', value, [...ORDER_BY_REST_NAME.keys()]);
  if (name === undefined) throw new TicketError('VALIDATION_FAILED', issues);
  return ORDER_BY_REST_NAME.get(name)!;
}
