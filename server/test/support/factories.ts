// Data factories: tickets written straight to the database, with any column
// overridable (creation times included), for arranging test scenarios. A ticket
// gets a suggestion only as the server gives one: issued as classify issues it,
// then redeemed; its suggestion columns cannot be set directly.
import type { Db } from '../../src/db/client.js';
import { tickets, type NewTicketRow, type TicketRow } from '../../src/db/schema.js';
import {
  RESOLVED_STATUSES,
  type ClassificationSource,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../../src/tickets/ticket.enums.js';
import { issueSuggestion, redeemSuggestion } from '../../src/tickets/ticket-suggestion.service.js';

/** A classifier's answer, standing in for Gemini or the offline classifier. */
export interface SuggestedAnswer {
  category: `${TicketCategory}`;
  priority: `${TicketPriority}`;
  source: `${ClassificationSource}`;
}

/** Column overrides; enum columns also take their plain lowercase strings. */
export type TicketOverrides = Omit<
  Partial<NewTicketRow>,
  'category' | 'priority' | 'status' | 'suggestedCategory' | 'suggestedPriority' | 'classificationSource'
> & {
  category?: `${TicketCategory}`;
  priority?: `${TicketPriority}`;
  status?: `${TicketStatus}`;
  /** The suggestion shown: issued for the ticket's description and redeemed, as a create through the API does. */
  suggested?: SuggestedAnswer;
};

/**
 * Records `answer` as the server's suggestion for `description`, as classify does,
 * and returns the id classify would answer.
 */
export function issueTestSuggestion(db: Db, description: string, answer: SuggestedAnswer): Promise<string> {
  return issueSuggestion(db, description, answer as Parameters<typeof issueSuggestion>[2]);
}

let sequence = 0;

export async function createTicket(db: Db, overrides: TicketOverrides = {}): Promise<TicketRow> {
  sequence += 1;
  const { suggested: answer, ...columns } = overrides;
  const status = (columns.status ?? 'open') as TicketStatus;
  const description = columns.description ?? `Description of ticket ${sequence}`;
  let suggestion = null;
  if (answer) {
    const id = await issueTestSuggestion(db, description, answer);
    suggestion = await redeemSuggestion(db, { id }, description);
    if (!suggestion) throw new Error('the suggestion just issued could not be redeemed');
  }
  const [row] = await db
    .insert(tickets)
    .values({
      title: `Ticket ${sequence}`,
      description,
      resolvedAt: RESOLVED_STATUSES.includes(status) ? (columns.createdAt ?? new Date()) : null,
      ...columns,
      suggestedCategory: suggestion?.category ?? null,
      suggestedPriority: suggestion?.priority ?? null,
      classificationSource: suggestion?.source ?? null,
    } as NewTicketRow)
    .returning();
  return row!;
}

export async function createTickets(db: Db, n: number, overrides: (i: number) => TicketOverrides = () => ({})): Promise<TicketRow[]> {
  const rows: TicketRow[] = [];
  for (let i = 0; i < n; i += 1) rows.push(await createTicket(db, overrides(i)));
  return rows;
}
