// The closed vocabularies of a ticket, as stored in the database (lowercase) and
// exposed by GraphQL (SCREAMING_CASE names mapping to the same lowercase values).
import { registerEnumType } from 'type-graphql';

export enum TicketCategory {
  BILLING = 'billing',
  TECHNICAL = 'technical',
  ACCOUNT = 'account',
  GENERAL = 'general',
}

export enum TicketPriority {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  CRITICAL = 'critical',
}

export enum TicketStatus {
  OPEN = 'open',
  IN_PROGRESS = 'in_progress',
  RESOLVED = 'resolved',
  CLOSED = 'closed',
}

export enum ClassificationSource {
  GEMINI = 'gemini',
  LOCAL = 'local',
  DEFAULT = 'default',
}

/**
 * How a ticket's suggestion fared, judged on what the agent saved when creating the
 * ticket (as the triage report counts it): both fields kept, or the category, the
 * priority or either changed.
 */
export enum SuggestionOutcome {
  ACCEPTED = 'accepted',
  OVERRIDDEN = 'overridden',
  CATEGORY_OVERRIDDEN = 'category_overridden',
  PRIORITY_OVERRIDDEN = 'priority_overridden',
}

// Tuples for the database CHECK constraints, validation and `it.each` tables.
export const TICKET_CATEGORIES = Object.values(TicketCategory);
export const TICKET_PRIORITIES = Object.values(TicketPriority);
export const TICKET_STATUSES = Object.values(TicketStatus);
export const CLASSIFICATION_SOURCES = Object.values(ClassificationSource);
export const SUGGESTION_OUTCOMES = Object.values(SuggestionOutcome);

/**
 * How sure the classifier was of a suggestion, in bands: the dashboard shows acceptance
 * per band, and each band's figures link to its tickets.
 */
export enum ConfidenceBand {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  VERY_HIGH = 'very_high',
}

/** Each band's confidences: from (included) to (excluded, except 1 in the last band). The one place they are defined. */
export const CONFIDENCE_BAND_RANGES: Readonly<Record<ConfidenceBand, { from: number; to: number }>> = {
  low: { from: 0, to: 0.5 },
  medium: { from: 0.5, to: 0.7 },
  high: { from: 0.7, to: 0.9 },
  very_high: { from: 0.9, to: 1 },
};

export const CONFIDENCE_BANDS = Object.values(ConfidenceBand);

/** Statuses that count as "open" in statistics: the active, unresolved tickets. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = [TicketStatus.OPEN, TicketStatus.IN_PROGRESS];
/** Statuses that stamp `resolved_at`. */
export const RESOLVED_STATUSES: readonly TicketStatus[] = [TicketStatus.RESOLVED, TicketStatus.CLOSED];

/** What a new ticket gets for a field the client leaves out. */
export const TICKET_DEFAULTS = {
  category: TicketCategory.GENERAL,
  priority: TicketPriority.MEDIUM,
  status: TicketStatus.OPEN,
} as const;

/** What a history event records: a ticket created, one field of it changed, its assignee set or removed, or a note added. */
export enum TicketEventKind {
  CREATED = 'created',
  FIELD_CHANGED = 'field_changed',
  ASSIGNED = 'assigned',
  UNASSIGNED = 'unassigned',
  NOTE_ADDED = 'note_added',
}

/**
 * The fields of a ticket whose changes history records, in this order: one
 * `field_changed` event per field, except the assignee, which has events of its own
 * (`assigned`, `unassigned`) and is named only where changes are summed up (a live
 * update's `changedFields`).
 */
export enum TicketEventField {
  TITLE = 'title',
  DESCRIPTION = 'description',
  CATEGORY = 'category',
  PRIORITY = 'priority',
  STATUS = 'status',
  ASSIGNEE = 'assignee',
}

export const TICKET_EVENT_KINDS = Object.values(TicketEventKind);
export const TICKET_EVENT_FIELDS = Object.values(TicketEventField);
/** The fields a `field_changed` event names in `field`, as stored (the database checks it). */
export const RECORDED_EVENT_FIELDS = [
  TicketEventField.TITLE,
  TicketEventField.DESCRIPTION,
  TicketEventField.CATEGORY,
  TicketEventField.PRIORITY,
  TicketEventField.STATUS,
] as const;
export type RecordedEventField = (typeof RECORDED_EVENT_FIELDS)[number];

