// What the schema promises about the size of a response: the longest each text of
// ours can be and how many items each list can hold, read from the limits the services
// enforce. The operation measure multiplies these out to bound a response before it runs.
import { isInputObjectType, Kind, type FieldNode, type GraphQLSchema } from 'graphql';
import { API_TOKEN_SCOPES } from '../auth/auth.enums.js';
import { API_TOKEN_LIST_MAX } from '../auth/api-token.repository.js';
import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, TOKEN_NAME_MAX_LENGTH } from '../auth/auth.validation.js';
import { API_TOKEN_SHOWN_LENGTH, newApiTokenSecret, newSecret } from '../auth/secrets.js';
import { USER_LIST_MAX } from '../auth/user.repository.js';
import { REASON_MAX } from '../classifier/parse.js';
import { SIMILAR_TICKETS_MAX } from '../classifier/similar-tickets.service.js';
import { CONFIDENCE_BANDS } from '../tickets/ticket.enums.js';
import {
  SUGGESTION_OUTCOMES,
  TicketPriority,
  TICKET_CATEGORIES,
  TICKET_DESCRIPTION_MAX,
  TICKET_EVENT_FIELDS,
  TICKET_NOTE_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TITLE_MAX,
} from '../tickets/ticket.enums.js';
import { ASSIGNEE_FILTER_IDS_MAX, encodeCursor, GRAPHQL_PAGE_SIZE, SEARCH_MAX_LENGTH, TICKET_ORDERS } from '../tickets/ticket-query.js';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX } from '../views/saved-view.validation.js';
import { ACTIVE_BY_ASSIGNEE_MAX, TICKETS_PER_DAY_MAX } from '../tickets/ticket.service.js';
import { encodeEventCursor } from '../tickets/ticket-event.service.js';
import { encodeNoteCursor } from '../tickets/ticket-note.service.js';
import { BULK_UPDATE_MAX_TICKETS } from '../tickets/ticket-bulk.service.js';
import { LATEST_DATE } from '../tickets/ticket.validation.js';
import { EXCERPT_LENGTH } from '../tickets/ticket-search.js';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_URL_MAX } from '../webhooks/webhook.enums.js';
import { TICKET_ACTIVITY_EVENTS_MAX } from '../live/ticket-activity.enums.js';
import { WEBHOOK_ATTEMPTS_SHOWN, WEBHOOK_ENDPOINTS_MAX } from '../webhooks/webhook.repository.js';
import { encodeDeliveryCursor } from '../webhooks/webhook.service.js';
import { newWebhookSecret } from '../webhooks/webhook-signature.js';

// GraphQL's Int is 32-bit; ticket ids are integers of that range.
const INT_MAX = 2_147_483_647;
// The longest priority, at the latest instant and the largest id, in the order whose cursor says most.
const CURSOR_MAX = Math.max(
  ...TICKET_ORDERS.map(
    (order) =>
      encodeCursor(order, {
        id: INT_MAX,
        createdAt: LATEST_DATE,
        updatedAt: LATEST_DATE,
        priority: TicketPriority.CRITICAL,
      }).length,
  ),
);
const EVENT_CURSOR_MAX = encodeEventCursor({ id: Number.MAX_SAFE_INTEGER }).length;
const NOTE_CURSOR_MAX = encodeNoteCursor({ id: Number.MAX_SAFE_INTEGER }).length;
const DELIVERY_CURSOR_MAX = encodeDeliveryCursor({ id: Number.MAX_SAFE_INTEGER }).length;

/**
 * Bytes of each scalar's value as JSON, quotes included: all ASCII (dates are those
 * PostgreSQL can hold: years 1–9999, always 24 characters).
 */
const SCALAR_SIZE: Record<string, number> = {
  Int: String(-INT_MAX - 1).length,
  Float: '-1.7976931348623157e+308'.length,
  Boolean: 'false'.length,
  // A ticket id, or a suggestion id (a UUID).
  ID: 2 + Math.max(String(INT_MAX).length, '00000000-0000-0000-0000-000000000000'.length),
  DateTimeISO: 2 + LATEST_DATE.toISOString().length,
};

/**
 * Bytes of JSON that one code point of free text can take: a control character is
 * escaped as `\u0001`, 6 bytes (an emoji is 4 bytes of UTF-8, 2 JavaScript characters).
 */
const JSON_BYTES_PER_CODE_POINT = 6;
const freeText = (codePoints: number) => codePoints * JSON_BYTES_PER_CODE_POINT;

