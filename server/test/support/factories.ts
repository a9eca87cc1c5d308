// Data factories: tickets written straight to the database, with any column
// overridable (creation times included), for arranging test scenarios.
import type { Db } from '../../src/db/client.js';
import { tickets, type NewTicketRow, type TicketRow } from '../../src/db/schema.js';
import {
  RESOLVED_STATUSES,
  type ClassificationSource,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../../src/tickets/ticket.enums.js';

/** Column overrides; enum columns also take their plain lowercase strings. */
export type TicketOverrides = Omit<
  Partial<NewTicketRow>,
  'category' | 'priority' | 'status' | 'suggestedCategory' | 'suggestedPriority' | 'classificationSource'
> & {
  category?: `${TicketCategory}`;
  priority?: `${TicketPriority}`;
  status?: `${TicketStatus}`;
  suggestedCategory?: `${TicketCategory}` | null;
  suggestedPriority?: `${TicketPriority}` | null;
  classificationSource?: `${ClassificationSource}` | null;
};

let sequence = 0;

export async function createTicket(db: Db, overrides: TicketOverrides = {}): Promise<TicketRow> {
  sequence += 1;
  const status = (overrides.status ?? 'open') as TicketStatus;
  const [row] = await db
    .insert(tickets)
    .values({
      title: `Ticket ${sequence}`,
      description: `Description of ticket ${sequence}`,
      resolvedAt: RESOLVED_STATUSES.includes(status) ? (overrides.createdAt ?? new Date()) : null,
      ...overrides,
    } as NewTicketRow)
    .returning();
  return row!;
}

export async function createTickets(db: Db, n: number, overrides: (i: number) => TicketOverrides = () => ({})): Promise<TicketRow[]> {
  const rows: TicketRow[] = [];
  for (let i = 0; i < n; i += 1) rows.push(await createTicket(db, overrides(i)));
  return rows;
}