/** Ticket ids are PostgreSQL `integer`s: no id, cursor or row offset goes beyond this. */
export const TICKET_ID_MAX = 2_147_483_647;

export const TICKET_TITLE_MAX = 200;
export const TICKET_DESCRIPTION_MAX = 20_000;
/** Longest internal note, in code points of the trimmed text. */
export const TICKET_NOTE_MAX = 10_000;

registerEnumType(TicketCategory, {
  name: 'TicketCategory',
  description: 'What a ticket is about.',
  valuesConfig: {
    BILLING: { description: 'Charges, invoices, refunds, plans and payment methods.' },
    TECHNICAL: { description: 'Errors, crashes, outages, bugs and integrations.' },
    ACCOUNT: { description: 'Sign-in, passwords, 2FA, profile and access.' },
    GENERAL: { description: 'Questions and requests that fit no other category.' },
  },
});

registerEnumType(SuggestionOutcome, {
  name: 'SuggestionOutcome',
  description:
    'How a suggestion fared, judged on what the agent saved when creating the ticket (a later edit is history, not an override), as `stats.triage` counts it.',
  valuesConfig: {
    ACCEPTED: { description: 'Filed with both the suggested category and priority.' },
    OVERRIDDEN: { description: 'Filed with another category or priority.' },
    CATEGORY_OVERRIDDEN: { description: 'Filed in another category than suggested.' },
    PRIORITY_OVERRIDDEN: { description: 'Filed with another priority than suggested.' },
  },
});

registerEnumType(ConfidenceBand, {
  name: 'ConfidenceBand',
  description: 'How sure the classifier was of a suggestion, in bands.',
  valuesConfig: {
    LOW: { description: 'Below 0.5.' },
    MEDIUM: { description: '0.5 up to 0.7 (excluded).' },
    HIGH: { description: '0.7 up to 0.9 (excluded).' },
    VERY_HIGH: { description: '0.9 to 1.' },
  },
});

registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: 'How urgently a ticket needs attention.',
  valuesConfig: {
    LOW: { description: 'Cosmetic issues, questions, feature requests.' },
    MEDIUM: { description: 'Something is wrong for one user but a workaround exists.' },
    HIGH: { description: 'A user is blocked, or money is wrongly charged.' },
    CRITICAL: { description: 'Outage, security incident, data loss, or many users affected.' },
  },
});

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket is in its lifecycle.',
  valuesConfig: {
    OPEN: { description: 'New, nobody has started on it.' },
    IN_PROGRESS: { description: 'An agent is working on it.' },
    RESOLVED: { description: 'Fixed or answered; stamps `resolvedAt`.' },
    CLOSED: { description: 'Done and archived; stamps `resolvedAt`.' },
  },
});

registerEnumType(ClassificationSource, {
  name: 'ClassificationSource',
  description: 'Which classifier produced a suggestion.',
  valuesConfig: {
    GEMINI: { description: 'Google Gemini answered.' },
    LOCAL: { description: 'The offline keyword classifier answered (Gemini not configured or failed).' },
    DEFAULT: { description: 'Nothing recognisable: the defaults general/medium.' },
  },
});

registerEnumType(TicketEventKind, {
  name: 'TicketEventKind',
  description: 'What a history event records.',
  valuesConfig: {
    CREATED: { description: 'The ticket was created; `suggestion` is the AI suggestion shown then, if any.' },
    FIELD_CHANGED: { description: 'One field changed from `from` to `to`.' },
    ASSIGNED: { description: 'The ticket was assigned to `assignee` (from `previousAssignee` on a reassignment).' },
    UNASSIGNED: { description: 'The ticket was unassigned: `assignee` is the one removed.' },
    NOTE_ADDED: { description: 'An internal note was added; `note` is the note.' },
  },
});

registerEnumType(TicketEventField, {
  name: 'TicketEventField',
  description: 'A ticket field whose changes history records.',
  valuesConfig: {
    TITLE: { description: 'The title.' },
    DESCRIPTION: { description: 'The description.' },
    CATEGORY: { description: 'The category (`from`/`to` are TicketCategory names).' },
    PRIORITY: { description: 'The priority (`from`/`to` are TicketPriority names).' },
    STATUS: { description: 'The status (`from`/`to` are TicketStatus names).' },
    ASSIGNEE: {
      description:
        'The assignee: named in a live update’s `changedFields`; its history events are ASSIGNED and UNASSIGNED, never FIELD_CHANGED.',
    },
  },
});