/** The longest each String field of ours can be, in bytes of JSON, quotes excluded. Every one must be here. */
const TEXT_BYTES_MAX: Record<string, number> = {
  'Ticket.title': freeText(TICKET_TITLE_MAX),
  'Ticket.description': freeText(TICKET_DESCRIPTION_MAX),
  // Code points, its two ellipses included.
  'Ticket.excerpt': freeText(EXCERPT_LENGTH.max),
  // Cut at REASON_MAX UTF-16 code units, so at most as many code points.
  'Classification.reason': freeText(REASON_MAX),
  // ASCII formats: a date and base64url.
  'DayCount.day': 'YYYY-MM-DD'.length,
  'TicketEdge.cursor': CURSOR_MAX,
  'TicketEventEdge.cursor': EVENT_CURSOR_MAX,
  'TicketNoteEdge.cursor': NOTE_CURSOR_MAX,
  'TicketNote.body': freeText(TICKET_NOTE_MAX),
  // A recorded value: a title, a description or an enum value name.
  'TicketEvent.from': freeText(Math.max(TICKET_TITLE_MAX, TICKET_DESCRIPTION_MAX)),
  'TicketEvent.to': freeText(Math.max(TICKET_TITLE_MAX, TICKET_DESCRIPTION_MAX)),
  'PageInfo.startCursor': CURSOR_MAX,
  'PageInfo.endCursor': CURSOR_MAX,
  // The name of an input field: identifiers such as `classificationSource`.
  'UserError.field': 64,
  // Fixed sentences of the ticket rules (the longest is under 100 characters, a few
  // of them 3-byte punctuation).
  'UserError.message': 1_000,
  'User.email': freeText(EMAIL_MAX_LENGTH),
  'User.displayName': freeText(DISPLAY_NAME_MAX_LENGTH),
  'ApiToken.name': freeText(TOKEN_NAME_MAX_LENGTH),
  // ASCII: base64url secrets.
  'ApiToken.prefix': API_TOKEN_SHOWN_LENGTH,
  'CreateApiTokenPayload.token': newApiTokenSecret().length,
  // The request's own origin (a Host header is at most a few hundred bytes: Node
  // refuses larger headers) and the path with a secret.
  // A URL as normalised by WHATWG URL parsing: ASCII (punycode, percent-encoding).
  'WebhookEndpoint.url': WEBHOOK_URL_MAX,
  // ASCII: whsec_ and base64url.
  'CreateWebhookEndpointPayload.secret': newWebhookSecret().length,
  'WebhookDeliveryConnection.endCursor': DELIVERY_CURSOR_MAX,
  'InviteUserPayload.invitationUrl': 16 * 1024 + `/invitation?token=${newSecret()}`.length,
  'SavedView.name': freeText(SAVED_VIEW_NAME_MAX),
  'SavedView.search': freeText(SEARCH_MAX_LENGTH),
};

/** An integer argument as the resolver will see it: a literal, or at its maximum when a variable. */
function intArgument(field: FieldNode, name: string, fallback: number, max: number): number {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return fallback;
  if (argument.value.kind === Kind.INT) return Math.max(0, Math.min(max, Number(argument.value.value)));
  // A variable can be anything up to the maximum; any other value is refused by validation.
  return argument.value.kind === Kind.VARIABLE ? max : fallback;
}

function argumentDefault(schema: GraphQLSchema, typeName: string, fieldName: string, argumentName: string): number | null {
  const type = schema.getType(typeName) as
    { getFields?: () => Record<string, { args: readonly { name: string; defaultValue?: unknown }[] }> } | undefined;
  const value = type?.getFields?.()[fieldName]?.args.find((a) => a.name === argumentName)?.defaultValue;
  return typeof value === 'number' ? value : null;
}

/** Connections paged by `first` (GRAPHQL_PAGE_SIZE). */
const PAGED_FIELDS = new Set(['Query.tickets', 'Ticket.history', 'Ticket.notes', 'Query.webhookDeliveries']);

export interface SizeModel {
  /** Bytes of a scalar of `Parent.field` as JSON (quotes included); Infinity when we know no bound. */
  scalarSize(coordinate: string, typeName: string): number;
  /** Items `Parent.field` can hold; Infinity when we know no bound. */
  listLength(coordinate: string, field: FieldNode, pageSize: number): number;
  /** The page size a field sets for the connection below it, or null. */
  pageSize(coordinate: string, field: FieldNode): number | null;
  /** Bytes of any `__typename` (GraphQL names are ASCII). */
  typeNameSize: number;
}

const models = new WeakMap<GraphQLSchema, SizeModel>();

