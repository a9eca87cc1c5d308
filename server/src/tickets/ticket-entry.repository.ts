// The SQL that reads the entries (history events, notes) of many tickets at once: a
// lateral page per ticket of a list, each a range scan of its (ticket_id, id) index,
// so a page of 100 tickets with their first 5 events is one statement, bounded by
// the page sizes rather than by how many entries a ticket has. Built once per page
// shape and prepared (see cachedQuery): the ticket ids, the cursor and the page size
// are its parameters.
import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';

/**
 * The tickets as a relation `t(ticket_id)`, to join each one's page laterally: one
 * array parameter (a placeholder of a prepared statement), so the statement is the
 * same for any number of tickets.
 */
export function listedTickets(ticketIds: Placeholder): SQL {
  return sql`unnest(${ticketIds}::integer[]) as t(ticket_id)`;
}

/** The condition a lateral page puts on its table's ticket column. */
export function ofListedTicket(column: AnyColumn): SQL {
  return sql`${column} = t.ticket_id`;
}
