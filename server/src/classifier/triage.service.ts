// How good triage is, for the dashboard: over the tickets created with a suggestion in
// the last `days` days, how many kept it (both fields, and each field on its own), by
// confidence band, per category and per priority, and what agents chose instead (the
// override matrices). A suggestion is judged by what the agent saved when creating the
// ticket (tickets.filed_category / filed_priority): an escalation a day later is
// history, not an override, as in the acceptance statistics.
import type { Db } from '../db/client.js';
import {
  CONFIDENCE_BAND_RANGES,
  CONFIDENCE_BANDS,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  type ConfidenceBand,
  type TicketCategory,
  type TicketPriority,
} from '../tickets/ticket.enums.js';
import { TicketError } from '../tickets/ticket.errors.js';
import { validateTicketQuery, type TicketFilterRequest, type TicketQuery } from '../tickets/ticket-query.js';
import { ticketConditions } from '../tickets/ticket.repository.js';
import { selectTriageGroups, type TriageGroupRow } from './triage.repository.js';

export const TRIAGE_DAYS_DEFAULT = 30;
export const TRIAGE_DAYS_MAX = 366;

export interface Acceptance {
  suggested: number;
  accepted: number;
}

export interface TriageReport {
  days: number;
  since: Date;
  /** Both fields kept. */
  overall: Acceptance;
  byConfidence: ({ band: ConfidenceBand; from: number; to: number } & Acceptance)[];
  /** Per suggested category: how many kept that category. */
  byCategory: ({ category: TicketCategory } & Acceptance)[];
  /** Per suggested priority: how many kept that priority. */
  byPriority: ({ priority: TicketPriority } & Acceptance)[];
  /** Suggested -> chosen, only where they differ and tickets exist. */
  categoryOverrides: { suggested: TicketCategory; chosen: TicketCategory; count: number }[];
  priorityOverrides: { suggested: TicketPriority; chosen: TicketPriority; count: number }[];
}

function validateDays(raw: unknown): number {
  const days = raw ?? TRIAGE_DAYS_DEFAULT;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > TRIAGE_DAYS_MAX) {
    throw new TicketError('VALIDATION_FAILED', [
      { field: 'days', code: 'OUT_OF_RANGE', message: `Ensure this value is between 1 and ${TRIAGE_DAYS_MAX}.` },
    ]);
  }
  return days;
}

function matrix<L extends string>(
  rows: readonly TriageGroupRow[],
  labels: readonly L[],
  suggested: (r: TriageGroupRow) => L,
  chosen: (r: TriageGroupRow) => L,
): { acceptance: ({ label: L } & Acceptance)[]; overrides: { suggested: L; chosen: L; count: number }[] } {
  const cells = new Map<string, number>();
  for (const r of rows) cells.set(`${suggested(r)}>${chosen(r)}`, (cells.get(`${suggested(r)}>${chosen(r)}`) ?? 0) + r.count);
  const cell = (s: L, c: L) => cells.get(`${s}>${c}`) ?? 0;
  return {
    acceptance: labels.map((label) => ({
      label,
      suggested: labels.reduce((sum, c) => sum + cell(label, c), 0),
      accepted: cell(label, label),
    })),
    overrides: labels.flatMap((s) =>
      labels.filter((c) => c !== s && cell(s, c) > 0).map((c) => ({ suggested: s, chosen: c, count: cell(s, c) })),
    ),
  };
}

/**
 * The report over the last `days` days (1–366, default 30) of the tickets a filter
 * selects: a request's (REST), or one already validated (GraphQL `stats(filter)`).
 */
export async function getTriageReport(
  db: Db,
  scope: { filter: TicketFilterRequest | null | undefined } | { query: TicketQuery },
  rawDays?: unknown,
): Promise<TriageReport> {
  const days = validateDays(rawDays);
  const query = 'query' in scope ? scope.query : validateTicketQuery(scope.filter, null);
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const rows = await selectTriageGroups(db, {
    sinceIso: since.toISOString(),
    conditions: ticketConditions(query),
    bandLowerBounds: CONFIDENCE_BANDS.map((band) => CONFIDENCE_BAND_RANGES[band].from),
  });
  const kept = (r: TriageGroupRow) => r.category === r.suggestedCategory && r.priority === r.suggestedPriority;
  const acceptance = (subset: readonly TriageGroupRow[]): Acceptance => ({
    suggested: subset.reduce((sum, r) => sum + r.count, 0),
    accepted: subset.filter(kept).reduce((sum, r) => sum + r.count, 0),
  });
  const categories = matrix(
    rows,
    TICKET_CATEGORIES,
    (r) => r.suggestedCategory,
    (r) => r.category,
  );
  const priorities = matrix(
    rows,
    TICKET_PRIORITIES,
    (r) => r.suggestedPriority,
    (r) => r.priority,
  );
  return {
    days,
    since,
    overall: acceptance(rows),
    byConfidence: CONFIDENCE_BANDS.map((band, i) => ({
      band,
      ...CONFIDENCE_BAND_RANGES[band],
      ...acceptance(rows.filter((r) => r.band === i)),
    })),
    byCategory: categories.acceptance.map(({ label, ...a }) => ({ category: label, ...a })),
    byPriority: priorities.acceptance.map(({ label, ...a }) => ({ priority: label, ...a })),
    categoryOverrides: categories.overrides,
    priorityOverrides: priorities.overrides,
  };
}
