// The benchmarks' data set on their own database: how many tickets it holds, and the
// statements that leave it as a run found it.

/** One row: `count` (the tickets, from the counters) and `max_id` (the newest ticket's id; 0 when none). */
export const DATA_SET_SIZE_SQL =
  'select coalesce((select sum(count) from ticket_counts), 0)::int as count, coalesce((select max(id) from tickets), 0)::int as max_id';

/**
 * The write cases' tickets go (the counters follow through the triggers) and their dead
 * rows are vacuumed away, so that the next run's newest-first reads see the seeded
 * data, not thousands of benchmark rows.
 */
export function restoreDataSetStatements(maxId: number): string[] {
  return [`delete from tickets where id > ${maxId}`, 'vacuum analyze tickets', 'vacuum analyze ticket_counts, ticket_daily_counts'];
}
