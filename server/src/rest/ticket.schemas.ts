// JSON Schemas of the REST shim's routes: the source of the OpenAPI document and of
// the response serializers. Limits and vocabularies come from the same constants the
// service validates with, so the document cannot drift from the rules.
import type { FastifySchema } from 'fastify';
import {
  CLASSIFICATION_SOURCES,
  CONFIDENCE_BANDS,
  SUGGESTION_OUTCOMES,
  TICKET_CATEGORIES,
  TICKET_DESCRIPTION_MAX,
  RECORDED_EVENT_FIELDS,
  TICKET_EVENT_KINDS,
  TICKET_NOTE_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TITLE_MAX,
} from '../tickets/ticket.enums.js';
import { IDEMPOTENCY_KEY_TTL_SECONDS } from '../tickets/idempotency-key.repository.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../tickets/idempotency-key.validation.js';
import { SUGGESTION_TTL_SECONDS } from '../tickets/ticket-suggestion.repository.js';
import {
  DEFAULT_TICKET_ORDER,
  REST_PAGE_SIZE,
  SEARCH_MAX_LENGTH,
  type TicketFilterField,
  type TicketOrder,
} from '../tickets/ticket-query.js';
import { ACTIVE_BY_ASSIGNEE_MAX } from '../tickets/ticket.service.js';
import { BULK_UPDATE_MAX_TICKETS } from '../tickets/ticket-bulk.service.js';

export const TAGS = ['tickets'];
export const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

const category = { type: 'string', enum: TICKET_CATEGORIES } as const;
const priority = { type: 'string', enum: TICKET_PRIORITIES } as const;
const status = { type: 'string', enum: TICKET_STATUSES } as const;
const nullable = (schema: { type: string; enum?: readonly string[] }) => ({
  ...schema,
  type: [schema.type, 'null'],
  ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
});
const dateTime = { type: 'string', format: 'date-time' } as const;

const ticketRequired = [
  'id',
  'title',
  'description',
  'category',
  'priority',
  'status',
  'created_at',
  'updated_at',
  'resolved_at',
  'suggested_category',
  'suggested_priority',
  'classification_source',
  'created_by',
  'updated_by',
  'version',
  'assignee',
] as const;

const author = {
  type: ['object', 'null'],
  description: 'A person, or the API token used (acting for a person). Null for anonymous writes and tickets from before sign-in.',
  required: ['type', 'id', 'name'],
  properties: {
    type: { type: 'string', enum: ['user', 'token'] },
    id: { type: 'integer' },
    name: { type: 'string', description: "The person's display name, or the token's name." },
  },
} as const;

/** A user named by a ticket or an event (an assignee): shown as an author is. */
const namedUser = (description: string) => ({ ...author, description });

const ticketProperties = {
  id: { type: 'integer', readOnly: true },
  title: { type: 'string', maxLength: TICKET_TITLE_MAX },
  description: { type: 'string', maxLength: TICKET_DESCRIPTION_MAX },
  category,
  priority,
  status,
  created_at: { ...dateTime, readOnly: true, description: 'UTC, millisecond precision.' },
  updated_at: { ...dateTime, readOnly: true },
  resolved_at: { ...nullable(dateTime), readOnly: true, description: 'Set while the status is resolved or closed.' },
  suggested_category: { ...nullable(category), description: 'What the classifier suggested when the ticket was created.' },
  suggested_priority: nullable(priority),
  classification_source: {
    ...nullable({ type: 'string', enum: CLASSIFICATION_SOURCES }),
    description: 'Which classifier made the suggestion.',
  },
  created_by: { ...author, readOnly: true },
  updated_by: { ...author, readOnly: true, description: 'Who changed it last (or created it, if unchanged since).' },
  version: {
    type: 'integer',
    minimum: 1,
    readOnly: true,
    description: "Starts at 1 and grows with every change; the `ETag` of the ticket's answers is this number, quoted.",
  },
  assignee: namedUser('Who works the ticket (`type` is always `user`); null when nobody is assigned. Write it as a user id, or null.'),
} as const;

