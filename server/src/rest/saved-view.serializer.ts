// Saved views as REST shows them (snake_case keys, stored lowercase values, the
// list's `ordering` names), and request bodies unpacked into the service's input.
// No rule lives here: the service validates, with the ticket list's rules.
import type { TicketFilterField } from '../tickets/ticket-query.js';
import type { SavedViewRow } from '../views/saved-view.service.js';
import type { SavedViewIssue } from '../views/saved-view.errors.js';
import type { NewSavedViewRequest, SavedFilter, SavedFilterValues } from '../views/saved-view.validation.js';
import { REST_VIEW_FILTER_KEYS } from './saved-view.schemas.js';
import { REST_ORDERINGS } from './ticket.schemas.js';
import { toTicketOrder } from './ticket.serializer.js';

export interface RestSavedView {
  id: number;
  name: string;
  filter: Record<string, unknown>;
  search: string | null;
  ordering: string;
  created_at: string;
  updated_at: string;
}

const FILTER_FIELDS = Object.keys(REST_VIEW_FILTER_KEYS) as TicketFilterField[];

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A stored value as REST shows it: the assignee's ids under `user_ids`; the rest as stored. */
function restFilterValue(field: TicketFilterField, value: SavedFilterValues[TicketFilterField]): unknown {
  if (field !== 'assignee') return value;
  const { me, none, userIds } = value as SavedFilterValues['assignee'];
  return { me, none, user_ids: userIds };
}

function toRestFilter(filter: SavedFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined) out[REST_VIEW_FILTER_KEYS[field]] = restFilterValue(field, value);
  }
  return out;
}

export function toRestSavedView(row: SavedViewRow): RestSavedView {
  return {
    id: row.id,
    name: row.name,
    filter: toRestFilter(row.query.filter),
    search: row.query.search,
    ordering: REST_ORDERINGS[row.query.orderBy],
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A REST filter value as the list's rules take it: instants as dates, the assignee's `user_ids` as `userIds`; anything else passed on to be refused. */
function filterRequestValue(field: TicketFilterField, value: unknown): unknown {
  if ((field === 'createdAfter' || field === 'createdBefore') && typeof value === 'string') return new Date(value);
  if (field === 'assignee' && isMapping(value)) return { me: value.me, none: value.none, userIds: value.user_ids };
  return value;
}

function toFilterRequest(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FILTER_FIELDS) {
    const value = filter[REST_VIEW_FILTER_KEYS[field]];
    if (value !== undefined) out[field] = filterRequestValue(field, value);
  }
  return out;
}

/** A body's fields as the service takes them; keys not given stay undefined (unchanged, on a PATCH). */
export function toSavedViewRequest(fields: Record<string, unknown>): NewSavedViewRequest {
  const { filter, ordering } = fields;
  return {
    name: fields.name,
    search: fields.search,
    filter: isMapping(filter) ? toFilterRequest(filter) : filter,
    orderBy: ordering === undefined ? undefined : toTicketOrder(ordering),
  };
}

/** An issue under its REST name: a filter field's by its key in `filter` (`filter.created_after`). */
export function toRestViewIssue(issue: SavedViewIssue): SavedViewIssue {
  const match = /^filter\.(\w+)(.*)$/.exec(issue.field ?? '');
  if (!match) return issue;
  const key = REST_VIEW_FILTER_KEYS[match[1] as TicketFilterField] ?? match[1];
  return { ...issue, field: `filter.${key}${match[2]}` };
}
