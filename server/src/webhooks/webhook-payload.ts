// The JSON body of a delivery, built from an outbox row: the event id receivers
// deduplicate on, its type and time, the ticket as it was after the change (the
// REST API's field names), and for ticket.changed the fields that changed.
import { WebhookEventType } from './webhook.enums.js';

type Row = Record<string, unknown>;

export interface OutboxEvent {
  type: WebhookEventType;
  firstEventId: number;
  occurredAt: Date;
  /** The `tickets` row, as `to_jsonb` wrote it. */
  ticket: Row;
  /** The `ticket_events` rows, as `to_jsonb` wrote them. */
  events: Row[];
}

export interface WebhookChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface WebhookBody {
  id: string;
  type: WebhookEventType;
  occurred_at: string;
  ticket: Row;
  changes?: WebhookChange[];
  note?: { id: unknown };
}

const iso = (value: unknown) => (value == null ? null : new Date(String(value)).toISOString());

/** The ticket's public fields (those of the REST API), whatever else the row holds. */
function ticketBody(row: Row): Row {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    priority: row.priority,
    status: row.status,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    resolved_at: iso(row.resolved_at),
    version: row.version,
    // Present once tickets can be assigned.
    ...('assignee_user_id' in row && { assignee_id: row.assignee_user_id }),
  };
}

/**
 * One change per history event. Kinds this code does not know (a newer server wrote
 * them) still say the ticket changed, with what the event names.
 */
function change(event: Row): WebhookChange | null {
  switch (event.kind) {
    case 'created':
    case 'note_added':
      return null;
    case 'field_changed':
      return { field: String(event.field), from: event.from_value, to: event.to_value };
    case 'assigned':
    case 'unassigned':
      return {
        field: 'assignee',
        from: event.previous_assignee_user_id ?? (event.kind === 'unassigned' ? (event.assignee_user_id ?? null) : null),
        to: event.kind === 'assigned' ? (event.assignee_user_id ?? null) : null,
      };
    default:
      return { field: String(event.field ?? event.kind), from: event.from_value ?? null, to: event.to_value ?? null };
  }
}

export function webhookBody(event: OutboxEvent): WebhookBody {
  const body: WebhookBody = {
    id: String(event.firstEventId),
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    ticket: ticketBody(event.ticket),
  };
  if (event.type === WebhookEventType.TICKET_CHANGED) body.changes = event.events.map(change).filter((c) => c !== null);
  if (event.type === WebhookEventType.NOTE_ADDED) {
    const noted = event.events.find((e) => e.kind === 'note_added');
    body.note = { id: noted?.note_id ?? null };
  }
  return body;
}
