// Numbered pages as Django REST Framework's PageNumberPagination reads them (`page`,
// `page_size`), announced in headers (`Link`, `X-Total-Count`) so the body can stay
// the plain JSON array that existing clients of the Django API expect.
import { REST_PAGE_SIZE } from '../tickets/ticket-query.js';
import { TICKET_ID_MAX } from '../tickets/ticket.enums.js';
import { RestError } from './rest.errors.js';

export const INVALID_PAGE_DETAIL = 'Invalid page.';
/** DRF's `last_page_strings`: `?page=last` is the last page. */
export const LAST_PAGE = 'last';

// Ids are 32-bit, so no page can start beyond this row; refusing earlier also keeps
// the OFFSET far from bigint overflow.
const MAX_ROWS = TICKET_ID_MAX;

/** Python's `int()` on a query parameter: surrounding spaces and a sign are fine. */
function pythonInt(raw: string): number | null {
  return /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw.trim()) : null;
}

/**
 * DRF's `get_page_size` with `max_page_size`: anything that is not a positive whole
 * number falls back to the default (never an error), and larger sizes are clamped.
 */
export function parsePageSize(raw: string | undefined): number {
  if (raw === undefined) return REST_PAGE_SIZE.default;
  const size = pythonInt(raw);
  if (size === null || size < 1) return REST_PAGE_SIZE.default;
  return Math.min(size, REST_PAGE_SIZE.max);
}

export function invalidPage(): RestError {
  return new RestError(404, INVALID_PAGE_DETAIL);
}

/** The requested page: a positive number or `last`; anything else is DRF's 404 "Invalid page.". */
export function parsePageNumber(raw: string | undefined, pageSize: number): number | typeof LAST_PAGE {
  if (raw === undefined) return 1;
  if (raw === LAST_PAGE) return LAST_PAGE;
  const page = pythonInt(raw);
  if (page === null || page < 1 || (page - 1) * pageSize >= MAX_ROWS) throw invalidPage();
  return page;
}

export function lastPageOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export interface PageLinks {
  /** The request's URL without its query string: absolute when the host is sane, else a path. */
  base: string;
  /** The request's query string, raw (without `?`). */
  query: string;
  page: number;
  hasNext: boolean;
  /** Null when the count was capped and the last page is not known. */
  lastPage: number | null;
}

function pageUrl({ base, query }: PageLinks, page: number): string {
  const params = new URLSearchParams(query);
  // Like DRF, page 1 is the URL without `page`; every other parameter is kept.
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  const qs = params.toString();
  return qs === '' ? base : `${base}?${qs}`;
}

/** An RFC 8288 `Link` header value with `first`, `prev`, `next` and (when known) `last`. */
export function linkHeader(links: PageLinks): string {
  const rels: [string, number][] = [['first', 1]];
  if (links.page > 1) rels.push(['prev', links.page - 1]);
  if (links.hasNext) rels.push(['next', links.page + 1]);
  if (links.lastPage !== null) rels.push(['last', links.lastPage]);
  return rels.map(([rel, page]) => `<${pageUrl(links, page)}>; rel="${rel}"`).join(', ');
}