const noteSchema = {
  description: "An agent's internal note on a ticket. Append-only: a correction is a new note.",
  required: ['id', 'body', 'author', 'created_at'],
  properties: {
    id: { type: 'integer', description: 'Later notes have larger ids.' },
    body: { type: 'string', maxLength: TICKET_NOTE_MAX },
    author: { ...author, description: 'Who wrote it: a person, or the API token used. Null for anonymous writes.' },
    created_at: { ...dateTime, description: 'UTC, millisecond precision.' },
  },
} as const;

/** Shared schemas, registered once with `addSchema` and referenced as `Name#`. */
export const SHARED_SCHEMAS = [
  {
    $id: 'Ticket',
    type: 'object',
    description: 'A support ticket. The first eight keys are the Django API contract; the rest were added since.',
    required: ticketRequired,
    properties: ticketProperties,
  },
  {
    $id: 'CreatedTicket',
    type: 'object',
    description: 'The created ticket, then whether the suggestion the request referred to was ignored.',
    required: [...ticketRequired, 'suggestion_ignored'],
    properties: {
      ...ticketProperties,
      suggestion_ignored: {
        type: 'boolean',
        description:
          'True when the request referred to a suggestion (`suggestion_id`, or the `suggested_*` values) that the server did not issue for this ' +
          'description in the last 24 hours, or that was already used: the ticket was saved with no suggestion.',
      },
    },
  },
  {
    $id: 'TicketEvent',
    type: 'object',
    description:
      "One entry of a ticket's history, recorded in the same transaction as the change; never edited or deleted. " +
      '`created`: the ticket was created, with the AI suggestion shown then (null if none) and whether it was kept. ' +
      '`field_changed`: one field went from `from` to `to` (stored values: lowercase for category, priority and status). ' +
      '`assigned`: the ticket went to `assignee` (from `previous_assignee` on a reassignment). `unassigned`: `assignee` was removed. ' +
      '`note_added`: an internal note was added (`note`).',
    required: ['id', 'kind', 'at', 'actor', 'field', 'from', 'to', 'suggestion', 'assignee', 'previous_assignee', 'note'],
    properties: {
      id: { type: 'integer', description: 'Later events have larger ids.' },
      kind: { type: 'string', enum: TICKET_EVENT_KINDS },
      at: { ...dateTime, description: 'When (UTC, millisecond precision).' },
      actor: { ...author, description: 'Who: a person, or the API token used. Null for anonymous writes and the system.' },
      field: nullable({ type: 'string', enum: RECORDED_EVENT_FIELDS }),
      from: { type: ['string', 'null'] },
      to: { type: ['string', 'null'] },
      suggestion: {
        type: ['object', 'null'],
        required: ['category', 'priority', 'source', 'accepted'],
        properties: {
          category,
          priority,
          source: { type: 'string', enum: CLASSIFICATION_SOURCES },
          accepted: { type: 'boolean', description: 'The ticket was saved with both the suggested category and priority.' },
        },
      },
      assignee: namedUser('`assigned`: the new assignee; `unassigned`: the one removed; null for other kinds.'),
      previous_assignee: namedUser('`assigned` on a reassignment: the assignee before; null otherwise.'),
      note: { type: ['object', 'null'], ...noteSchema, description: '`note_added`: the note; null for other kinds.' },
    },
  },
  {
    $id: 'TicketNote',
    type: 'object',
    ...noteSchema,
  },
  {
    $id: 'FieldErrors',
    type: 'object',
    description:
      'Django REST Framework validation errors: every failing field with its messages; `non_field_errors` for the body as a whole.',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { title: ['This field is required.'], category: ['"urgent" is not a valid choice.'] },
  },
  {
    $id: 'Detail',
    type: 'object',
    required: ['detail'],
    properties: { detail: { type: 'string' } },
    example: { detail: 'Not found.' },
  },
  {
    $id: 'AcceptanceFigures',
    type: 'object',
    required: ['suggested', 'accepted', 'overridden', 'acceptance_rate'],
    properties: {
      suggested: { type: 'integer', description: 'Tickets created with a classifier suggestion shown.' },
      accepted: { type: 'integer', description: 'Of those, tickets whose category and priority both stayed as suggested.' },
      overridden: { type: 'integer', description: 'suggested - accepted.' },
      acceptance_rate: { type: ['number', 'null'], description: 'accepted / suggested; null when nothing was suggested.' },
    },
  },
] as const;

