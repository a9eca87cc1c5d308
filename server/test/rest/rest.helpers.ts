// Small helpers for the REST shim's tests: the contract's key order and Link parsing.
const CONTRACT_KEYS = ['id', 'title', 'description', 'category', 'priority', 'status', 'created_at'];
const EXTRA_KEYS = [
  'updated_at',
  'resolved_at',
  'suggested_category',
  'suggested_priority',
  'classification_source',
  'created_by',
  'updated_by',
  'version',
  'assignee',
];
export const TICKET_KEYS = [...CONTRACT_KEYS, ...EXTRA_KEYS];

/** `created_at` as the contract shows it: UTC, milliseconds, `Z`. */
export const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An RFC 8288 Link header as `{ rel: url }`. */
export function parseLinks(header: string | string[] | number | undefined): Record<string, string> {
  if (typeof header !== 'string') return {};
  const links: Record<string, string> = {};
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (!match) throw new Error(`malformed Link part: ${part}`);
    links[match[2]!] = match[1]!;
  }
  return links;
}

/** The query of a link as a plain object, for asserting which parameters it keeps. */
export function linkQuery(url: string | undefined): Record<string, string> {
  if (url === undefined) throw new Error('no such link');
  return Object.fromEntries(new URL(url, 'http://placeholder').searchParams);
}
