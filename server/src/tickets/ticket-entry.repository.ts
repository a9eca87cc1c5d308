// The SQL that reads the entries (history events, notes) of many tickets at once: a
// lateral page per ticket of a list, each a range scan of its (ticket_id, id) index,
// so a page of 100 tickets with their first 5 events is one statement, bounded by
// the page sizes rather than by how many entries a ticket has.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The tickets as a relation `t(ticket_id)`, to join each one's page laterally. */
export function listedTickets(ticketIds: readonly number[]): SQL {
  return sql`unnest(array[${sql.join(
    ticketIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::integer[]) as t(ticket_id)`;
}

/** The condition a lateral page puts on its table's ticket column. */
export function ofListedTicket(column: AnyColumn): SQL {
  return sql`${column} = t.ticket_id`;
}