export const ref = (id: (typeof SHARED_SCHEMAS)[number]['$id']) => ({ $ref: `${id}#` });

const counts = (keys: readonly string[]) => ({
  type: 'object',
  required: keys,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer' }])),
});

interface RestFilterParam {
  name: string;
  schema: { type: 'string'; enum?: readonly string[]; pattern?: string; description?: string };
  /** The filter field's value for the parameter's one value; by default a list of it. */
  read?: (value: string) => unknown;
}

/**
 * The Django API's filter parameters: one value each, an exact match. Every filter
 * field has an entry, null where the REST API does not offer it, so a new field does
 * not compile until it is decided here.
 */
export const REST_FILTER_PARAMS: { [K in TicketFilterField]: RestFilterParam | null } = {
  categories: { name: 'category', schema: category },
  priorities: { name: 'priority', schema: priority },
  statuses: { name: 'status', schema: status },
  createdAfter: null,
  createdBefore: null,

  assignee: {
    name: 'assignee',
    schema: {
      type: 'string',
      pattern: '^(me|none|[1-9][0-9]*)$',
      description: '`me` (the caller; nothing for an anonymous one), `none` (unassigned) or a user id. Empty is ignored.',
    },
    read: (value) => (value === 'me' ? { me: true } : value === 'none' ? { none: true } : { userIds: [value] }),
  },
  suggestedCategories: { name: 'suggested_category', schema: category },
  suggestedPriorities: { name: 'suggested_priority', schema: priority },
  suggestionOutcomes: { name: 'suggestion', schema: { type: 'string', enum: SUGGESTION_OUTCOMES } },
  filedCategories: { name: 'filed_category', schema: category },
  filedPriorities: { name: 'filed_priority', schema: priority },
  suggestionConfidenceBands: { name: 'confidence', schema: { type: 'string', enum: CONFIDENCE_BANDS } },
};

/**
 * The list's `ordering` values, DRF OrderingFilter's way (a field, `-` for
 * descending), one per order. Every order has one, so a new order does not compile
 * until it is named here.
 */
export const REST_ORDERINGS: Record<TicketOrder, string> = {
  NEWEST_FIRST: '-created_at',
  OLDEST_FIRST: 'created_at',
  // Not a sort by the text: critical, high, medium, low, each newest first.
  PRIORITY: 'priority',
  RECENTLY_CHANGED: '-updated_at',
};

export const orderingParam = {
  type: 'string',
  enum: Object.values(REST_ORDERINGS),
  default: REST_ORDERINGS[DEFAULT_TICKET_ORDER],
  description:
    '`-created_at` newest first (the default, the original API’s order), `created_at` oldest first, `priority` critical first ' +
    '(then high, medium, low; newest first within each), `-updated_at` last changed first. Ties are broken by id. ' +
    'Any other value is a 400 on `ordering`.',
} as const;

export const filterParams = Object.fromEntries(
  Object.values(REST_FILTER_PARAMS)
    .filter((param) => param !== null)
    .map(({ name, schema }) => [name, { description: 'Exact match. Empty is ignored.', ...schema }]),
);

