// JSON Schemas of the saved views' REST routes (the OpenAPI document and the response
// serializer), and how a view's filter is spelled over REST: snake_case keys and the
// stored lowercase values, as tickets are. Limits come from the service's constants.
import type { FastifySchema } from 'fastify';
import { CONFIDENCE_BANDS, SUGGESTION_OUTCOMES, TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/ticket.enums.js';
import { ASSIGNEE_FILTER_IDS_MAX, SEARCH_MAX_LENGTH, type TicketFilterField } from '../tickets/ticket-query.js';
import { SAVED_VIEW_NAME_MAX, SAVED_VIEWS_MAX } from '../views/saved-view.validation.js';
import { orderingParam, ref } from './ticket.schemas.js';

const VIEW_TAGS = ['views'];

/** Each filter field's key in a REST view's `filter`. Every field has one, so a new field does not compile until it is named. */
export const REST_VIEW_FILTER_KEYS: Record<TicketFilterField, string> = {
  categories: 'categories',
  priorities: 'priorities',
  statuses: 'statuses',
  createdAfter: 'created_after',
  createdBefore: 'created_before',
  assignee: 'assignee',
  suggestedCategories: 'suggested_categories',
  suggestedPriorities: 'suggested_priorities',
  suggestionOutcomes: 'suggestion_outcomes',
  filedCategories: 'filed_categories',
  filedPriorities: 'filed_priorities',
  suggestionConfidenceBands: 'confidence_bands',
};

const choices = (values: readonly string[], description: string) => ({
  type: 'array',
  items: { type: 'string', enum: values },
  uniqueItems: true,
  description,
});
const dateTime = { type: 'string', format: 'date-time' } as const;

const FILTER_PROPERTIES: Record<TicketFilterField, object> = {
  categories: choices(TICKET_CATEGORIES, 'Any of these categories.'),
  priorities: choices(TICKET_PRIORITIES, 'Any of these priorities.'),
  statuses: choices(TICKET_STATUSES, 'Any of these statuses.'),
  createdAfter: { ...dateTime, description: 'Created at or after this instant.' },
  createdBefore: { ...dateTime, description: 'Created strictly before this instant.' },
  assignee: {
    type: 'object',
    description: 'Whose tickets: any of the parts given (at least one). `me` is whoever lists the view.',
    properties: {
      me: { type: 'boolean', default: false },
      none: { type: 'boolean', default: false, description: 'Assigned to nobody.' },
      user_ids: { type: 'array', items: { type: 'integer' }, maxItems: ASSIGNEE_FILTER_IDS_MAX },
    },
  },
  suggestedCategories: choices(TICKET_CATEGORIES, 'The classifier suggested any of these categories.'),
  suggestedPriorities: choices(TICKET_PRIORITIES, 'The classifier suggested any of these priorities.'),
  suggestionOutcomes: choices(SUGGESTION_OUTCOMES, 'The suggestion fared any of these ways.'),
  filedCategories: choices(TICKET_CATEGORIES, 'Saved in any of these categories when a suggestion was shown.'),
  filedPriorities: choices(TICKET_PRIORITIES, 'Saved with any of these priorities when a suggestion was shown.'),
  suggestionConfidenceBands: choices(CONFIDENCE_BANDS, "The suggestion's confidence fell in any of these bands."),
};

const viewFilter = {
  type: 'object',
  description:
    'What the list is narrowed to: only the keys that narrow it. Values within a key are ORed, keys are ANDed, as on the ticket list; ' +
    'the ticket list’s rules check them (an unknown value is a 400 under `filter`).',
  properties: Object.fromEntries(
    Object.entries(FILTER_PROPERTIES).map(([field, schema]) => [REST_VIEW_FILTER_KEYS[field as TicketFilterField], schema]),
  ),
};

const viewName = {
  type: 'string',
  maxLength: SAVED_VIEW_NAME_MAX,
  description: 'Trimmed; not blank; unique among your views, case aside.',
};
const viewSearch = { type: ['string', 'null'], maxLength: SEARCH_MAX_LENGTH, description: 'As the list’s `search`; null or blank: none.' };
const viewOrdering = { ...orderingParam, description: 'As the list’s `ordering`. ' + orderingParam.description };

export const SAVED_VIEW_SCHEMA = {
  $id: 'SavedView',
  type: 'object',
  description: 'A ticket list saved under a name: its filter, search and ordering. Only its owner sees it.',
  required: ['id', 'name', 'filter', 'search', 'ordering', 'created_at', 'updated_at'],
  properties: {
    id: { type: 'integer', readOnly: true },
    name: viewName,
    filter: viewFilter,
    search: viewSearch,
    ordering: viewOrdering,
    created_at: { ...dateTime, readOnly: true },
    updated_at: { ...dateTime, readOnly: true, description: 'When it was last renamed or changed.' },
  },
} as const;

const viewRef = { $ref: 'SavedView#' };

const viewIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', description: 'One of your views. Anything else (another person’s view included) is a 404.' } },
};

const WHO =
  'Your own views only: a signed-in session’s, or those of the user an API token acts for (reading needs `tickets:read`, ' +
  'changing `tickets:write`). A caller who is no user (anonymous access) is a 401.';

export const listSavedViewsSchema: FastifySchema = {
  tags: VIEW_TAGS,
  summary: 'Your saved views',
  description: `In the order they were saved (at most ${SAVED_VIEWS_MAX}; not paginated). ${WHO}`,
  response: { 200: { type: 'array', items: viewRef, maxItems: SAVED_VIEWS_MAX } },
};

export const createSavedViewSchema: FastifySchema = {
  tags: VIEW_TAGS,
  summary: 'Save a view',
  description: `At most ${SAVED_VIEWS_MAX} views a person. ${WHO}`,
  consumes: ['application/json'],
  body: {
    type: 'object',
    required: ['name'],
    properties: { name: viewName, filter: viewFilter, search: viewSearch, ordering: viewOrdering },
  },
  response: {
    201: { ...viewRef, description: 'The view saved.' },
    400: {
      ...ref('FieldErrors'),
      description:
        'Validation failed (a filter field’s messages nest under `filter`), the name is taken, or the limit is reached; nothing was saved.',
    },
  },
};

export const getSavedViewSchema: FastifySchema = {
  tags: VIEW_TAGS,
  summary: 'One of your views',
  description: WHO,
  params: viewIdParams,
  response: { 200: viewRef, 404: ref('Detail') },
};

export const updateSavedViewSchema: FastifySchema = {
  tags: VIEW_TAGS,
  summary: 'Rename a view, or change what it shows',
  description: `Only the keys given change; \`filter\` replaces the whole filter (null: none). ${WHO}`,
  consumes: ['application/json'],
  params: viewIdParams,
  body: {
    type: 'object',
    properties: { name: viewName, filter: { ...viewFilter, type: ['object', 'null'] }, search: viewSearch, ordering: viewOrdering },
  },
  response: {
    200: { ...viewRef, description: 'The view as changed.' },
    400: { ...ref('FieldErrors'), description: 'Validation failed; nothing was changed.' },
    404: ref('Detail'),
  },
};

export const deleteSavedViewSchema: FastifySchema = {
  tags: VIEW_TAGS,
  summary: 'Delete a view',
  description: WHO,
  params: viewIdParams,
  response: { 204: { description: 'Deleted.', type: 'null' }, 404: ref('Detail') },
};