export function sizeModel(schema: GraphQLSchema): SizeModel {
  const cached = models.get(schema);
  if (cached) return cached;
  const types = Object.values(schema.getTypeMap());
  // One issue per input field at most (a nested input counts as one more), plus NOT_FOUND.
  const inputFieldsMax = Math.max(0, ...types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length));
  const userErrorsMax = 2 * inputFieldsMax + 1;
  // The resolver's own default, as the schema publishes it.
  const daysDefault = argumentDefault(schema, 'TicketStats', 'ticketsPerDay', 'days') ?? TICKETS_PER_DAY_MAX;
  const listLength: Record<string, (field: FieldNode, pageSize: number) => number> = {
    'TicketConnection.nodes': (_, pageSize) => pageSize,
    'TicketConnection.edges': (_, pageSize) => pageSize,
    'TicketEventConnection.nodes': (_, pageSize) => pageSize,
    'TicketEventConnection.edges': (_, pageSize) => pageSize,
    'TicketNoteConnection.nodes': (_, pageSize) => pageSize,
    'TicketNoteConnection.edges': (_, pageSize) => pageSize,
    'TicketStats.ticketsPerDay': (field) => intArgument(field, 'days', daysDefault, TICKETS_PER_DAY_MAX),
    'TicketStats.categoryBreakdown': () => TICKET_CATEGORIES.length,
    'TicketStats.priorityBreakdown': () => TICKET_PRIORITIES.length,
    'TicketStats.statusBreakdown': () => TICKET_STATUSES.length,
    'SuggestionAcceptance.byCategory': () => TICKET_CATEGORIES.length,
    'TicketStats.activeByAssignee': () => ACTIVE_BY_ASSIGNEE_MAX,
    'TriageReport.byConfidence': () => CONFIDENCE_BANDS.length,
    'TriageReport.byCategory': () => TICKET_CATEGORIES.length,
    'TriageReport.byPriority': () => TICKET_PRIORITIES.length,
    // Off the diagonal only.
    'TriageReport.categoryOverrides': () => TICKET_CATEGORIES.length * (TICKET_CATEGORIES.length - 1),
    'TriageReport.priorityOverrides': () => TICKET_PRIORITIES.length * (TICKET_PRIORITIES.length - 1),
    'Query.similarTickets': () => SIMILAR_TICKETS_MAX,
    'CreateTicketPayload.userErrors': () => userErrorsMax,
    'UpdateTicketPayload.userErrors': () => userErrorsMax,
    'AddTicketNotePayload.userErrors': () => userErrorsMax,
    'BulkUpdateTicketsPayload.tickets': () => BULK_UPDATE_MAX_TICKETS,
    // One per failing ticket, or the input's.
    'BulkUpdateTicketsPayload.userErrors': () => Math.max(BULK_UPDATE_MAX_TICKETS, userErrorsMax),
    'Query.users': () => USER_LIST_MAX,
    'Query.assignableUsers': () => USER_LIST_MAX,
    'Query.apiTokens': () => API_TOKEN_LIST_MAX,
    'ApiToken.scopes': () => API_TOKEN_SCOPES.length,
    'SignInPayload.userErrors': () => userErrorsMax,
    'UserPayload.userErrors': () => userErrorsMax,
    'InviteUserPayload.userErrors': () => userErrorsMax,
    'CreateApiTokenPayload.userErrors': () => userErrorsMax,
    'ApiTokenPayload.userErrors': () => userErrorsMax,
    'Query.webhookEndpoints': () => WEBHOOK_ENDPOINTS_MAX,
    'WebhookEndpoint.events': () => WEBHOOK_EVENT_TYPES.length,
    'WebhookDeliveryConnection.nodes': (_, pageSize) => pageSize,
    'WebhookDelivery.attempts': () => WEBHOOK_ATTEMPTS_SHOWN,
    'CreateWebhookEndpointPayload.userErrors': () => userErrorsMax,
    'WebhookEndpointPayload.userErrors': () => userErrorsMax,
    'DeleteWebhookEndpointPayload.userErrors': () => userErrorsMax,
    'WebhookDeliveryPayload.userErrors': () => userErrorsMax,
    'TicketActivity.changedFields': () => TICKET_EVENT_FIELDS.length,
    'TicketActivity.events': () => TICKET_ACTIVITY_EVENTS_MAX,
    'Query.savedViews': () => SAVED_VIEWS_MAX,
    // Validated lists hold each value once.
    'SavedViewFilter.categories': () => TICKET_CATEGORIES.length,
    'SavedViewFilter.priorities': () => TICKET_PRIORITIES.length,
    'SavedViewFilter.statuses': () => TICKET_STATUSES.length,
    'SavedViewFilter.suggestedCategories': () => TICKET_CATEGORIES.length,
    'SavedViewFilter.suggestedPriorities': () => TICKET_PRIORITIES.length,
    'SavedViewFilter.suggestionOutcomes': () => SUGGESTION_OUTCOMES.length,
    'SavedViewFilter.filedCategories': () => TICKET_CATEGORIES.length,
    'SavedViewFilter.filedPriorities': () => TICKET_PRIORITIES.length,
    'SavedViewFilter.suggestionConfidenceBands': () => CONFIDENCE_BANDS.length,
    'SavedViewAssignee.userIds': () => ASSIGNEE_FILTER_IDS_MAX,
    'SavedViewPayload.userErrors': () => userErrorsMax,
    'DeleteSavedViewPayload.userErrors': () => userErrorsMax,
  };
  const model: SizeModel = {
    typeNameSize: 2 + Math.max(...types.map((t) => t.name.length)),
    scalarSize(coordinate, typeName) {
      const text = TEXT_BYTES_MAX[coordinate];
      if (text !== undefined) return 2 + text;
      return typeName === 'String' ? Infinity : (SCALAR_SIZE[typeName] ?? Infinity);
    },
    listLength(coordinate, field, pageSize) {
      return listLength[coordinate]?.(field, pageSize) ?? Infinity;
    },
    pageSize(coordinate, field) {
      return PAGED_FIELDS.has(coordinate) ? intArgument(field, 'first', GRAPHQL_PAGE_SIZE.default, GRAPHQL_PAGE_SIZE.max) : null;
    },
  };
  models.set(schema, model);
  return model;
}