const writableTicket = {
  title: { type: 'string', maxLength: TICKET_TITLE_MAX, description: 'Trimmed; not blank.' },
  description: { type: 'string', maxLength: TICKET_DESCRIPTION_MAX, description: 'Trimmed; not blank.' },
  category: { ...category, default: 'general' },
  priority: { ...priority, default: 'medium' },
  status: { ...status, default: 'open' },
  assignee: {
    type: ['integer', 'null'],
    description: 'A user id: an active user who has signed up (otherwise a 400 on `assignee`). Null (or an empty form value): nobody.',
  },
};

export const ticketIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', description: 'A ticket id. Anything that cannot be one is a 404.' } },
};

/** DRF's PageNumberPagination parameters (pagination.ts), shared by every paginated list. */
export const pageParams = {
  page: {
    type: 'string',
    pattern: '^([1-9][0-9]*|last)$',
    default: '1',
    description: 'A page number or `last`; out of range is a 404.',
  },
  page_size: {
    type: 'integer',
    minimum: 1,
    maximum: REST_PAGE_SIZE.max,
    default: REST_PAGE_SIZE.default,
    description: `Larger values are clamped to ${REST_PAGE_SIZE.max}.`,
  },
};

export const listTicketsSchema: FastifySchema = {
  tags: TAGS,
  summary: 'List tickets',
  description:
    'Newest first unless `ordering` says otherwise. Filters combine with AND; `search` is case-insensitive over title and description, every ' +
    'whitespace-separated term must match, `%` and `_` are literal. The body is a plain array; pagination is in the ' +
    '`Link` (rel first/prev/next/last) and `X-Total-Count` headers. An invalid `page_size` falls back to the default.',
  querystring: {
    type: 'object',
    properties: {
      ...filterParams,
      search: { type: 'string', maxLength: SEARCH_MAX_LENGTH },
      ordering: orderingParam,
      ...pageParams,
    },
  },
  response: {
    200: {
      description: 'One page of tickets.',
      type: 'array',
      items: ref('Ticket'),
      headers: {
        Link: { type: 'string', description: 'RFC 8288 links to the first, previous, next and last pages.' },
        'X-Total-Count': { type: 'integer', description: 'How many tickets match, over all pages.' },
      },
    },
    400: { ...ref('FieldErrors'), description: 'An invalid filter or `ordering` value.' },
    404: { ...ref('Detail'), description: 'Invalid page.' },
  },
};

export const createTicketSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Create a ticket',
  description:
    '`id`, `created_at` and unknown keys are ignored. To record the suggestion shown, send `suggestion_id` from ' +
    '`/api/tickets/classify/`, or (as the original API did) all three of `suggested_category`, `suggested_priority` and ' +
    '`classification_source` as it answered them. Only a suggestion the server issued for this description within ' +
    `${SUGGESTION_TTL_SECONDS / 3600} hours, not yet used, is recorded; otherwise \`suggestion_ignored\` is true ` +
    '(a `suggestion_id` that is not a UUID, as issued ids are, is a 400 instead). ' +
    `With an \`Idempotency-Key\` header, a retry within ${IDEMPOTENCY_KEY_TTL_SECONDS / 3600} hours answers the first 201 again ` +
    'instead of creating a second ticket; the same key with a different body is a 422.',
  consumes: BODY_TYPES,
  headers: {
    type: 'object',
    properties: {
      'Idempotency-Key': {
        type: 'string',
        minLength: 1,
        maxLength: IDEMPOTENCY_KEY_MAX_LENGTH,
        description: 'Printable ASCII; a new random value (e.g. a UUID) per ticket, reused only to retry that same request.',
      },
    },
  },
  body: {
    type: 'object',
    required: ['title', 'description'],
    properties: {
      ...writableTicket,
      suggestion_id: { type: 'string', format: 'uuid', description: 'The `suggestion_id` classify answered for this description.' },
      suggested_category: category,
      suggested_priority: priority,
      classification_source: { type: 'string', enum: CLASSIFICATION_SOURCES },
    },
  },
  response: {
    201: { ...ref('CreatedTicket'), description: 'The created ticket (or, for a retried Idempotency-Key, the first answer again).' },
    400: { ...ref('FieldErrors'), description: 'Validation failed; nothing was written.' },
    422: { ...ref('Detail'), description: 'The Idempotency-Key was already used with a different body; nothing was written.' },
  },
};

