// A ticket's version as HTTP states it: a strong `ETag` ("<version>") on the answers
// that show a ticket, and `If-Match` on PATCH (RFC 9110 §8.8.3, §13.1.1), turned into
// the `expectedVersion` the service checks in the same transaction as the write.
import { TICKET_ID_MAX } from '../tickets/ticket.enums.js';
import { RestError } from './rest.errors.js';

/** A strong validator: the version changes with every write, so equal tags mean equal tickets. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

// One entity-tag: optionally weak, then a quoted string of etagc (RFC 9110 §8.8.3).
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;
const VERSION = /^[1-9][0-9]{0,9}$/;

const MALFORMED_IF_MATCH_DETAIL = 'Malformed If-Match header: send "*" or the ETag of the ticket, e.g. If-Match: "3".';

/**
 * The versions `If-Match` accepts: undefined when absent or `*` (any existing ticket:
 * the update needs one anyway), otherwise the versions of its strong entity-tags. A
 * weak tag, or a tag that is not one of ours, can never match (strong comparison), so
 * it adds none; a list left empty fails against every version. Malformed is a 400.
 */
export function parseIfMatch(header: string | string[] | undefined): number[] | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return undefined;
  const tags = value.split(',').map((part) => part.trim());
  const versions: number[] = [];
  for (const tag of tags) {
    const match = ENTITY_TAG.exec(tag);
    if (!match) throw new RestError(400, MALFORMED_IF_MATCH_DETAIL);
    const [, weak, opaque] = match;
    // Versions are `integer`s, as ids are: a larger number is no version of ours.
    if (weak === undefined && VERSION.test(opaque!) && Number(opaque) <= TICKET_ID_MAX) versions.push(Number(opaque));
  }
  return versions;
}
