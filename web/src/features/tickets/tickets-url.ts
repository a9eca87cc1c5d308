// The tickets view's state in the URL (?category=BILLING&status=OPEN&q=refund), so a
// view can be shared and survives a reload. Unknown values in a hand-edited URL are
// dropped rather than sent to the server.
import type { TicketCategory, TicketFilter, TicketPriority, TicketStatus } from '../../gql/graphql.js';
import { clipCharacters } from '../../common/characters.js';
import { TICKET_SEARCH_MAX } from '../../gql/limits.js';
import { CATEGORIES, isCategory, isPriority, isStatus, PRIORITIES, STATUSES } from './ticket-enums.js';

export interface TicketsView {
  categories: TicketCategory[];
  priorities: TicketPriority[];
  statuses: TicketStatus[];
  search: string;
}

function pick<T extends string>(params: URLSearchParams, name: string, guard: (v: string) => v is T, order: readonly T[]): T[] {
  const chosen = new Set(params.getAll(name).filter(guard));
  return order.filter((value) => chosen.has(value));
}

export function readTicketsView(params: URLSearchParams): TicketsView {
  return {
    categories: pick(params, 'category', isCategory, CATEGORIES),
    priorities: pick(params, 'priority', isPriority, PRIORITIES),
    statuses: pick(params, 'status', isStatus, STATUSES),
    search: clipCharacters(params.get('q') ?? '', TICKET_SEARCH_MAX),
  };
}

export function writeTicketsView(view: TicketsView): URLSearchParams {
  const params = new URLSearchParams();
  for (const c of view.categories) params.append('category', c);
  for (const p of view.priorities) params.append('priority', p);
  for (const s of view.statuses) params.append('status', s);
  if (view.search.trim() !== '') params.set('q', view.search);
  return params;
}

export function toTicketFilter(view: TicketsView): TicketFilter | null {
  const filter: TicketFilter = {};
  if (view.categories.length) filter.categories = view.categories;
  if (view.priorities.length) filter.priorities = view.priorities;
  if (view.statuses.length) filter.statuses = view.statuses;
  return Object.keys(filter).length ? filter : null;
}

export function isFiltered(view: TicketsView): boolean {
  return view.categories.length + view.priorities.length + view.statuses.length > 0 || view.search.trim() !== '';
}