const etagHeader = {
  ETag: { type: 'string', description: "The ticket's `version`, quoted (a strong validator): send it back in `If-Match`." },
};

export const getTicketSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Read a ticket',
  params: ticketIdParams,
  response: {
    200: { ...ref('Ticket'), headers: etagHeader },
    404: ref('Detail'),
  },
};

export const updateTicketSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Update some fields of a ticket',
  description:
    'Any of title, description, category, priority, status. Answers the whole updated ticket. A refused update changes nothing. ' +
    'Each changed field is recorded in the history; a field set to its current value changes nothing (no new version, no event). ' +
    'With `If-Match` (the `ETag` of the ticket as read), the update applies only if nobody changed the ticket since: otherwise 412 ' +
    'and nothing changes. Without it, the last write wins.',
  consumes: BODY_TYPES,
  params: ticketIdParams,
  headers: {
    type: 'object',
    properties: {
      'If-Match': {
        type: 'string',
        description: '`"<version>"` as the ETag gave it (or a list of them), or `*` for any version. Malformed is a 400.',
      },
    },
  },
  body: { type: 'object', properties: writableTicket },
  response: {
    200: { ...ref('Ticket'), description: 'The updated ticket.', headers: etagHeader },
    400: { ...ref('FieldErrors'), description: 'Validation failed (or, as `{"detail": …}`, a malformed If-Match); nothing was changed.' },
    404: ref('Detail'),
    412: { ...ref('Detail'), description: 'The ticket changed since the ETag in If-Match; nothing was changed.' },
  },
};

const idsAtFault = {
  type: 'object',
  description: 'The failing tickets, by their index in `ids`.',
  additionalProperties: { type: 'array', items: { type: 'string' } },
} as const;

export const bulkUpdateTicketsSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Update many tickets',
  description:
    `Sets any of status, priority, category and assignee on up to ${BULK_UPDATE_MAX_TICKETS} tickets in one transaction; each changed ticket ` +
    'gets a new version and the same history events as a PATCH of it. All or nothing: an unknown ticket (404) or a stale version ' +
    '(412) changes nothing, and `ids` names each failing ticket by its index.',
  consumes: ['application/json'],
  body: {
    type: 'object',
    required: ['ids'],
    properties: {
      ids: {
        type: 'array',
        items: { type: 'integer' },
        maxItems: BULK_UPDATE_MAX_TICKETS,
        description: 'The tickets; repeats count once.',
      },
      category,
      priority,
      status,
      assignee: writableTicket.assignee,
      versions: {
        type: 'object',
        description: 'For any of the tickets, `{"<id>": version}`: the version (its ETag) the change is based on.',
        additionalProperties: { type: 'integer', minimum: 1 },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['results'],
      properties: { results: { type: 'array', items: ref('Ticket'), description: 'The tickets in the order of `ids`.' } },
    },
    400: { ...ref('FieldErrors'), description: 'Validation failed; nothing was changed.' },
    404: {
      type: 'object',
      required: ['detail', 'ids'],
      properties: { detail: { type: 'string' }, ids: idsAtFault },
      description: 'Some tickets do not exist; nothing was changed.',
    },
    412: {
      type: 'object',
      required: ['detail', 'ids'],
      properties: { detail: { type: 'string' }, ids: idsAtFault },
      description: 'Some tickets changed since the versions given; nothing was changed.',
    },
  },
};

