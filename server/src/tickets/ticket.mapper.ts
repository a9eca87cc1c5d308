// Maps a stored ticket row to the GraphQL `Ticket` shape.
import type { TicketRow } from './ticket.repository.js';
import type { Ticket } from './ticket.type.js';

export function toTicket(row: TicketRow): Ticket {
  const { suggestedCategory, suggestedPriority, classificationSource, suggestionAccepted, suggestionConfidence, ...rest } = row;
  return {
    ...rest,
    suggestion:
      suggestedCategory && suggestedPriority && classificationSource
        ? {
            category: suggestedCategory,
            priority: suggestedPriority,
            source: classificationSource,
            confidence: suggestionConfidence,
            // As saved by the create: a later edit does not change it.
            accepted: suggestionAccepted === true,
          }
        : null,
  };
}
