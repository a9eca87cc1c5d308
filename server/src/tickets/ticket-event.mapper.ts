// Maps a stored history event to the GraphQL `TicketEvent` shape.
import { ClassificationSource, TicketCategory, TicketPriority, TicketStatus, type RecordedEventField } from './ticket.enums.js';
import type { TicketEventRow } from './ticket-event.repository.js';
import type { TicketEvent } from './ticket-event.type.js';
import { toTicketNote } from './ticket-note.type.js';

/** Stored value -> GraphQL enum value name, for the fields that hold one. */
const enumNames = (values: Record<string, string>) => new Map(Object.entries(values).map(([name, value]) => [value, name]));

// Exhaustive: a new recorded field fails to compile until it says how GraphQL shows its values.
const GRAPHQL_VALUE: Record<RecordedEventField, ReadonlyMap<string, string> | null> = {
  title: null,
  description: null,
  category: enumNames(TicketCategory),
  priority: enumNames(TicketPriority),
  status: enumNames(TicketStatus),
};

function shown(field: RecordedEventField | null, value: string | null): string | null {
  if (field === null || value === null) return value;
  return GRAPHQL_VALUE[field]?.get(value) ?? value;
}

export function toTicketEvent(row: TicketEventRow): TicketEvent {
  const { suggestedCategory, suggestedPriority, classificationSource, suggestionAccepted } = row;
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    field: row.field,
    from: shown(row.field, row.fromValue),
    to: shown(row.field, row.toValue),
    suggestion:
      suggestedCategory && suggestedPriority && classificationSource
        ? {
            category: suggestedCategory as TicketCategory,
            priority: suggestedPriority as TicketPriority,
            source: classificationSource as ClassificationSource,
            accepted: suggestionAccepted === true,
          }
        : null,
    note: row.note === null ? null : toTicketNote(row.note),
    actorUserId: row.actorUserId,
    actorTokenId: row.actorTokenId,
    assigneeUserId: row.assigneeUserId,
    previousAssigneeUserId: row.previousAssigneeUserId,
  };
}
