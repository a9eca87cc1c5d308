// Maps a stored ticket row to the GraphQL `Ticket` shape.
import type { TicketRow } from './ticket.repository.js';
import type { Ticket } from './ticket.type.js';

export function toTicket(row: TicketRow): Ticket {
  const { suggestedCategory, suggestedPriority, classificationSource, suggestionConfidence, ...rest } = row;
  return {
    ...rest,
    suggestion:
      suggestedCategory && suggestedPriority && classificationSource
        ? {
            category: suggestedCategory,
            priority: suggestedPriority,
            source: classificationSource,
            confidence: suggestionConfidence,
            accepted: suggestedCategory === row.category && suggestedPriority === row.priority,
          }
        : null,
  };
}
