// SQL of the triage report: one aggregate over the tickets created with a suggestion
// in the window, grouped by what was suggested, what the agent saved the ticket with
// (the filed values: a later edit is history, not an override), and the suggestion's
// confidence band. At
// most 4 x 4 x 4 x 4 x bands rows come back, whatever the number of tickets; the window
// is read through the created_at index.
import { and, gte, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema.js';
import type { TicketCategory, TicketPriority } from '../tickets/ticket.enums.js';

export interface TriageGroupRow {
  suggestedCategory: TicketCategory;
  category: TicketCategory;
  suggestedPriority: TicketPriority;
  priority: TicketPriority;
  /** Index into the band lower bounds, or null when the suggestion has no recorded confidence. */
  band: number | null;
  count: number;
}

/**
 * `bandLowerBounds` ascending, starting at 0: a confidence falls in the last band whose
 * lower bound it reaches.
 */
export async function selectTriageGroups(
  db: Db,
  params: { sinceIso: string; conditions: SQL | undefined; bandLowerBounds: readonly number[] },
): Promise<TriageGroupRow[]> {
  const bounds = sql.raw(`array[${params.bandLowerBounds.map((b) => b.toFixed(4)).join(', ')}]::float8[]`);
  const band = sql<number | null>`width_bucket(${tickets.suggestionConfidence}::float8, ${bounds}) - 1`;
  const rows = await db
    .select({
      suggestedCategory: tickets.suggestedCategory,
      category: tickets.filedCategory,
      suggestedPriority: tickets.suggestedPriority,
      priority: tickets.filedPriority,
      band,
      count: sql<number>`count(*)::int`,
    })
    .from(tickets)
    .where(and(gte(tickets.createdAt, sql`${params.sinceIso}::timestamptz`), isNotNull(tickets.suggestedCategory), params.conditions))
    .groupBy(tickets.suggestedCategory, tickets.filedCategory, tickets.suggestedPriority, tickets.filedPriority, band);
  return rows.map((r) => ({
    suggestedCategory: r.suggestedCategory!,
    category: r.category!,
    suggestedPriority: r.suggestedPriority!,
    priority: r.priority!,
    band: r.band === null ? null : Number(r.band),
    count: Number(r.count),
  }));
}