export const ticketHistorySchema: FastifySchema = {
  tags: TAGS,
  summary: "A ticket's history",
  description:
    'Oldest first: the creation, then one event per changed field or note added. Paginated as the ticket list is: a plain array, ' +
    'with `page`/`page_size` and the `Link` and `X-Total-Count` headers.',
  params: ticketIdParams,
  querystring: {
    type: 'object',
    properties: pageParams,
  },
  response: {
    200: {
      description: 'One page of events.',
      type: 'array',
      items: ref('TicketEvent'),
      headers: {
        Link: { type: 'string', description: 'RFC 8288 links to the first, previous, next and last pages.' },
        'X-Total-Count': { type: 'integer', description: 'How many events the ticket has.' },
      },
    },
    404: { ...ref('Detail'), description: 'No such ticket, or invalid page.' },
  },
};

export const ticketStatsSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Ticket statistics',
  description:
    'Computed by the database, over all tickets or those matching the filters. "Open" counts open and in-progress ' +
    'tickets; the average is per UTC calendar day from the first ticket through today. Same figures as GraphQL `stats`.',
  querystring: { type: 'object', properties: filterParams },
  response: {
    200: {
      type: 'object',
      required: [
        'total_tickets',
        'open_tickets',
        'avg_tickets_per_day',
        'priority_breakdown',
        'category_breakdown',
        'status_breakdown',
        'suggestion_acceptance',
        'active_by_assignee',
      ],
      properties: {
        total_tickets: { type: 'integer' },
        open_tickets: { type: 'integer' },
        avg_tickets_per_day: { type: 'number' },
        priority_breakdown: counts(TICKET_PRIORITIES),
        category_breakdown: counts(TICKET_CATEGORIES),
        status_breakdown: counts(TICKET_STATUSES),
        suggestion_acceptance: {
          type: 'object',
          required: ['suggested', 'accepted', 'overridden', 'acceptance_rate', 'by_category'],
          properties: {
            ...(SHARED_SCHEMAS.find((schema) => schema.$id === 'AcceptanceFigures')!.properties as Record<string, unknown>),
            by_category: {
              type: 'object',
              required: TICKET_CATEGORIES,
              properties: Object.fromEntries(TICKET_CATEGORIES.map((c) => [c, ref('AcceptanceFigures')])),
            },
          },
        },
        active_by_assignee: {
          type: 'array',
          maxItems: ACTIVE_BY_ASSIGNEE_MAX,
          description: `Open and in-progress tickets per assignee, biggest first: the ${ACTIVE_BY_ASSIGNEE_MAX} biggest groups. A null assignee counts the unassigned.`,
          items: {
            type: 'object',
            required: ['assignee', 'count'],
            properties: {
              assignee: {
                type: ['object', 'null'],
                required: ['id', 'name'],
                properties: { id: { type: 'integer' }, name: { type: 'string', description: "The person's display name." } },
              },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
    400: { ...ref('FieldErrors'), description: 'An invalid filter value.' },
  },
};

export const classifySchema: FastifySchema = {
  tags: TAGS,
  summary: 'Suggest a category and priority for a description',
  description:
    'Asks Gemini when configured; falls back to an offline classifier, then to general/medium, so it never fails ' +
    'because the AI does. Send `suggestion_id` back when creating the ticket with this description.',
  consumes: BODY_TYPES,
  body: {
    type: 'object',
    required: ['description'],
    properties: { description: writableTicket.description },
  },
  response: {
    200: {
      type: 'object',
      required: ['suggested_category', 'suggested_priority', 'source', 'reason', 'suggestion_id', 'confidence'],
      properties: {
        suggested_category: category,
        suggested_priority: priority,
        source: { type: 'string', enum: CLASSIFICATION_SOURCES },
        reason: {
          type: ['string', 'null'],
          description: 'What drove the answer: the team’s words and keyword cues, Gemini’s sentence, or the similar tickets it was shown.',
        },
        suggestion_id: {
          type: 'string',
          format: 'uuid',
          description: `This answer as the server recorded it, for one ticket with this description within ${SUGGESTION_TTL_SECONDS / 3600} hours.`,
        },
        confidence: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          description: 'How sure the server is that both the category and the priority will be kept (0–1).',
        },
      },
    },
    400: { ...ref('FieldErrors'), description: 'The description is missing, blank or too long.' },
  },
};
