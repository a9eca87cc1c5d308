// Bulk changes: status, priority, category or assignee of many tickets at once. Each
// ticket goes through the single update's own path (applyUpdate: the version check,
// the write, its events), all in one transaction: every ticket changes, or none does.
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { lockTicketCounters, lockTicketsInIdOrder } from './ticket-bulk.repository.js';
import { TicketError, type TicketIssue } from './ticket.errors.js';
import { applyUpdate, validateWithAssignee, type TicketRow } from './ticket.service.js';
import { parseTicketId, validateExpectedVersion, validateUpdateTicket, type ValidUpdateTicket } from './ticket.validation.js';

/** Most tickets one bulk update changes (GraphQL `ids`, REST `ids`); more is refused. */
export const BULK_UPDATE_MAX_TICKETS = 500;

/** What a bulk update may change, as a client sent it, and the versions it is based on. */
export interface BulkUpdateTicketsRequest {
  category?: unknown;
  priority?: unknown;
  status?: unknown;
  /** A user id; null unassigns; omitted keeps each ticket's assignee. */
  assigneeId?: unknown;
  /** `[{id, version}]`: for the tickets listed, the version the change is based on (a stale one is a CONFLICT). */
  expectedVersions?: unknown;
}

interface ValidBulkUpdate {
  /** `ids` as given, each parsed; null for one that cannot be a ticket id (not found). */
  ids: (number | null)[];
  patch: ValidUpdateTicket;
  expected: Map<number, number[]>;
}

const IDS_FIELD = 'ids';
const VERSIONS_FIELD = 'expectedVersions';

function validateBulk(rawIds: unknown, input: BulkUpdateTicketsRequest): ValidBulkUpdate {
  const issues: TicketIssue[] = [];
  let ids: (number | null)[] = [];
  if (rawIds === undefined || rawIds === null) {
    issues.push({ field: IDS_FIELD, code: rawIds === null ? 'NULL' : 'REQUIRED', message: 'This field is required.' });
  } else if (!Array.isArray(rawIds)) {
    issues.push({ field: IDS_FIELD, code: 'INVALID_TYPE', message: 'Expected a list of items.' });
  } else if (rawIds.length > BULK_UPDATE_MAX_TICKETS) {
    issues.push({ field: IDS_FIELD, code: 'TOO_LONG', message: `Ensure this field has no more than ${BULK_UPDATE_MAX_TICKETS} elements.` });
  } else {
    ids = rawIds.map(parseTicketId);
  }
  let patch: ValidUpdateTicket = {};
  try {
    patch = validateUpdateTicket({
      category: input.category,
      priority: input.priority,
      status: input.status,
      assigneeId: input.assigneeId,
    });
  } catch (error) {
    if (!(error instanceof TicketError)) throw error;
    issues.push(...error.issues);
  }
  const expected = validateExpectedVersions(issues, input.expectedVersions, new Set(ids));
  if (issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
  return { ids, patch, expected };
}

function validateExpectedVersions(issues: TicketIssue[], value: unknown, ids: ReadonlySet<number | null>): Map<number, number[]> {
  const expected = new Map<number, number[]>();
  if (value === undefined || value === null) return expected;
  if (!Array.isArray(value)) {
    issues.push({ field: VERSIONS_FIELD, code: 'INVALID_TYPE', message: 'Expected a list of items.' });
    return expected;
  }
  value.forEach((entry: unknown, i) => {
    const { id: rawId, version: rawVersion } = (entry ?? {}) as { id?: unknown; version?: unknown };
    const id = parseTicketId(rawId);
    if (id === null || !ids.has(id)) {
      issues.push({ field: `${VERSIONS_FIELD}.${i}.id`, code: 'INVALID', message: 'Not one of the tickets in `ids`.' });
    }
    const versions = validateExpectedVersion(issues, `${VERSIONS_FIELD}.${i}.version`, rawVersion ?? undefined);
    if (rawVersion === undefined || rawVersion === null) {
      issues.push({ field: `${VERSIONS_FIELD}.${i}.version`, code: 'REQUIRED', message: 'This field is required.' });
    }
    // Several versions for one ticket: any of them will do, as with If-Match.
    if (id !== null && versions) expected.set(id, [...(expected.get(id) ?? []), ...versions]);
  });
  return expected;
}

/**
 * Applies the change to every ticket of `ids` (repeats count once), in one transaction.
 * Returns the tickets in the order of `ids`. An unknown ticket (NOT_FOUND) or a stale
 * expected version (CONFLICT) changes nothing: the error names each such ticket as
 * `ids.<index>`.
 */
export async function bulkUpdateTickets(db: Db, actor: Actor, rawIds: unknown, input: BulkUpdateTicketsRequest): Promise<TicketRow[]> {
  const { ids, patch, expected } = await validateWithAssignee(db, input.assigneeId, () => validateBulk(rawIds, input));
  const unique = [...new Set(ids.filter((id): id is number => id !== null))].sort((a, b) => a - b);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const found = new Set(await lockTicketsInIdOrder(tx, unique));
    if (found.size > 0) await lockTicketCounters(tx);
    const failed = new Map<number, TicketError>();
    const updated = new Map<number, TicketRow>();
    // In id order, as locked: each ticket as one update would change it.
    for (const id of unique) {
      if (!found.has(id)) {
        failed.set(id, TicketError.notFound());
        continue;
      }
      try {
        updated.set(id, await applyUpdate(tx, actor, id, patch, expected.get(id)));
      } catch (error) {
        if (!(error instanceof TicketError)) throw error;
        failed.set(id, error);
      }
    }
    if (failed.size > 0 || ids.includes(null)) throw bulkFailure(ids, failed);
    return ids.map((id) => updated.get(id!)!);
  });
}

/** One issue per failing entry of `ids`; NOT_FOUND when any ticket is unknown, CONFLICT otherwise. Rolls the whole change back. */
function bulkFailure(ids: readonly (number | null)[], failed: ReadonlyMap<number, TicketError>): TicketError {
  const issues: TicketIssue[] = [];
  ids.forEach((id, index) => {
    const error = id === null ? TicketError.notFound() : failed.get(id);
    const issue = error?.issues[0];
    if (issue) issues.push({ ...issue, field: `${IDS_FIELD}.${index}` });
  });
  return new TicketError(issues.some((i) => i.code === 'NOT_FOUND') ? 'NOT_FOUND' : 'CONFLICT', issues);
}
